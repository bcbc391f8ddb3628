import { describe, expect, it } from 'vitest';
import { causeTotal, Ledger, type Cause } from '../../src/engine/causes';
import { VARIABLES, type Vars } from '../../src/engine/variables';

function vars(over: Partial<Vars> = {}): Vars {
  const v = {} as Vars;
  for (const name of VARIABLES) v[name] = 50;
  return { ...v, ...over };
}

describe('Ledger.bump', () => {
  it('applies the change and records it', () => {
    const v = vars();
    const ledger = new Ledger();
    expect(ledger.bump(v, 'morale', 7, 'action', 'tell-the-why')).toBe(7);
    expect(v.morale).toBe(57);
    expect(ledger.result()).toEqual([{ var: 'morale', kind: 'action', source: 'tell-the-why', amount: 7 }]);
  });

  it('clamps at 100 and records only the applied part', () => {
    const v = vars({ trust: 95 });
    const ledger = new Ledger();
    expect(ledger.bump(v, 'trust', 10, 'action', 'lead-by-example')).toBe(5);
    expect(v.trust).toBe(100);
    expect(ledger.result()).toEqual([{ var: 'trust', kind: 'action', source: 'lead-by-example', amount: 5 }]);
  });

  it('clamps at 0 and records only the applied part', () => {
    const v = vars({ energy: 3 });
    const ledger = new Ledger();
    expect(ledger.bump(v, 'energy', -8, 'event', 'urgent-request')).toBe(-3);
    expect(v.energy).toBe(0);
    expect(ledger.result()).toEqual([{ var: 'energy', kind: 'event', source: 'urgent-request', amount: -3 }]);
  });

  it('records nothing when nothing was applied', () => {
    const v = vars({ control: 100, budget: 0 });
    const ledger = new Ledger();
    expect(ledger.bump(v, 'control', 4, 'drift', 'x')).toBe(0);
    expect(ledger.bump(v, 'budget', -4, 'drift', 'x')).toBe(0);
    expect(ledger.bump(v, 'morale', 0, 'drift', 'x')).toBe(0);
    expect(ledger.causes).toEqual([]);
    expect(v).toEqual(vars({ control: 100, budget: 0 }));
  });

  it('touches only the named variable', () => {
    const v = vars();
    new Ledger().bump(v, 'clarity', -12, 'drift', 'fade');
    expect(v).toEqual(vars({ clarity: 38 }));
  });

  it('merges bumps with the same variable, kind and source into one entry', () => {
    const v = vars();
    const ledger = new Ledger();
    ledger.bump(v, 'execution', 5, 'action', 'schedule-work');
    ledger.bump(v, 'execution', 3, 'action', 'schedule-work');
    ledger.bump(v, 'execution', -2, 'action', 'schedule-work');
    expect(ledger.result()).toEqual([{ var: 'execution', kind: 'action', source: 'schedule-work', amount: 6 }]);
    expect(v.execution).toBe(56);
  });

  it('keeps separate entries when the variable, kind or source differs', () => {
    const v = vars();
    const ledger = new Ledger();
    ledger.bump(v, 'execution', 5, 'action', 'a');
    ledger.bump(v, 'morale', 5, 'action', 'a');
    ledger.bump(v, 'execution', 5, 'delayed', 'a');
    ledger.bump(v, 'execution', 5, 'action', 'b');
    expect(ledger.result()).toHaveLength(4);
    expect(ledger.result().map((c) => c.amount)).toEqual([5, 5, 5, 5]);
  });

  it('merges only the applied parts when clamping happens', () => {
    const v = vars({ morale: 90 });
    const ledger = new Ledger();
    ledger.bump(v, 'morale', 6, 'action', 'a');
    ledger.bump(v, 'morale', 6, 'action', 'a');
    expect(v.morale).toBe(100);
    expect(ledger.result()).toEqual([{ var: 'morale', kind: 'action', source: 'a', amount: 10 }]);
  });

  it('drops entries whose gains and losses cancelled out', () => {
    const v = vars();
    const ledger = new Ledger();
    ledger.bump(v, 'innovation', 4, 'event', 'e');
    ledger.bump(v, 'innovation', -4, 'event', 'e');
    ledger.bump(v, 'trust', 1, 'event', 'e');
    expect(ledger.result()).toEqual([{ var: 'trust', kind: 'event', source: 'e', amount: 1 }]);
  });

  it('does not change a cause already handed out when merging later', () => {
    const v = vars();
    const ledger = new Ledger();
    ledger.bump(v, 'budget', 2, 'action', 'set-budget');
    const first = ledger.result()[0];
    ledger.bump(v, 'budget', 3, 'action', 'set-budget');
    expect(first?.amount).toBe(2);
    expect(ledger.result()[0]?.amount).toBe(5);
  });

  it('causes always sum to the change of each variable, whatever is bumped', () => {
    const v = vars({ morale: 2, trust: 98 });
    const start = { ...v };
    const ledger = new Ledger();
    const amounts = [7, -13, 40, -90, 3, 55, -1, 0, 100, -100];
    amounts.forEach((a, i) => {
      for (const name of VARIABLES) ledger.bump(v, name, a + i, i % 2 ? 'drift' : 'event', `s${i % 3}`);
    });
    for (const name of VARIABLES) {
      expect(causeTotal(ledger.result(), name)).toBe(v[name] - start[name]);
      expect(v[name]).toBeGreaterThanOrEqual(0);
      expect(v[name]).toBeLessThanOrEqual(100);
    }
  });
});

describe('causeTotal', () => {
  it('sums the causes of one variable only', () => {
    const causes: Cause[] = [
      { var: 'morale', kind: 'action', source: 'a', amount: 4 },
      { var: 'morale', kind: 'drift', source: 'b', amount: -7 },
      { var: 'trust', kind: 'action', source: 'a', amount: 100 },
    ];
    expect(causeTotal(causes, 'morale')).toBe(-3);
    expect(causeTotal(causes, 'trust')).toBe(100);
    expect(causeTotal(causes, 'energy')).toBe(0);
  });
});
