import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/engine/causes';
import {
  applyDrift,
  applyPressures,
  executionTarget,
  innovationTarget,
  moraleTarget,
  DYNAMICS,
} from '../../src/engine/dynamics';
import { causeTotal } from '../../src/engine/causes';
import { div, VARIABLES, type Vars } from '../../src/engine/variables';
import { causeSum, END, game, ok, withEvents } from './helpers';

function vars(over: Partial<Vars> = {}): Vars {
  const v = {} as Vars;
  for (const name of VARIABLES) v[name] = 50;
  return { ...v, ...over };
}

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
  it('burns energy and execution when innovation runs far above structure', () => {
    const { causes } = pressures(vars({ innovation: 80, structure: 20 }));
    const churn = 80 - 20 - 15;
    expect(causes).toEqual([
      { var: 'energy', kind: 'pressure', source: DYNAMICS.churn, amount: -div(churn, 4) },
      { var: 'execution', kind: 'pressure', source: DYNAMICS.churn, amount: -div(churn, 5) },
    ]);
  });

  it('does nothing while innovation is at most 15 above structure', () => {
    expect(pressures(vars({ innovation: 65, structure: 50 })).causes).toEqual([]);
    expect(causeSum(pressures(vars({ innovation: 20, structure: 90 })).causes, { source: DYNAMICS.churn })).toBe(0);
  });

  it('grows with the gap', () => {
    const small = pressures(vars({ innovation: 75, structure: 40 })).causes;
    const big = pressures(vars({ innovation: 95, structure: 10 })).causes;
    expect(causeSum(big, { var: 'energy' })).toBeLessThan(causeSum(small, { var: 'energy' }));
  });
});

describe('red tape', () => {
  it('costs morale and innovation when structure and control run far above trust and clarity', () => {
    const v = vars({ structure: 80, control: 75, trust: 30, clarity: 30 });
    const rigidity = div(80 + 75 - 30 - 30, 2) - 15;
    const { causes } = pressures(v);
    expect(causes).toEqual([
      { var: 'morale', kind: 'pressure', source: DYNAMICS.redTape, amount: -div(rigidity, 5) },
      { var: 'innovation', kind: 'pressure', source: DYNAMICS.redTape, amount: -div(rigidity, 4) },
    ]);
  });

  it('does nothing while trust and clarity keep up', () => {
    // (structure + control - trust - clarity) / 2 = 15 exactly: no pressure yet.
    expect(pressures(vars({ structure: 80, control: 80, trust: 50, clarity: 80 })).causes).toEqual([]);
    expect(pressures(vars({ structure: 90, control: 90, trust: 90, clarity: 90 })).causes).toEqual([]);
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

  it('moves headline meters a quarter of the way toward their targets, never past them', () => {
    fc.assert(
      fc.property(varsArb, fc.integer({ min: 0, max: 100 }), (start, cap) => {
        const { v, before, targets } = drift({ ...start }, cap);
        for (const name of ['execution', 'innovation', 'morale'] as const) {
          const gap = targets[name] - before[name];
          const moved = v[name] - before[name];
          // + 0 turns the -0 of a truncated small negative into 0.
          expect(moved).toBe(div(gap, 4) + 0);
          expect(Math.abs(moved)).toBeLessThanOrEqual(Math.abs(gap));
          if (gap !== 0) expect(Math.sign(moved) === Math.sign(gap) || moved === 0).toBe(true);
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
    expect(s.vars.innovation - s.vars.structure).toBeGreaterThan(15);
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
