import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/engine/causes';
import {
  applyDrift,
  applyExpectations,
  applyPressures,
  executionTarget,
  innovationTarget,
  moraleTarget,
  DYNAMICS,
} from '../../src/engine/dynamics';
import { causeTotal } from '../../src/engine/causes';
import type { GameState } from '../../src/engine/state-types';
import { VARIABLES, type Vars } from '../../src/engine/variables';
import { causeSum, END, game, mid, ok, withEvents, withShifts, withVars } from './helpers';

const vars = (over: Partial<Vars> = {}): Vars => mid(over);

const varsArb = fc.record(
  Object.fromEntries(VARIABLES.map((n) => [n, fc.integer({ min: 0, max: 100 })])) as Record<
    keyof Vars,
    fc.Arbitrary<number>
  >,
);

function pressures(v: Vars) {
  const before = { ...v };
  const ledger = new Ledger();
  applyPressures(v, ledger);
  return { v, before, causes: ledger.result() };
}

describe('churn', () => {
  it('burns energy and execution, and only those, when ideas run far ahead of structure', () => {
    const { causes } = pressures(vars({ innovation: 90, clarity: 80, structure: 10, control: 10 }));
    expect(causes.map((c) => c.var).sort()).toEqual(['energy', 'execution']);
    for (const c of causes) {
      expect(c).toMatchObject({ kind: 'pressure', source: DYNAMICS.churn });
      expect(c.amount).toBeLessThan(0);
    }
  });

  it('does nothing while structure and control keep up with innovation and clarity', () => {
    expect(pressures(vars({ innovation: 50, clarity: 50, structure: 50, control: 50 })).causes).toEqual([]);
    expect(causeSum(pressures(vars({ innovation: 20, structure: 90 })).causes, { source: DYNAMICS.churn })).toBe(0);
    expect(
      causeSum(pressures(vars({ innovation: 100, clarity: 100, structure: 100, control: 100 })).causes, {
        source: DYNAMICS.churn,
      }),
    ).toBe(0);
  });

  it('grows with the gap between ideas and structure', () => {
    fc.assert(
      fc.property(varsArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const burn = (innovation: number) =>
          -causeSum(pressures({ ...start, innovation }).causes, { source: DYNAMICS.churn });
        expect(burn(hi)).toBeGreaterThanOrEqual(burn(lo));
        const loose = (structure: number) =>
          -causeSum(pressures({ ...start, structure }).causes, { source: DYNAMICS.churn });
        expect(loose(lo)).toBeGreaterThanOrEqual(loose(hi));
      }),
      { numRuns: 200 },
    );
  });
});

