/**
 * The run told in words (storyLines) and as a spreadsheet (toCsv): every turn is there with its
 * choices, L, M and regime; every variable line's causes add up to its change; the CSV is
 * RFC 4180 with CRLF endings and reads back to the timeline's values.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { policyByName } from '../../src/bots/by-name';
import { playGame } from '../../src/bots/run';
import { actionDef } from '../../src/engine/catalogue';
import type { Scenario } from '../../src/engine/scenario-types';
import { VARIABLES } from '../../src/engine/variables';
import type { ReplayDocument, ReplayTurn } from '../../src/replay/document';
import { CSV_HEADER, toCsv } from '../../src/replay/csv';
import { storyLines } from '../../src/replay/story';
import { timeline, type TurnRecord } from '../../src/replay/timeline';
import { VAR_LABELS } from '../../src/replay/words';
import { choicesOf, entry, SAMPLES, playRecorded } from './support';

const HEADER = 'turn,actions,morale,execution,innovation,L,M,regime,events';

/** Runs to tell: every sample run plus a few bot runs, each with its scenario and timeline. */
const RUNS: readonly { name: string; doc: ReplayDocument; scenario: Scenario; records: TurnRecord[] }[] = [
  ...SAMPLES.map((g) => ({ name: g.file, doc: g.doc })),
  { name: 'producers-to-leaders random', doc: playRecorded('producers-to-leaders', 'random', 'story').doc },
  { name: 'first-team manage-only', doc: playRecorded('first-team', 'manage-only', 'story').doc },
].map(({ name, doc }) => {
  const { scenario } = entry(doc.scenario.id);
  return { name, doc, scenario, records: timeline(scenario, doc.seed, doc.turns) };
});

/** "Title (Member name)" for a choice, from the catalogue and the scenario, not from words.ts. */
function choiceText(scenario: Scenario, c: ReplayTurn['actions'][number]): string {
  const title = actionDef(c.action)?.title;
  if (!title) throw new Error(`no action ${c.action}`);
  if (c.target === undefined) return title;
  const name = scenario.members.find((m) => m.id === c.target)?.name;
  if (!name) throw new Error(`no member ${c.target}`);
  return `${title} (${name})`;
}

/** Parses "+3", "−2" (with the minus sign U+2212) or "0". */
function signedNumber(text: string): number {
  if (text === '0') return 0;
  const n = Number(text.slice(1));
  if (!/^[+−]\d+$/.test(text) || !Number.isInteger(n)) throw new Error(`not a signed number: ${text}`);
  return text.startsWith('−') ? -n : n;
}

/** The lines of each turn's paragraph, keyed by turn number. */
function paragraphs(lines: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    const m = /^Turn (\d+)$/.exec(line);
    if (m) {
      const n = Number(m[1]);
      expect(out.has(n), `turn ${n} told twice`).toBe(false);
      current = [];
      out.set(n, current);
    } else if (line === '') current = null;
    else current?.push(line);
  }
  return out;
}

const VAR_LINE = /^ {2}(\S+) (\d+) → (\d+) \(([+−]\d+|0)\): (.*)$/;

