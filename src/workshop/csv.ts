import Papa from 'papaparse';
import type { Scenario } from '../engine';
import { CSV_HEADER, turnCells } from '../replay/csv';
import type { Room } from './collect';

/** papaparse's own pattern ends in `.*$` and so misses a cell that holds a line break. */
const FORMULA = /^[=+\-@\t\r]/;

export const ROOM_CSV_HEADER = ['team', ...CSV_HEADER] as const;

/**
 * One row per team per turn played (team, then the columns of a single run's export), with a
 * header row; RFC 4180 quoting and CRLF line endings. Team names are the players' own words, so
 * a name a spreadsheet would run as a formula (starting with =, +, -, @) is written with a leading
 * apostrophe.
 */
export function roomCsv(room: Room, scenario: Scenario): string {
  const rows: (string | number)[][] = [[...ROOM_CSV_HEADER]];
  for (const t of room.teams) for (const r of t.records) rows.push([t.team, ...turnCells(scenario, r)]);
  return `${Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA })}\r\n`;
}
