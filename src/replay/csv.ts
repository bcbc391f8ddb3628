import Papa from 'papaparse';
import type { Scenario } from '../engine';
import type { TurnRecord } from './timeline';
import { choiceWords, factWords } from './words';
import { happenings } from './narration';

export const CSV_HEADER = [
  'turn',
  'actions',
  'morale',
  'execution',
  'innovation',
  'L',
  'M',
  'regime',
  'events',
] as const;

/** The cells of one turn's row, in CSV_HEADER order. */
export function turnCells(scenario: Scenario, r: TurnRecord): (string | number)[] {
  const actions = r.choices.map((c) => choiceWords(scenario, c));
  const events = happenings(r.facts)
    .all.map((e) => factWords(e, scenario))
    .filter((x): x is string => x !== null);
  const v = r.after.vars;
  return [r.turn, actions.join('; '), v.morale, v.execution, v.innovation, r.l, r.m, r.regime, events.join('; ')];
}

/** One row per turn with a header row; RFC 4180 quoting and CRLF line endings. */
export function toCsv(scenario: Scenario, records: readonly TurnRecord[]): string {
  const rows: (string | number)[][] = [[...CSV_HEADER], ...records.map((r) => turnCells(scenario, r))];
  return `${Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`;
}