describe('storyLines', () => {
  it.each(RUNS.map((r) => [r.name, r] as const))(
    '%s: tells every turn in order',
    (_name, { doc, scenario, records }) => {
      const lines = storyLines(scenario, doc.seed, records);
      expect(lines[0]).toBe(`${scenario.title} (${scenario.id}), seed ${JSON.stringify(doc.seed)}`);
      const first = records[0]!.before;
      expect(lines[1]).toBe(`Start: L ${first.l}, M ${first.m}, ${first.regime}.`);
      const turnNumbers = lines.flatMap((l) => (/^Turn \d+$/.test(l) ? [Number(l.slice(5))] : []));
      expect(turnNumbers).toStrictEqual(doc.turns.map((t) => t.turn));
      expect(records.map((r) => r.turn)).toStrictEqual(doc.turns.map((t) => t.turn));
    },
  );

  it.each(RUNS.map((r) => [r.name, r] as const))(
    '%s: each turn names its choices, L, M and regime',
    (_name, { doc, scenario, records }) => {
      const byTurn = paragraphs(storyLines(scenario, doc.seed, records));
      for (const r of records) {
        const para = byTurn.get(r.turn)!;
        expect(para, `turn ${r.turn}`).toBeDefined();
        const chosen = r.choices.map((c) => choiceText(scenario, c));
        expect(para[0]).toBe(`  Chose: ${chosen.length ? chosen.join('; ') : 'nothing'}`);
        for (const c of r.choices) expect(para[0]).toContain(actionDef(c.action)!.title);
        expect(para[para.length - 1]).toBe(`  L ${r.l}, M ${r.m}: ${r.regime}`);
        expect(r.regime).toBe(r.after.regime);
        expect([r.l, r.m]).toStrictEqual([r.after.l, r.after.m]);
        for (const e of r.facts) {
          if (e.type !== 'event-occurred') continue;
          const title = scenario.events.find((x) => x.id === e.event)?.title;
          expect(para.find((l) => l.startsWith('  Happened: '))).toContain(title);
        }
        for (const e of r.facts) {
          if (e.type !== 'shift-occurred') continue;
          const shift = scenario.shifts.find((x) => x.id === e.shift)!;
          expect(
            para.some((l) => l.includes(shift.title) && l.includes(shift.text)),
            `turn ${r.turn}`,
          ).toBe(true);
        }
      }
    },
  );

  it.each(RUNS.map((r) => [r.name, r] as const))(
    '%s: every variable line’s cause amounts add up to its stated change',
    (_name, { doc, scenario, records }) => {
      const byTurn = paragraphs(storyLines(scenario, doc.seed, records));
      const labels = new Map(VARIABLES.map((v) => [VAR_LABELS[v], v] as const));
      let checked = 0;
      for (const r of records) {
        const told = new Set<string>();
        for (const line of byTurn.get(r.turn)!) {
          const m = VAR_LINE.exec(line);
          if (!m) continue;
          const [, label, from, to, change, why] = m as unknown as [string, string, string, string, string, string];
          const v = labels.get(label);
          if (!v) throw new Error(`turn ${r.turn}: unknown variable label in ${JSON.stringify(line)}`);
          told.add(v);
          expect(Number(from), line).toBe(r.before.vars[v]);
          expect(Number(to), line).toBe(r.after.vars[v]);
          expect(signedNumber(change), line).toBe(Number(to) - Number(from));
          // Causes are "<signed amount> <words>" joined by ", "; words may hold commas of their own.
          const amounts = [...why.matchAll(/(?:^|, )([+−]\d+|0) /g)].map((x) => signedNumber(x[1]!));
          expect(amounts.length, `no causes in ${JSON.stringify(line)}`).toBeGreaterThan(0);
          expect(
            amounts.reduce((a, b) => a + b, 0),
            line,
          ).toBe(Number(to) - Number(from));
          checked++;
        }
        // Every variable that moved is told, headline meters included.
        for (const v of VARIABLES) {
          if (r.before.vars[v] !== r.after.vars[v])
            expect(told.has(v), `turn ${r.turn}: ${v} moved but is not told`).toBe(true);
        }
      }
      expect(checked).toBeGreaterThan(records.length);
    },
  );

  it.each(RUNS.filter((r) => r.records[r.records.length - 1]!.after.over).map((r) => [r.name, r] as const))(
    '%s: ends with the outcome and the scenario’s ending text',
    (_name, { doc, scenario, records }) => {
      const lines = storyLines(scenario, doc.seed, records);
      const last = records[records.length - 1]!.after;
      const ending = scenario.endings.find((e) => e.id === last.ending);
      expect(ending, `ending ${String(last.ending)} is the scenario's`).toBeDefined();
      expect(ending!.outcome).toBe(last.regime);
      expect(lines.slice(-2)).toStrictEqual([
        `Outcome: ${last.regime} (${last.ending}), score ${last.score}.`,
        ending!.text,
      ]);
      expect(last.score).toBe(doc.summary.score);
    },
  );
});