describe('red tape', () => {
  it('costs morale and innovation, and only those, when structure and control run far above trust and clarity', () => {
    const { causes } = pressures(vars({ structure: 90, control: 90, trust: 10, clarity: 10, innovation: 10 }));
    expect(causes.map((c) => c.var).sort()).toEqual(['innovation', 'morale']);
    for (const c of causes) {
      expect(c).toMatchObject({ kind: 'pressure', source: DYNAMICS.redTape });
      expect(c.amount).toBeLessThan(0);
    }
  });

  it('does nothing while trust and clarity keep up', () => {
    fc.assert(
      fc.property(varsArb, (v) => {
        fc.pre(v.trust + v.clarity >= v.structure + v.control);
        expect(causeSum(pressures({ ...v }).causes, { source: DYNAMICS.redTape })).toBe(0);
      }),
      { numRuns: 200 },
    );
    expect(pressures(vars({ structure: 90, control: 90, trust: 90, clarity: 90 })).causes).toEqual([]);
  });

  it('grows as rules outrun trust', () => {
    fc.assert(
      fc.property(varsArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const sap = (over: Partial<Vars>) =>
          -causeSum(pressures({ ...start, ...over }).causes, { source: DYNAMICS.redTape });
        expect(sap({ control: hi })).toBeGreaterThanOrEqual(sap({ control: lo }));
        expect(sap({ trust: lo })).toBeGreaterThanOrEqual(sap({ trust: hi }));
      }),
      { numRuns: 200 },
    );
  });

  it('only ever pushes down, and by its own sources', () => {
    fc.assert(
      fc.property(varsArb, (v) => {
        const { causes } = pressures({ ...v });
        for (const c of causes) {
          expect(c.kind).toBe('pressure');
          expect([DYNAMICS.churn, DYNAMICS.redTape]).toContain(c.source);
          expect(c.amount).toBeLessThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('drift', () => {
  function drift(v: Vars, cap = 50) {
    const before = { ...v };
    const targets = {
      execution: executionTarget(v, cap),
      innovation: innovationTarget(v, cap),
      morale: moraleTarget(v),
    };
    const ledger = new Ledger();
    applyDrift(v, cap, ledger);
    return { v, before, targets, causes: ledger.result() };
  }

  it('moves headline meters part of the way toward their targets, never past them', () => {
    fc.assert(
      fc.property(varsArb, fc.integer({ min: 0, max: 100 }), (start, cap) => {
        const { v, before, targets } = drift({ ...start }, cap);
        for (const name of ['execution', 'innovation', 'morale'] as const) {
          const gap = targets[name] - before[name];
          const moved = v[name] - before[name];
          expect(Math.abs(moved)).toBeLessThanOrEqual(Math.abs(gap));
          if (moved !== 0) expect(Math.sign(moved)).toBe(Math.sign(gap));
          // A wide gap is never ignored, and never closed in one turn.
          if (Math.abs(gap) >= 10) {
            expect(moved).not.toBe(0);
            expect(moved).not.toBe(gap);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('moves a meter further the further it is from its target', () => {
    fc.assert(
      fc.property(varsArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (start, a, b) => {
        for (const name of ['execution', 'innovation', 'morale'] as const) {
          const target = drift({ ...start }).targets[name];
          // Both levels on the same side of the target, the nearer one first.
          const [near, far] = Math.abs(target - a) <= Math.abs(target - b) ? [a, b] : [b, a];
          if (Math.sign(target - near) !== Math.sign(target - far)) continue;
          const move = (x: number) => Math.abs(drift({ ...start, [name]: x }).v[name] - x);
          expect(move(far)).toBeGreaterThanOrEqual(move(near));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('targets follow their supports', () => {
    const lo = vars({ structure: 20, control: 20 });
    const hi = vars({ structure: 80, control: 80 });
    expect(executionTarget(hi, 50)).toBeGreaterThan(executionTarget(lo, 50));
    expect(executionTarget(vars(), 90)).toBeGreaterThan(executionTarget(vars(), 10));
    expect(innovationTarget(vars({ trust: 90 }), 50)).toBeGreaterThan(innovationTarget(vars({ trust: 10 }), 50));
    expect(moraleTarget(vars({ energy: 90 }))).toBeGreaterThan(moraleTarget(vars({ energy: 10 })));
    // Weights sum to 10 (plus capacity): all at x gives x, give or take the capacity term.
    expect(executionTarget(vars(), 50)).toBe(50);
    expect(innovationTarget(vars(), 50)).toBe(50);
    expect(moraleTarget(vars())).toBe(50);
  });

  it('fades clarity, structure and control, never raises trust, and restores energy', () => {
    const { v, before, causes } = drift(vars());
    for (const name of ['clarity', 'structure', 'control'] as const) {
      expect(v[name]).toBeLessThan(before[name]);
      expect(causeSum(causes, { var: name, source: DYNAMICS.fade })).toBe(v[name] - before[name]);
    }
    expect(v.trust).toBeLessThanOrEqual(before.trust);
    expect(v.energy).toBeGreaterThan(before.energy);
    expect(causeSum(causes, { var: 'energy', source: DYNAMICS.rest })).toBe(v.energy - before.energy);
    for (const c of causes) expect(c.kind).toBe('drift');
  });

  it('fades higher levels at least as much as lower ones', () => {
    fc.assert(
      fc.property(varsArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        for (const name of ['clarity', 'structure', 'control', 'trust'] as const) {
          const low = drift({ ...start, [name]: lo });
          const high = drift({ ...start, [name]: hi });
          const lost = (r: ReturnType<typeof drift>) => -causeSum(r.causes, { var: name, source: DYNAMICS.fade });
          expect(lost(low)).toBeGreaterThanOrEqual(0);
          // Clamping at 0 can only shrink the loss of the lower level.
          expect(lost(high)).toBeGreaterThanOrEqual(lost(low));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('progress grows with execution aimed by clarity and fed by ideas, and never shrinks', () => {
    const none = drift(vars({ execution: 0 }));
    expect(none.v.progress).toBe(none.before.progress);
    const { v, before } = drift(vars({ execution: 100, clarity: 100, innovation: 100, progress: 10 }));
    expect(v.progress).toBeGreaterThan(before.progress);
    fc.assert(
      fc.property(varsArb, (start) => {
        const r = drift({ ...start });
        expect(r.v.progress).toBeGreaterThanOrEqual(r.before.progress);
        for (const name of VARIABLES) expect(causeTotal(r.causes, name)).toBe(r.v[name] - r.before[name]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('dynamics in the game', () => {
  it('an idea factory without structure churns; it has no red tape', () => {
    const s = withEvents(game('idea-factory'), [], 0);
    expect(s.vars.innovation).toBeGreaterThan(s.vars.structure);
    const r = ok(s, END);
    expect(causeSum(r.causes, { kind: 'pressure', source: DYNAMICS.churn })).toBeLessThan(0);
    expect(causeSum(r.causes, { kind: 'pressure', source: DYNAMICS.redTape })).toBe(0);
  });

  it('a stagnant giant drowns in red tape; it does not churn', () => {
    const s = withEvents(game('stagnant-giant'), [], 0);
    const r = ok(s, END);
    expect(causeSum(r.causes, { kind: 'pressure', source: DYNAMICS.redTape })).toBeLessThan(0);
    expect(causeSum(r.causes, { kind: 'pressure', source: DYNAMICS.churn })).toBe(0);
  });

  it('left alone, clarity fades turn after turn', () => {
    let s = withEvents(game('first-team'), [], 0);
    for (let i = 0; i < 3; i++) {
      const r = ok(s, END);
      expect(r.state.vars.clarity).toBeLessThan(s.vars.clarity);
      expect(causeSum(r.causes, { var: 'clarity', kind: 'drift', source: DYNAMICS.fade })).toBeLessThan(0);
      s = r.state;
    }
  });
});

describe('expectations', () => {
  function expectations(streak: number, v = vars()) {
    const before = { ...v };
    const ledger = new Ledger();
    applyExpectations(v, streak, ledger);
    return { v, before, causes: ledger.result() };
  }

  it('wear down clarity, control and energy, and nothing else', () => {
    const { v, before, causes } = expectations(1);
    expect(causes.map((c) => c.var).sort()).toEqual(['clarity', 'control', 'energy']);
    for (const c of causes) {
      expect(c).toMatchObject({ kind: 'pressure', source: DYNAMICS.expectations });
      expect(c.amount).toBeLessThan(0);
    }
    for (const name of VARIABLES) expect(causeTotal(causes, name)).toBe(v[name] - before[name]);
  });

  it('wear faster the longer momentum lasts, up to a limit', () => {
    const wear = (streak: number) => -causeSum(expectations(streak).causes, {});
    for (let streak = 1; streak < 12; streak++) expect(wear(streak + 1)).toBeGreaterThanOrEqual(wear(streak));
    expect(wear(12)).toBeGreaterThan(wear(1));
    expect(wear(1000)).toBe(wear(100));
  });

  /** A quiet state of a scenario: no events or shifts, every variable at 50. */
  function quiet(over: Partial<Pick<GameState, 'regime' | 'turn' | 'streak'>>): GameState {
    const s = withShifts(withEvents(withVars(game('first-team', 'expect'), vars()), [], 0), []);
    return { ...s, turn: 3, streak: 2, ...over };
  }

  const worn = (r: { causes: readonly { var: string; kind: string; source: string; amount: number }[] }) =>
    causeSum(r.causes, { kind: 'pressure', source: DYNAMICS.expectations });

  it('apply in a turn that follows a turn ended in momentum', () => {
    const r = ok(quiet({ regime: 'momentum' }), END);
    expect(worn(r)).toBeLessThan(0);
    expect(worn(r)).toBe(causeSum(expectations(2).causes, {}));
    const longer = ok(quiet({ regime: 'momentum', streak: 4 }), END);
    expect(worn(longer)).toBeLessThanOrEqual(worn(r));
  });

  it('do not apply after a turn that ended in any other regime', () => {
    for (const regime of ['drift', 'chaos', 'stagnation'] as const) {
      const r = ok(quiet({ regime }), END);
      expect(worn(r), regime).toBe(0);
      expect(r.causes.some((c) => c.source === DYNAMICS.expectations)).toBe(false);
    }
  });

  it('do not apply on the first turn, which no turn precedes', () => {
    expect(worn(ok(quiet({ regime: 'momentum', turn: 1, streak: 0 }), END))).toBe(0);
  });
});
