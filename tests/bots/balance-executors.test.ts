import { describe, expect, it } from 'vitest';
import { computeBalance, executeHere } from '../../src/bots/balance';
import { planPolicy } from '../../src/bots/plan';
import { playGame } from '../../src/bots/run';
import { balanceParallel } from '../../src/cli/parallel';
import type { Scenario } from '../../src/engine';
import { inProcessExecutor, runBalance } from '../../src/lab/balance-run';
import { loadAllScenarios } from '../../src/scenarios/files';

/**
 * The first team with eight of its actions, so a few hundred bundles fit a turn and a whole
 * balance report of a few seeds, search included, takes a second or two.
 */
const firstTeam = loadAllScenarios().find((s) => s.scenario.id === 'first-team')!.scenario;
const ACTIONS = [
  'share-vision',
  'tell-the-why',
  'coach',
  'set-goals',
  'make-plan',
  'schedule-work',
  'delegate',
  'monitor',
];
const small: Scenario = { ...firstTeam, id: 'small-team', actions: ACTIONS };

describe('the balance report', () => {
  it(
    'gives the same report on one thread, on worker threads and on the lab executors',
    { timeout: 60_000 },
    async () => {
      const options = { runs: 6, prefix: 'w' };
      const single = await computeBalance(small, options, executeHere());
      const threads = await balanceParallel(small, options);
      expect(threads).toEqual(single);
      const lab = await runBalance(small, { ...options, executors: [inProcessExecutor(), inProcessExecutor()] });
      expect(lab.ok && lab.report).toEqual(single.report);
      // The best script, played by the plan policy, reaches the momentum the report gives it.
      let wins = 0;
      for (let i = 1; i <= options.runs; i++) {
        const { state } = playGame(small, `w${i}`, planPolicy(single.report.script.plan));
        if (state.regime === 'momentum') wins++;
      }
      expect(wins / options.runs).toBe(single.report.script.momentum);
    },
  );
});