/** A strict RFC 4180 reader, independent of papaparse: fields of one CRLF-terminated record. */
function rfc4180Fields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated quoted field in ${JSON.stringify(line)}`);
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
    } else {
      const end = line.indexOf(',', i);
      const value = end < 0 ? line.slice(i) : line.slice(i, end);
      if (value.includes('"')) throw new Error(`bare quote in unquoted field ${JSON.stringify(value)}`);
      fields.push(value);
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return fields;
    if (line[i] !== ',') throw new Error(`text after a quoted field in ${JSON.stringify(line)}`);
    i++;
  }
}

/** Expected CSV cells for one turn, from the timeline and the scenario. */
function expectedRow(scenario: Scenario, r: TurnRecord): string[] {
  const v = r.after.vars;
  return [
    String(r.turn),
    r.choices.map((c) => choiceText(scenario, c)).join('; '),
    String(v.morale),
    String(v.execution),
    String(v.innovation),
    String(r.l),
    String(r.m),
    r.regime,
  ];
}

function checkCsv(scenario: Scenario, records: readonly TurnRecord[]): string[][] {
  const csv = toCsv(scenario, records);
  expect(csv.endsWith('\r\n')).toBe(true);
  const lines = csv.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line, 'bare CR or LF').not.toMatch(/[\r\n]/);
  expect(lines[0]).toBe(HEADER);
  expect(CSV_HEADER.join(',')).toBe(HEADER);
  expect(lines).toHaveLength(records.length + 1);

  const parsed = Papa.parse<string[]>(csv.slice(0, -2), { newline: '\r\n', header: false });
  expect(parsed.errors).toStrictEqual([]);
  expect(parsed.data).toStrictEqual(lines.map(rfc4180Fields));
  const [header, ...rows] = parsed.data;
  expect(header).toStrictEqual([...CSV_HEADER]);
  rows.forEach((row, i) => {
    const r = records[i]!;
    expect(row).toHaveLength(CSV_HEADER.length);
    expect(row.slice(0, 8), `turn ${r.turn}`).toStrictEqual(expectedRow(scenario, r));
    const events = row[8]!;
    for (const e of r.facts) {
      if (e.type !== 'event-occurred') continue;
      expect(events).toContain(scenario.events.find((x) => x.id === e.event)!.title);
    }
  });
  return parsed.data;
}

describe('toCsv', () => {
  it.each(RUNS.map((r) => [r.name, r] as const))(
    '%s: a header and one row per turn that read back to the timeline',
    (_name, { scenario, records }) => {
      checkCsv(scenario, records);
    },
  );

  it('quotes fields holding commas and double quotes, doubling the quotes (RFC 4180)', () => {
    const base = entry('build-the-house').scenario;
    const awkward: Scenario = {
      ...base,
      eventChance: 100,
      members: base.members.map((m, i) => ({
        ...m,
        name: i % 2 ? `${m.name} "the ${m.role}", Jr.` : `${m.name}, ${m.role}`,
      })),
      events: base.events.map((e, i) => ({ ...e, title: i % 2 ? `${e.title}, again` : `"${e.title}"` })),
    };
    const factory = policyByName('random')!;
    const seed = 'quoting';
    const run = playGame(awkward, seed, factory);
    const turns = choicesOf(run).map((actions, i) => ({ turn: i + 1, actions }));
    const records = timeline(awkward, seed, turns);
    expect(records.some((r) => r.choices.some((c) => c.target !== undefined))).toBe(true);
    expect(records.some((r) => r.facts.some((e) => e.type === 'event-occurred'))).toBe(true);

    const csv = toCsv(awkward, records);
    const data = checkCsv(awkward, records);
    let quoted = 0;
    for (const [i, row] of data.entries()) {
      for (const cell of row) {
        if (/[",]/.test(cell)) {
          // The cell appears in the text in quotes with inner quotes doubled.
          expect(csv).toContain(`"${cell.replace(/"/g, '""')}"`);
          quoted++;
        } else if (i > 0 && /^\d+$/.test(cell)) {
          expect(csv).not.toContain(`"${cell}"`);
        }
      }
    }
    expect(quoted).toBeGreaterThan(records.length);
    // Unquoted, the header is exactly the documented one.
    expect(csv.startsWith(`${HEADER}\r\n`)).toBe(true);
  });

  it('gives just the header for a run with no turns', () => {
    const { scenario } = entry('first-team');
    expect(toCsv(scenario, [])).toBe(`${HEADER}\r\n`);
  });
});
