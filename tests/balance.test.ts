import { describe, expect, it } from 'vitest';
import { policyByName } from '../src/bots/policies';
import { tallySeeds, type Tally } from '../src/bots/tally';
import { CATALOGUE } from '../src/engine/catalogue';
import { loadAllScenarios } from '../src/scenarios/files';

/**
 * The lesson of the game, proven by bots over seeds "1" … "1000" of every shipped scenario:
 * leading alone ends in chaos, managing alone in stagnation, both in momentum, and no single
 * action or random play gets there by luck.
 */
const SEEDS = 1000;
const scenarios = loadAllScenarios();
const results = new Map<string, Tally>();

function rate(scenarioId: string, policy: string, outcome: keyof Tally['outcomes']): number {
  const key = `${scenarioId}/${policy}`;
  let t = results.get(key);
  if (!t) {
    const { scenario } = scenarios.find((s) => s.scenario.id === scenarioId)!;
    t = tallySeeds(scenario, policyByName(policy)!, 1, SEEDS);
    results.set(key, t);
  }
  return t.outcomes[outcome] / SEEDS;
}

describe.each(scenarios.map((s) => s.scenario.id))('balance of %s over 1,000 seeds', (id) => {
  it('lead-only ends in chaos in at least 80% of runs', () => {
    expect(rate(id, 'lead-only', 'chaos')).toBeGreaterThanOrEqual(0.8);
  });
  it('manage-only ends in stagnation in at least 80% of runs', () => {
    expect(rate(id, 'manage-only', 'stagnation')).toBeGreaterThanOrEqual(0.8);
  });
  it('balanced ends in momentum in at least 60% of runs', () => {
    expect(rate(id, 'balanced', 'momentum')).toBeGreaterThanOrEqual(0.6);
  });
  it('random ends in momentum in at most 30% of runs', () => {
    expect(rate(id, 'random', 'momentum')).toBeLessThanOrEqual(0.3);
  });
  it('no single action spammed reaches momentum in more than 25% of runs', () => {
    const over = CATALOGUE.map((a) => ({ id: a.id, rate: rate(id, `spam:${a.id}`, 'momentum') })).filter(
      (x) => x.rate > 0.25,
    );
    expect(over).toEqual([]);
  });
});

describe('difficulty', () => {
  it('first-team gives balanced play its highest momentum rate', () => {
    const first = rate('first-team', 'balanced', 'momentum');
    for (const { scenario } of scenarios)
      expect(first).toBeGreaterThanOrEqual(rate(scenario.id, 'balanced', 'momentum'));
  });
});
