import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { playGame } from '../../src/bots/run';
import { REGIMES, type Regime } from '../../src/engine';
import { loadAllScenarios } from '../../src/scenarios/files';
import { onlyJson, sim } from './run-sim';

const { scenario } = loadAllScenarios().find((s) => s.scenario.id === 'idea-factory')!;

interface BatchJson {
  runs: number;
  seeds: { prefix: string; first: string; last: string };
  outcomes: Record<Regime, number>;
  averageScore: number;
}

/** Outcome counts and the total score of `random` on the given seeds, game by game. */
function direct(seeds: readonly string[]): { outcomes: Record<Regime, number>; score: number } {
  const outcomes = Object.fromEntries(REGIMES.map((r) => [r, 0])) as Record<Regime, number>;
  let score = 0;
  for (const seed of seeds) {
    const { state } = playGame(scenario, seed, policyByName('random')!);
    outcomes[state.regime] += 1;
    score += state.score;
  }
  return { outcomes, score };
}

const RUNS = 12;
const seedList = (prefix: string): string[] => Array.from({ length: RUNS }, (_, i) => `${prefix}${i + 1}`);
const batch = (...more: string[]) =>
  sim('batch', '--scenario', 'idea-factory', '--policy', 'random', '--runs', String(RUNS), ...more);

describe('sim batch --seeds', () => {
  it('plays seeds PREFIX1 … PREFIXN, and "1" … "N" without, and says which in --json', async () => {
    const prefixed = onlyJson<BatchJson>(await batch('--seeds', 'room-', '--json'));
    const plain = onlyJson<BatchJson>(await batch('--json'));
    expect(prefixed.seeds).toEqual({ prefix: 'room-', first: 'room-1', last: `room-${RUNS}` });
    expect(plain.seeds).toEqual({ prefix: '', first: '1', last: String(RUNS) });
    const withPrefix = direct(seedList('room-'));
    const without = direct(seedList(''));
    expect(prefixed.outcomes).toEqual(withPrefix.outcomes);
    expect(prefixed.averageScore).toBe(Math.round(withPrefix.score / RUNS));
    expect(plain.outcomes).toEqual(without.outcomes);
    expect(plain.averageScore).toBe(Math.round(without.score / RUNS));
    // The prefix changes the games, so the checks above tell the two apart.
    expect(withPrefix.score).not.toBe(without.score);
  });

  it('names the seeds in the first line of text', async () => {
    const r = await batch('--seeds', 'room-');
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain(`${RUNS} runs (seeds "room-1" to "room-${RUNS}")`);
  });

  it('refuses a prefix the game would refuse as a seed, as sim balance does, in one line', async () => {
    for (const prefix of ['bad\u0007bell', 'x'.repeat(99)]) {
      const b = await batch(`--seeds=${prefix}`);
      const balance = await sim('balance', '--scenario', 'idea-factory', '--runs', String(RUNS), `--seeds=${prefix}`);
      expect(b.code).toBe(2);
      expect(b.out).toEqual([]);
      expect(b.err).toHaveLength(1);
      expect(b.err[0]).toMatch(/^batch: --seeds refused: /);
      expect(b.err[0]!.replace(/^batch/, 'balance')).toBe(balance.err[0]);
    }
  });
});
