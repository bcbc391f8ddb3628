import { describe, expect, it } from 'vitest';
import {
  ENTER,
  EXIT,
  INDEX_WEIGHTS,
  isHigh,
  leadershipIndex,
  managementIndex,
  regimeOf,
} from '../../src/engine/regimes';
import { VARIABLES, type VarName, type Vars } from '../../src/engine/variables';
import { END, game, ok, SCENARIOS, withVars } from './helpers';
import { createGame } from '../../src/engine/create';

function uniform(value: number): Vars {
  const v = {} as Vars;
  for (const name of VARIABLES) v[name] = value;
  return v;
}

function only(name: VarName, value: number): Vars {
  return { ...uniform(0), [name]: value };
}

describe('leadership and management indices', () => {
  it('are what the published weights say: each variable alone at 100 gives its weight, and the weights sum to 100', () => {
    for (const [index, weights] of [
      [leadershipIndex, INDEX_WEIGHTS.l],
      [managementIndex, INDEX_WEIGHTS.m],
    ] as const) {
      const w = weights as Partial<Record<VarName, number>>;
      for (const name of VARIABLES) expect(index(only(name, 100)), name).toBe(w[name] ?? 0);
      expect(Object.values(w).reduce((a, b) => a + b, 0)).toBe(100);
    }
  });

  it('are weighted averages: equal variables give that value', () => {
    for (const x of [0, 1, 37, 50, 99, 100]) {
      expect(leadershipIndex(uniform(x))).toBe(x);
      expect(managementIndex(uniform(x))).toBe(x);
    }
  });

  it('leadership reads clarity, trust, innovation and morale, and nothing else', () => {
    for (const name of ['clarity', 'trust', 'innovation', 'morale'] as const) {
      expect(leadershipIndex(only(name, 100))).toBeGreaterThan(0);
    }
    for (const name of ['execution', 'structure', 'control', 'energy', 'progress', 'budget'] as const) {
      expect(leadershipIndex(only(name, 100))).toBe(0);
    }
    // Clarity weighs most: direction before everything else.
    expect(leadershipIndex(only('clarity', 100))).toBeGreaterThanOrEqual(leadershipIndex(only('morale', 100)));
  });

  it('management reads structure, execution and control, and nothing else', () => {
    for (const name of ['structure', 'execution', 'control'] as const) {
      expect(managementIndex(only(name, 100))).toBeGreaterThan(0);
    }
    for (const name of ['morale', 'innovation', 'trust', 'clarity', 'energy', 'progress', 'budget'] as const) {
      expect(managementIndex(only(name, 100))).toBe(0);
    }
  });

  it('never decrease when a variable rises', () => {
    for (const name of VARIABLES) {
      for (const x of [0, 20, 50, 80]) {
        const base = uniform(50);
        expect(leadershipIndex({ ...base, [name]: x + 20 })).toBeGreaterThanOrEqual(
          leadershipIndex({ ...base, [name]: x }),
        );
        expect(managementIndex({ ...base, [name]: x + 20 })).toBeGreaterThanOrEqual(
          managementIndex({ ...base, [name]: x }),
        );
      }
    }
  });

  it('are integers', () => {
    for (const name of VARIABLES) {
      for (const x of [1, 3, 7, 33, 99]) {
        expect(Number.isInteger(leadershipIndex(only(name, x)))).toBe(true);
        expect(Number.isInteger(managementIndex(only(name, x)))).toBe(true);
      }
    }
  });
});

describe('isHigh hysteresis', () => {
  it('has the exit threshold below the enter threshold', () => {
    expect(EXIT).toBeLessThan(ENTER);
  });

  it('enters high only at ENTER', () => {
    expect(isHigh(ENTER - 1, false)).toBe(false);
    expect(isHigh(ENTER, false)).toBe(true);
    expect(isHigh(100, false)).toBe(true);
    expect(isHigh(0, false)).toBe(false);
  });

  it('stays high until the index drops below EXIT', () => {
    expect(isHigh(ENTER, true)).toBe(true);
    expect(isHigh(EXIT, true)).toBe(true);
    expect(isHigh(EXIT - 1, true)).toBe(false);
    expect(isHigh(0, true)).toBe(false);
  });

  it('between EXIT and ENTER the previous state decides', () => {
    for (let i = EXIT; i < ENTER; i++) {
      expect(isHigh(i, true)).toBe(true);
      expect(isHigh(i, false)).toBe(false);
    }
  });
});

describe('regimeOf', () => {
  it('maps the 2x2 of high leadership and high management', () => {
    expect(regimeOf(true, true)).toBe('momentum');
    expect(regimeOf(true, false)).toBe('chaos');
    expect(regimeOf(false, true)).toBe('stagnation');
    expect(regimeOf(false, false)).toBe('drift');
  });
});

describe('regimes in the game', () => {
  it('a new game starts in the regime of its starting indices', () => {
    for (const sc of SCENARIOS) {
      const s = createGame(sc, 'x');
      expect(s.l).toBe(leadershipIndex(s.vars));
      expect(s.m).toBe(managementIndex(s.vars));
      expect(s.lHigh).toBe(s.l >= ENTER);
      expect(s.mHigh).toBe(s.m >= ENTER);
      expect(s.regime).toBe(regimeOf(s.lHigh, s.mHigh));
    }
  });

  it('ending a turn applies hysteresis from the previous flags', () => {
    for (const sc of SCENARIOS) {
      for (const flags of [
        [false, false],
        [true, true],
        [true, false],
        [false, true],
      ] as const) {
        const before = { ...createGame(sc, 'h'), lHigh: flags[0], mHigh: flags[1] };
        const after = ok(before, END).state;
        expect(after.l).toBe(leadershipIndex(after.vars));
        expect(after.m).toBe(managementIndex(after.vars));
        expect(after.lHigh).toBe(isHigh(after.l, flags[0]));
        expect(after.mHigh).toBe(isHigh(after.m, flags[1]));
        expect(after.regime).toBe(regimeOf(after.lHigh, after.mHigh));
      }
    }
  });

  it('an index between EXIT and ENTER keeps a high regime high and a low one low', () => {
    // All variables at the midpoint: both indices land between the thresholds after a turn.
    const mid = Math.trunc((EXIT + ENTER) / 2);
    const base = withVars(game(), uniform(mid + 4));
    const high = ok({ ...base, lHigh: true, mHigh: true, regime: 'momentum' }, END);
    const low = ok({ ...base, lHigh: false, mHigh: false, regime: 'drift' }, END);
    expect(high.state.l).toBeGreaterThanOrEqual(EXIT);
    expect(high.state.l).toBeLessThan(ENTER);
    expect(high.state.m).toBeGreaterThanOrEqual(EXIT);
    expect(high.state.m).toBeLessThan(ENTER);
    expect(high.state.regime).toBe('momentum');
    expect(low.state.regime).toBe('drift');
    expect(low.facts.some((e) => e.type === 'regime-changed')).toBe(false);
  });

  it('a change of regime is reported with its old and new values', () => {
    const s = { ...withVars(game(), uniform(90)), lHigh: false, mHigh: false, regime: 'drift' as const, streak: 3 };
    const r = ok(s, END);
    expect(r.state.regime).toBe('momentum');
    expect(r.state.streak).toBe(1);
    expect(r.facts).toContainEqual({ type: 'regime-changed', from: 'drift', to: 'momentum' });
    expect(r.state.momentumTurns).toBe(s.momentumTurns + 1);
  });
});
