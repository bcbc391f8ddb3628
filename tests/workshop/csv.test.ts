import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { collectRoom, SUMMARY_CSV_HEADER, summaryCsv, teamRows } from '../../src/workshop';
import { asSubmission, ENTRIES, entry, handIn, ROOM, SCENARIO, tampered } from './support';

const scenario = entry(SCENARIO).scenario;

const parsed = (csv: string): string[][] => {
  expect(csv.endsWith('\r\n')).toBe(true);
  const p = Papa.parse<string[]>(csv.slice(0, -2), { newline: '\r\n' });
  expect(p.errors).toEqual([]);
  return p.data;
};

describe('summaryCsv', () => {
  const runs = [
    handIn('balanced', { team: 'Blue' }),
    handIn('lead-only', { team: '=SUM(A1)' }),
    handIn('manage-only', { team: 'Green, "the quiet ones"' }, { turns: 3 }),
  ];
  const broken = handIn('random', { team: 'Gold' });
  const room = collectRoom(ENTRIES, ROOM, [
    ...runs.map((h) => asSubmission(h)),
    { source: 'camera', text: tampered(broken.code) },
    { source: 'pasted text', text: broken.code.slice(0, -2) },
  ]);

  it('has one row per team of the room’s table, verified runs with their figures and refused ones with the reason', () => {
    const [header, ...rows] = parsed(summaryCsv(room, scenario));
    expect(header).toEqual([...SUMMARY_CSV_HEADER]);
    const table = teamRows(room, scenario);
    expect(rows).toHaveLength(table.length);
    const col = (row: string[], name: (typeof SUMMARY_CSV_HEADER)[number]): string =>
      row[SUMMARY_CSV_HEADER.indexOf(name)]!;
    for (const [i, t] of table.entries()) {
      const row = rows[i]!;
      // A name a spreadsheet would run as a formula is written with an apostrophe before it.
      expect(col(row, 'team')).toBe(t.team.startsWith('=') ? `'${t.team}` : t.team);
      expect(col(row, 'verified')).toBe(t.verified ? 'yes' : 'no');
      expect(col(row, 'refused because')).toBe(t.reason ?? '');
      if (!t.verified) {
        expect(col(row, 'turns')).toBe('');
        continue;
      }
      const run = room.teams.find((r) => r.team === t.team)!;
      expect(col(row, 'attempt')).toBe(String(run.attempt));
      expect(col(row, 'finished')).toBe(run.finished ? 'yes' : 'no');
      expect(col(row, 'outcome')).toBe(run.outcome ?? '');
      expect(col(row, 'score')).toBe(run.score === null ? '' : String(run.score));
      expect(Number(col(row, 'hours leading'))).toBe(t.leadHours);
      expect(Number(col(row, 'hours managing'))).toBe(t.manageHours);
      const perRegime = (['momentum', 'chaos', 'stagnation', 'drift'] as const).map((g) =>
        Number(col(row, `turns in ${g}`)),
      );
      expect(perRegime.reduce((a, b) => a + b, 0)).toBe(run.turns);
      expect(perRegime[0]).toBe(run.records.filter((r) => r.regime === 'momentum').length);
      expect(col(row, 'fingerprint')).toBe(run.fingerprint);
    }
    expect(rows.map((r) => r[0])).toContain('Gold');
    expect(rows.find((r) => r[0] === 'Gold')![SUMMARY_CSV_HEADER.indexOf('hand-ins')]).toBe('1');
  });
});
