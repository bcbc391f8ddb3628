import { SingleBar, Presets } from 'cli-progress';
import { tallySeeds } from '../../bots/tally';
import { PARALLEL_FROM, tallyParallel } from '../parallel';
import { REGIMES } from '../../engine';
import { acceptedSeed, findPolicyAndPlan, findScenarioOrFile } from '../context';
import { parseFlags, required, UsageError } from '../usage';

export async function batchCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseFlags('batch', args, {
    scenario: { type: 'string' },
    policy: { type: 'string' },
    runs: { type: 'string' },
    seeds: { type: 'string' },
    json: { type: 'boolean' },
  });
  const { scenario } = findScenarioOrFile('batch', values.scenario);
  const scenarioId = scenario.id;
  const { policy, plan } = findPolicyAndPlan('batch', values.policy);
  const policyName = values.policy!;
  const runsText = required('batch', 'runs', values.runs);
  const runs = Number(runsText);
  if (!/^\d+$/.test(runsText) || runs < 1 || runs > 10_000_000) {
    throw new UsageError(`batch: --runs expects a whole number from 1 to 10000000, found "${runsText}"`);
  }
  const prefix = values.seeds ?? '';
  // The longest seed a run plays is the prefix followed by the number of runs.
  acceptedSeed('batch', '--seeds', prefix);
  acceptedSeed('batch', '--seeds', `${prefix}${runs}`);
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, clearOnComplete: true }, Presets.shades_classic)
    : null;
  bar?.start(runs, 0);
  const started = performance.now();
  const t =
    runs >= PARALLEL_FROM
      ? await tallyParallel(scenario, policyName, runs, bar ? (n) => bar.increment(n) : undefined, { prefix, plan })
      : tallySeeds(scenario, policy, 1, runs, bar ? () => bar.increment() : undefined, prefix);
  bar?.stop();
  const seconds = (performance.now() - started) / 1000;
  const result = {
    scenario: scenarioId,
    policy: policyName,
    runs,
    seeds: { prefix, first: `${prefix}1`, last: `${prefix}${runs}` },
    outcomes: t.outcomes,
    endings: t.endings,
    averageScore: Math.round(t.score / runs),
    averageTurns: Math.round((t.turns / runs) * 10) / 10,
    seconds: Math.round(seconds * 1000) / 1000,
  };
  if (values.json) {
    out(JSON.stringify(result));
    return 0;
  }
  const seeds = `seeds ${JSON.stringify(result.seeds.first)} to ${JSON.stringify(result.seeds.last)}`;
  out(`${scenarioId}, policy ${policyName}, ${runs} runs (${seeds}) in ${result.seconds} s`);
  for (const r of REGIMES) {
    const n = t.outcomes[r]!;
    out(`  ${r.padEnd(10)} ${String(n).padStart(String(runs).length)}  ${((100 * n) / runs).toFixed(1).padStart(5)}%`);
  }
  out(`  average score ${result.averageScore}, average turns ${result.averageTurns}`);
  return 0;
}
