import {
  compareInputs,
  type Comparison,
  type ComparedTurn,
  type MeterPair,
  TRACKED,
  type Tracked,
  type VerifiedRun,
} from '../../replay/compare';
import type { ReplayChoice } from '../../replay/document';
import { namedByPlayer } from '../../replay/player-words';
import { choiceWords, signed } from '../../replay/words';
import { scenarioEntries } from '../context';
import { readReplayInput } from '../replay-input';
import { parseFlags, Refusal, UsageError } from '../usage';

const METERS = TRACKED;
const HEADER: Record<Tracked, string> = {
  morale: 'morale',
  execution: 'execution',
  innovation: 'innovation',
  l: 'L',
  m: 'M',
};
const CELL = 14;

/**
 * Compares two runs of the same scenario and seed: where their choices first differ, the meters
 * turn by turn and the causes that differ most. Exit 0 when compared (the same run twice too),
 * 1 when either run or the pair is refused, 2 for a usage mistake.
 */
export function compareCommand(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags('compare', args, { json: { type: 'boolean' } }, 2);
  if (positionals.length < 2) {
    const which = positionals.length === 0 ? 'runs A and B' : 'run B';
    throw new UsageError(`compare: missing ${which}; give two replay codes or .replay.json files`);
  }
  const a = readReplayInput('compare', positionals[0]);
  const b = readReplayInput('compare', positionals[1]);
  const r = compareInputs(a, b, scenarioEntries());
  if (!r.ok) throw new Refusal(`cannot compare: ${r.reason}`);
  if (values.json) {
    out(JSON.stringify(r.comparison));
    return 0;
  }
  printComparison(out, r.comparison, r.a, r.b);
  return 0;
}

function printComparison(out: (s: string) => void, c: Comparison, a: VerifiedRun, b: VerifiedRun): void {
  out(`${c.scenarioTitle} (${c.scenarioId}), seed ${JSON.stringify(c.seed)}`);
  out(runLine('A', a));
  out(runLine('B', b));
  for (const [name, run] of [['A', a] as const, ['B', b] as const]) {
    const named = namedByPlayer(run.document.meta);
    if (named) out(`  Run ${name}: ${named}`);
  }
  out(c.summary);

  out('');
  out('Choices turn by turn (* marks a turn where their choices differ):');
  for (const t of c.turns) {
    const mark = t.choicesA !== null && t.choicesB !== null && !t.same ? '*' : ' ';
    if (t.same) {
      out(`${mark} ${String(t.turn).padStart(3)}    ${choicesText(a, t.choicesA)}`);
      continue;
    }
    out(`${mark} ${String(t.turn).padStart(3)}  A ${choicesText(a, t.choicesA)}`);
    out(`       B ${choicesText(b, t.choicesB)}`);
  }

  out('');
  out('Meters and indices after each turn: A/B and B − A.');
  out(`turn  ${METERS.map((m) => HEADER[m].padEnd(CELL)).join('')}regime A / B`);
  out(`   0  ${METERS.map((m) => String(c.start[m]).padEnd(CELL)).join('')}start`);
  for (const t of c.turns) {
    out(
      `${String(t.turn).padStart(4)}  ${METERS.map((m) => meterCell(t.meters[m]).padEnd(CELL)).join('')}${regimes(t)}`,
    );
  }

  if (c.parting !== null) {
    out('');
    out(`Where the regimes part: ${c.parting}`);
  }
  if (c.causes.length > 0) {
    out('');
    out('Where the causes differ most:');
    for (const g of c.causes) out(`  ${g.text}`);
  }
  out('');
  out(`fingerprints  A ${c.finalA}  B ${c.finalB}`);
}

function runLine(name: 'A' | 'B', r: VerifiedRun): string {
  const s = r.summary;
  const turns = `${s.turns} ${s.turns === 1 ? 'turn' : 'turns'}`;
  const ending = s.ending === s.outcome ? '' : ` (${s.ending})`;
  const where = r.state.over ? `ended in ${s.outcome}${ending}` : `${s.outcome} so far`;
  return `Run ${name}: ${turns}, ${where}, score ${s.score}`;
}

function choicesText(run: VerifiedRun, choices: readonly ReplayChoice[] | null): string {
  if (choices === null) return '(no such turn)';
  if (choices.length === 0) return 'nothing';
  return choices.map((x) => choiceWords(run.scenario, x)).join('; ');
}

function meterCell(p: MeterPair): string {
  const show = (n: number | null): string => (n === null ? '–' : String(n));
  return p.diff === null ? `${show(p.a)}/${show(p.b)}` : `${p.a}/${p.b} ${signed(p.diff)}`;
}

function regimes(t: ComparedTurn): string {
  return `${t.regimeA ?? '–'} / ${t.regimeB ?? '–'}`;
}
