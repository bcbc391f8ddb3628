import { policyByName } from '../bots/policies';
import { tallySeeds, type Tally } from '../bots/tally';
import type { Scenario } from '../engine/scenario-types';

/** A batch worker: plays a contiguous range of seeds and returns its tally. */
export default function run(job: { scenario: Scenario; policy: string; from: number; to: number }): Tally {
  const policy = policyByName(job.policy);
  if (!policy) throw new Error(`unknown policy ${job.policy}`);
  return tallySeeds(job.scenario, policy, job.from, job.to);
}
