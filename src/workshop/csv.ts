import Papa from 'papaparse';
import { REGIMES, type Scenario } from '../engine';
import { CSV_HEADER, turnCells } from '../replay/csv';
import type { Room } from './collect';
import { teamRows } from './compare';

/** papaparse's own pattern ends in `.*$` and so misses a cell that holds a line break. */
const FORMULA = /^[=+\-@\t\r]/;

/** Spreadsheet programs read a CSV file as UTF-8 (team names with accents, emoji) only after this mark. */
export const BYTE_ORDER_MARK = '\uFEFF';

export const ROOM_CSV_HEADER = ['team', ...CSV_HEADER] as const;

export const SUMMARY_CSV_HEADER = [
  'team',
  'attempt',
  'verified',
  'finished',
  'turns',
  'outcome',
  'ending',
  'score',
  'hours leading',
  'hours managing',
  ...REGIMES.map((r) => `turns in ${r}`),
  'morale',
  'execution',
  'innovation',
  'L',
  'M',
  'hand-ins',
  'fingerprint',
  'refused because',
] as const;

/**
 * One row per team per turn played (team, then the columns of a single run's export), with a
 * header row; RFC 4180 quoting and CRLF line endings. Team names are the players' own words, so
 * a name a spreadsheet would run as a formula (starting with =, +, -, @) is written with a leading
 * apostrophe.
 */
export function roomCsv(room: Room, scenario: Scenario): string {
  const rows: (string | number)[][] = [[...ROOM_CSV_HEADER]];
  for (const t of room.teams) for (const r of t.records) rows.push([t.team, ...turnCells(scenario, r)]);
  return unparse(rows);
}

/**
 * One row per team, as the room's table has them: verified runs with their outcome, score, hours
 * and turns in each regime (a team's later attempt on a row of its own, numbered), then teams
 * whose hand-ins were all refused, with the reason. Quoted and defused as `roomCsv`.
 */
export function summaryCsv(room: Room, scenario: Scenario): string {
  const rows: (string | number)[][] = [[...SUMMARY_CSV_HEADER]];
  const runs = new Map(room.teams.map((t) => [t.team, t]));
  for (const row of teamRows(room, scenario)) {
    const run = runs.get(row.team);
    const inRegime = REGIMES.map((g) => (run ? run.records.filter((r) => r.regime === g).length : ''));
    const cell = (x: string | number | null): string | number => x ?? '';
    rows.push([
      row.team,
      run?.attempt ?? '',
      row.verified ? 'yes' : 'no',
      row.verified ? (row.finished ? 'yes' : 'no') : '',
      cell(row.turns),
      cell(row.outcome),
      cell(row.endingText),
      cell(row.score),
      cell(row.leadHours),
      cell(row.manageHours),
      ...inRegime,
      cell(row.morale),
      cell(row.execution),
      cell(row.innovation),
      cell(row.l),
      cell(row.m),
      row.handIns,
      cell(row.fingerprint),
      cell(row.reason),
    ]);
  }
  return unparse(rows);
}

function unparse(rows: (string | number)[][]): string {
  return `${Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA })}\r\n`;
}
