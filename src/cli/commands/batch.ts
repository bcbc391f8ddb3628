import { SingleBar, Presets } from 'cli-progress';
import { tallySeeds } from '../../bots/tally';
import { PARALLEL_FROM, tallyParallel } from '../parallel';
import { REGIMES } from '../../engine';
import { findPolicy, findScenarioOrFile } from '../context';
import { parseFlags, required, UsageError } from '../usage';

export async function batchCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseFlags('batch', args, {
    scenario: { type: 'string' },
    policy: { type: 'string' },
    runs: { type: 'string' },
    json: { type: 'boolean' },
  });
  const { scenario } = findScenarioOrFile('batch', values.scenario);
  const scenarioId = scenario.id;
  const policy = findPolicy('batch', values.policy);
  const policyName = values.policy!;
  const runsText = required('batch', 'runs', values.runs);
  const runs = Number(runsText);
  if (!/^\d+$/.test(runsText) || runs < 1 || runs > 10_000_000) {
    throw new UsageError(`batch: --runs expects a whole number from 1 to 10000000, found "${runsText}"`);
  }
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, clearOnComplete: true }, Presets.shades_classic)
    : null;
  bar?.start(runs, 0);
  const started = performance.now();
  const t =
    runs >= PARALLEL_FROM
      ? await tallyParallel(scenario, policyName, runs, bar ? (n) => bar.increment(n) : undefined)
      : tallySeeds(scenario, policy, 1, runs, bar ? () => bar.increment() : undefined);
  bar?.stop();
  const seconds = (performance.now() - started) / 1000;
  const result = {
    scenario: scenarioId,
    policy: policyName,
    runs,
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
  out(`${scenarioId}, policy ${policyName}, ${runs} runs (seeds "1" to "${runs}") in ${result.seconds} s`);
  for (const r of REGIMES) {
    const n = t.outcomes[r]!;
    out(`  ${r.padEnd(10)} ${String(n).padStart(String(runs).length)}  ${((100 * n) / runs).toFixed(1).padStart(5)}%`);
  }
  out(`  average score ${result.averageScore}, average turns ${result.averageTurns}`);
  return 0;
}
