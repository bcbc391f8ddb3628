import { endingText, type Scenario, VARIABLES } from '../engine';
import { isShiftFact, shiftLine, shiftSentences } from './shift-log';
import type { TurnRecord } from './timeline';
import { causeWords, choiceWords, factWords, signed, VAR_LABELS } from './words';

/** The run told turn by turn in plain language: the text twin of the browser's replay view. */
export function storyLines(scenario: Scenario, seed: string, records: readonly TurnRecord[]): string[] {
  const lines: string[] = [`${scenario.title} (${scenario.id}), seed ${JSON.stringify(seed)}`];
  const first = records[0]?.before;
  if (first) lines.push(`Start: L ${first.l}, M ${first.m}, ${first.regime}.`);
  for (const r of records) {
    lines.push('', `Turn ${r.turn}`);
    const chosen = r.choices.map((c) => choiceWords(scenario, c));
    lines.push(`  Chose: ${chosen.length ? chosen.join('; ') : 'nothing'}`);
    const happened = r.facts
      .filter((e) => e.type !== 'action-resolved' && e.type !== 'turn-ended' && !isShiftFact(e))
      .map((e) => factWords(e, scenario))
      .filter((x): x is string => x !== null);
    if (happened.length) lines.push(`  Happened: ${happened.join('; ')}`);
    // A shift changes the briefing, so it gets a line of its own with its words, as does its answer.
    for (const x of shiftSentences(scenario, r)) lines.push(`  ${shiftLine(x)}`);
    for (const v of VARIABLES) {
      const c = r.changes.find((x) => x.var === v);
      if (!c) continue;
      const why = c.causes.map((x) => `${signed(x.amount)} ${causeWords(x, scenario)}`).join(', ');
      lines.push(`  ${VAR_LABELS[v]} ${c.from} → ${c.to} (${signed(c.to - c.from)}): ${why}`);
    }
    lines.push(`  L ${r.l}, M ${r.m}: ${r.regime}`);
  }
  const last = records[records.length - 1]?.after;
  if (last?.over) {
    lines.push('', `Outcome: ${last.regime} (${last.ending}), score ${last.score}.`, endingText(scenario, last.ending));
  }
  return lines;
}
