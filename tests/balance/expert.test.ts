import { describe, expect, it } from 'vitest';
import { SHARES } from '../../src/bots/balance';
import { actionDef, CATALOGUE } from '../../src/engine';
import { loadAllScenarios } from '../../src/scenarios/files';
import { BALANCED_RANGE, momentum, rate, runsOf, SWEEP_TIMEOUT } from './support';

/**
 * Skill wins and flexes: the search bot reaches momentum where rote play cannot, spends its
 * time differently turn by turn as the situation shifts, and finds a use for every card.
 * Averages over 100 seeds per scenario are stable to a few points; the rates use 500.
 */
const scenarios = loadAllScenarios().map((s) => s.scenario);
const SAMPLE = 100;

function leadershipByTurn(id: string): number[] {
  const scenario = scenarios.find((s) => s.id === id)!;
  const sum: number[] = [];
  const n: number[] = [];
  for (const g of runsOf(scenario, 'expert', SAMPLE)) {
    g.turns.forEach((turn, k) => {
      let lead = 0;
      let all = 0;
      for (const a of turn) {
        if (a.type !== 'choose') continue;
        const def = actionDef(a.action)!;
        all += def.cost;
        if (def.side === 'lead') lead += def.cost;
      }
      if (all === 0) return;
      sum[k] = (sum[k] ?? 0) + (100 * lead) / all;
      n[k] = (n[k] ?? 0) + 1;
    });
  }
  return sum.map((x, k) => x / n[k]!);
}

describe('the expert', { timeout: SWEEP_TIMEOUT }, () => {
  it('flexes: in at least three scenarios its most leadership-heavy turn is 25 points above its least', () => {
    const spreads = scenarios.map((s) => {
      const by = leadershipByTurn(s.id);
      return Math.max(...by) - Math.min(...by);
    });
    expect(spreads.filter((x) => x >= 25).length).toBeGreaterThanOrEqual(3);
  });

  it('finds a moment for every card: each is chosen in at least 3% of its turns in some scenario', () => {
    const best = new Map<string, number>();
    for (const s of scenarios) {
      const runs = runsOf(s, 'expert', SAMPLE);
      let turns = 0;
      const used = new Map<string, number>();
      for (const g of runs) {
        turns += g.turns.length;
        for (const t of g.turns)
          for (const a of t) if (a.type === 'choose') used.set(a.action, (used.get(a.action) ?? 0) + 1);
      }
      for (const a of CATALOGUE) best.set(a.id, Math.max(best.get(a.id) ?? 0, (used.get(a.id) ?? 0) / turns));
    }
    expect(CATALOGUE.filter((a) => best.get(a.id)! < 0.03).map((a) => a.id)).toEqual([]);
  });
});

describe('the lesson', { timeout: SWEEP_TIMEOUT }, () => {
  it('the stagnant giant is best led 30 points more than the idea factory', () => {
    const bestShare = (id: string): number => {
      const scenario = scenarios.find((s) => s.id === id)!;
      let best = { share: -1, rate: -1 };
      for (const share of SHARES) {
        const r = rate(runsOf(scenario, `share:${share}`), momentum);
        if (r > best.rate) best = { share, rate: r };
      }
      expect(best.rate, id).toBeGreaterThan(0.05);
      return best.share;
    };
    expect(bestShare('stagnant-giant') - bestShare('idea-factory')).toBeGreaterThanOrEqual(30);
  });
});

describe('difficulty', { timeout: SWEEP_TIMEOUT }, () => {
  it('balanced play wins most in easy scenarios, then medium, then hard, on average', () => {
    const mean = (d: keyof typeof BALANCED_RANGE): number => {
      const list = scenarios.filter((s) => s.difficulty === d);
      return list.reduce((sum, s) => sum + rate(runsOf(s, 'balanced'), momentum), 0) / list.length;
    };
    expect(mean('easy')).toBeGreaterThan(mean('medium'));
    expect(mean('medium')).toBeGreaterThan(mean('hard'));
  });
});
