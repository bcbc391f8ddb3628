import { runBalanceJob, type BalanceJob, type BalancePart } from '../bots/balance';
import { planPolicy, type Plan } from '../bots/plan';
import { policyByName } from '../bots/by-name';
import { tallySeeds, type Tally } from '../bots/tally';
import type { Scenario } from '../engine';

/** A batch's share of seeds: the policy by name, or for `plan:FILE` the plan itself (a worker reads no file). */
export interface TallyJob {
  readonly scenario: Scenario;
  readonly policy: string;
  readonly plan: Plan | null;
  readonly prefix: string;
  readonly from: number;
  readonly to: number;
}

/** A batch worker's default task: plays a contiguous range of seeds and returns its tally. */
export default function run(job: TallyJob): Tally {
  const policy = job.plan ? planPolicy(job.plan) : policyByName(job.policy);
  if (!policy) throw new Error(`unknown policy ${job.policy}`);
  return tallySeeds(job.scenario, policy, job.from, job.to, undefined, job.prefix);
}

/** The `balance` task: one job of a balance report. */
export function balance(job: BalanceJob): BalancePart {
  return runBalanceJob(job);
}
