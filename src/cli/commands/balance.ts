import { Presets, SingleBar } from 'cli-progress';
import { balanceGames, DEFAULT_RUNS, type Outcomes } from '../../bots/balance';
import { planCardText } from '../../bots/plan';
import { REGIMES } from '../../engine';
import { balanceVerdict } from '../../lab/verdict';
import { acceptedSeed, findScenarioOrFile } from '../context';
import { balanceParallel } from '../parallel';
import { parseFlags, UsageError } from '../usage';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** `sim balance`: how a scenario plays for many kinds of player, on all cores. */
export async function balanceCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseFlags('balance', args, {
    scenario: { type: 'string' },
    runs: { type: 'string' },
    seeds: { type: 'string' },
    json: { type: 'boolean' },
  });
  const { scenario } = findScenarioOrFile('balance', values.scenario);
  const runsText = values.runs ?? String(DEFAULT_RUNS);
  const runs = Number(runsText);
  if (!/^\d+$/.test(runsText) || runs < 1 || runs > 1_000_000) {
    throw new UsageError(`balance: --runs expects a whole number from 1 to 1000000, found "${runsText}"`);
  }
  const prefix = values.seeds ?? '';
  // The longest seed a run plays is the prefix followed by the number of runs.
  acceptedSeed('balance', '--seeds', prefix);
  acceptedSeed('balance', '--seeds', `${prefix}${runs}`);

  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, clearOnComplete: true }, Presets.shades_classic)
    : null;
  bar?.start(balanceGames(scenario, runs), 0);
  const started = performance.now();
  let result;
  try {
    result = await balanceParallel(scenario, { runs, prefix }, bar ? (n) => bar.increment(n) : undefined);
  } finally {
    bar?.stop();
  }
  const { report, details } = result;
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    out(JSON.stringify(report));
    return 0;
  }

  const seed = (i: number): string => JSON.stringify(`${prefix}${i}`);
  out(
    `${scenario.title} (${scenario.id}): ${runs} runs, seeds ${seed(1)} to ${seed(runs)}, in ${seconds.toFixed(1)} s`,
  );

  out('');
  out(`Outcomes by policy (games of ${runs})`);
  const width = Math.max(...REGIMES.map((r) => r.length), cell(report.policies.random!, 'momentum', runs).length);
  out(`  ${'policy'.padEnd(12)}${REGIMES.map((r) => `  ${r.padStart(width)}`).join('')}`);
  for (const [name, o] of Object.entries(report.policies)) {
    out(`  ${name.padEnd(12)}${REGIMES.map((r) => `  ${cell(o, r, runs).padStart(width)}`).join('')}`);
  }

  out('');
  out(
    `Strongest fixed bundles (the same actions every turn): ${details.bundles} sets of distinct actions fit a ` +
      `turn's ${details.timeBudget} time; all were played on seeds ${seed(1)} to ${seed(details.firstScreenRuns)}` +
      (details.screenRuns > details.firstScreenRuns
        ? `, the ${details.firstKept} best on seeds ${seed(details.firstScreenRuns + 1)} to ${seed(details.screenRuns)}`
        : '') +
      (details.screenRuns < runs ? `, the ${details.kept} best again on all ${runs} seeds` : ''),
  );
  out(`  ${'momentum'.padStart(8)}  actions`);
  for (const b of report.fixedBundles) out(`  ${pct(b.momentum).padStart(8)}  ${b.actions.join(' + ')}`);
  if (report.fixedBundles.length === 0) out('  (no action fits a turn)');

  out('');
  out(
    `Best open-loop script (the same cards on the same turns in every game; save the plan as JSON and replay it ` +
      `with --policy plan:FILE): ${details.scriptClimbs} hill-climbs of ${details.scriptEvaluations} changes each ` +
      `on seeds ${seed(1)} to ${seed(details.scriptSeeds)}, the best played on all ${runs} seeds`,
  );
  out(`  momentum ${pct(report.script.momentum)}`);
  out(`  ${'turn'.padStart(4)}  cards`);
  report.script.plan.forEach((cards, k) => {
    out(
      `  ${String(k + 1).padStart(4)}  ${cards.length === 0 ? '(end the turn at once)' : cards.map((c) => planCardText(c)).join(' + ')}`,
    );
  });
  out(`  plan ${JSON.stringify(report.script.plan)}`);

  out('');
  out('Momentum by share of time spent leading (share:N)');
  out(`  ${'share'.padStart(5)}  ${'momentum'.padStart(8)}`);
  for (const s of report.leadershipShare) out(`  ${`${s.share}%`.padStart(5)}  ${pct(s.momentum).padStart(8)}`);

  out('');
  out("The expert's share of time spent leading, by turn (average over games still running)");
  out(`  ${'turn'.padStart(4)}  ${'share'.padStart(6)}`);
  report.expertLeadershipByTurn.forEach((p, k) => {
    out(`  ${String(k + 1).padStart(4)}  ${(p === null ? '–' : `${p.toFixed(1)}%`).padStart(6)}`);
  });

  // The scenario lab's plain-language reading of the same figures.
  out('');
  out('Verdict');
  for (const f of balanceVerdict(report)) out(`  - ${f.text}`);
  return 0;
}

/** "count percent" for one outcome of one policy, always as wide. */
function cell(o: Outcomes, r: keyof Outcomes, runs: number): string {
  return `${String(o[r]).padStart(String(runs).length)} ${pct(o[r] / runs).padStart(6)}`;
}
