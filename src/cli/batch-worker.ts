import { runBalanceJob, type BalanceJob, type BalancePart } from '../bots/balance';
import { policyByName } from '../bots/policies';
import { tallySeeds, type Tally } from '../bots/tally';
import type { Scenario } from '../engine';

/** A batch worker's default task: plays a contiguous range of seeds and returns its tally. */
export default function run(job: { scenario: Scenario; policy: string; from: number; to: number }): Tally {
  const policy = policyByName(job.policy);
  if (!policy) throw new Error(`unknown policy ${job.policy}`);
  return tallySeeds(job.scenario, policy, job.from, job.to);
}

/** The `balance` task: one job of a balance report. */
export function balance(job: BalanceJob): BalancePart {
  return runBalanceJob(job);
}
