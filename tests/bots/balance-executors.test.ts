import { describe, expect, it } from 'vitest';
import { computeBalance, executeHere } from '../../src/bots/balance';
import { planPolicy } from '../../src/bots/plan';
import { playGame } from '../../src/bots/run';
import { balanceParallel } from '../../src/cli/parallel';
import { inProcessExecutor, runBalance } from '../../src/lab/balance-run';
import { small } from './small-team';

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
