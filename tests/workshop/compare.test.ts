import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine';
import { choiceWords } from '../../src/replay/words';
import {
  aspectProfiles,
  decisionsAt,
  firstDivergence,
  meterSeries,
  regimeTimeline,
  roomCsv,
  ROOM_CSV_HEADER,
  SERIES_KEYS,
  teamRows,
} from '../../src/workshop';
import { botChoices, entry, fromChoices, handIn, roomOf, SCENARIO, SEED } from './support';

const scenario = entry(SCENARIO).scenario;

const balanced = botChoices('balanced');
const blue = handIn('balanced', { team: 'Team Blue' });
const red = handIn('lead-only', { team: 'Team Red' });
const green = handIn('manage-only', { team: 'Team Green' });
const gold = handIn('random', { team: 'Team Gold' });
const teal = handIn('expert', { team: 'Team Teal' });
const room = roomOf(blue, red, green, gold, teal);

describe('firstDivergence', () => {
  it('is the first turn at which two teams chose differently', () => {
    const same2 = fromChoices([...balanced.slice(0, 2), [], ...balanced.slice(3, 5)], { team: 'Team Copy' });
    expect(firstDivergence(roomOf(blue, same2))).toBe(3);
    const swapped = balanced.map((t, i) => (i === 1 ? [...t].reverse() : t));
    expect(balanced[1]!.length).toBeGreaterThan(1);
    expect(firstDivergence(roomOf(blue, fromChoices(swapped, { team: 'Team Swap' })))).toBe(2);
  });

  it('is null for one team, for identical runs, and for a run that is the start of another', () => {
    expect(firstDivergence(roomOf(blue))).toBeNull();
    expect(firstDivergence(roomOf())).toBeNull();
    const twin = handIn('balanced', { team: 'Team Twin' });
    const partial = handIn('balanced', { team: 'Team Part' }, { turns: 3 });
    expect(firstDivergence(roomOf(blue, twin, partial))).toBeNull();
  });
});

describe('decisionsAt', () => {
  it('words each team’s choices at a turn, and marks teams that never played it', () => {
    const partial = handIn('balanced', { team: 'Team Part' }, { turns: 2 });
    const r = roomOf(blue, red, partial);
    const atTurn = 3;
    const d = decisionsAt(r, scenario, atTurn);
    expect(d.map((x) => x.team)).toEqual(['Team Blue', 'Team Part', 'Team Red']);
    expect(d[0]).toEqual({
      team: 'Team Blue',
      choices: blue.choices[atTurn - 1]!.map((c) => choiceWords(scenario, c)),
      played: true,
    });
    expect(d[1]).toEqual({ team: 'Team Part', choices: [], played: false });
    expect(d[2]!.choices).toEqual(red.choices[atTurn - 1]!.map((c) => choiceWords(scenario, c)));
    const targeted = d.flatMap((x) => x.choices).find((c) => c.includes('('));
    if (targeted) expect(targeted).toMatch(/^[^(]+ \([^)]+\)$/);
  });
});

describe('series, timeline, rows and profiles', () => {
  const start = createGame(scenario, SEED);
  const rows = teamRows(room, scenario);

  it('meter series start where the game starts and end at the table’s figures', () => {
    for (const key of SERIES_KEYS) {
      const series = meterSeries(room, key);
      expect(series.map((s) => s.team)).toEqual(room.teams.map((t) => t.team));
      for (const s of series) {
        const row = rows.find((r) => r.team === s.team)!;
        expect(s.values).toHaveLength(row.turns! + 1);
        expect(s.values[0]).toBe(key === 'l' ? start.l : key === 'm' ? start.m : start.vars[key]);
        expect(s.values[s.values.length - 1]).toBe(row[key]);
      }
    }
  });

  it('the regime timeline has a regime per turn, ending in the outcome', () => {
    for (const t of regimeTimeline(room)) {
      const row = rows.find((r) => r.team === t.team)!;
      expect(t.regimes).toHaveLength(row.turns!);
      expect(t.regimes[t.regimes.length - 1]).toBe(row.outcome);
    }
    const red = regimeTimeline(room).find((t) => t.team === 'Team Red')!;
    expect(red.regimes).toContain('chaos');
  });

  it('profiles add up to the hours in the table, and the room’s is their mean', () => {
    const p = aspectProfiles(room);
    expect(p.teams).toHaveLength(5);
    for (const { team, profile } of p.teams) {
      const row = rows.find((r) => r.team === team)!;
      expect(profile.aspects).toHaveLength(8);
      expect(profile.lead).toBe(row.leadHours);
      expect(profile.manage).toBe(row.manageHours);
      expect(profile.aspects.reduce((s, a) => s + a.lead, 0)).toBe(profile.lead);
    }
    expect(p.teams.find((t) => t.team === 'Team Red')!.profile.manage).toBe(0);
    for (const [i, a] of p.average.aspects.entries()) {
      const mean = p.teams.reduce((s, t) => s + t.profile.aspects[i]!.lead, 0) / 5;
      expect(a.lead).toBeCloseTo(mean, 1);
    }
    expect(p.average.lead).toBeCloseTo(rows.reduce((s, r) => s + r.leadHours!, 0) / 5, 1);
    expect(aspectProfiles(roomOf()).average).toMatchObject({ lead: 0, manage: 0, most: 0 });
  });
});

describe('roomCsv', () => {
  it('parses back to one row per team per turn, in RFC 4180', () => {
    const csv = roomCsv(room, scenario);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(0, -2), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...ROOM_CSV_HEADER]);
    expect(rows).toHaveLength(room.teams.reduce((s, t) => s + t.turns, 0));
    for (const t of room.teams) {
      const mine = rows.filter((r) => r[0] === t.team);
      expect(mine.map((r) => Number(r[1]))).toEqual(t.records.map((r) => r.turn));
      const last = mine[mine.length - 1]!;
      expect(Number(last[3])).toBe(t.state.vars.morale);
      expect(last[ROOM_CSV_HEADER.indexOf('regime')]).toBe(t.regime);
    }
  });

  it('keeps quotes and commas in team names, shows a line feed as an escape, and defuses a formula', () => {
    const odd = handIn('balanced', { team: 'Team "A", the\nbest' }, { turns: 2 });
    const formula = handIn('lead-only', { team: '=HYPERLINK("http://x","y")' }, { turns: 1 });
    const r = roomOf(odd, formula);
    const rows = Papa.parse<string[]>(roomCsv(r, scenario).slice(0, -2), { newline: '\r\n' }).data.slice(1);
    expect(rows.map((x) => x[0])).toEqual([
      `'=HYPERLINK("http://x","y")`,
      'Team "A", the\\u000abest',
      'Team "A", the\\u000abest',
    ]);
  });
});
