import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { choicesPlayed, codeOf, docOf, policy, switchedAt } from '../replay/compare-support';
import { onlyJson, sim, type Run } from './run-sim';

const SEED = '42';
const BALANCED = choicesPlayed('first-team', SEED, policy('balanced'));
const CHANGED = choicesPlayed('first-team', SEED, switchedAt('balanced', 'lead-only', 4));
const codeA = codeOf(docOf('first-team', SEED, BALANCED));
const codeB = codeOf(docOf('first-team', SEED, CHANGED));

interface CompareJson {
  divergedAtTurn: number | null;
  identical: boolean;
  turnsA: number;
  turnsB: number;
  turns: {
    turn: number;
    choicesA: unknown[] | null;
    choicesB: unknown[] | null;
    same: boolean;
    meters: Record<string, { a: number | null; b: number | null; diff: number | null }>;
  }[];
  causes: { turn: number; text: string }[];
  summary: string;
}

/** A refusal: exit 1, nothing on out, one line on err. */
function expectRefusal(r: Run): string {
  expect(r.code).toBe(1);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).not.toContain('\n');
  return r.err[0]!;
}

function expectUsage(r: Run): string {
  expect(r.code).toBe(2);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  return r.err[0]!;
}

let dir: string;
let fileA: string;
let oldRules: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'momentum-compare-'));
  fileA = join(dir, 'a.replay.json');
  writeFileSync(fileA, JSON.stringify(docOf('first-team', SEED, BALANCED), null, 2));
  oldRules = join(dir, 'old.replay.json');
  writeFileSync(oldRules, JSON.stringify({ ...docOf('first-team', SEED, CHANGED), rules: 999 }));
});

describe('sim compare --json', () => {
  it('prints one object with the divergence and every turn’s choices and meters', async () => {
    const j = onlyJson<CompareJson>(await sim('compare', codeA, codeB, '--json'));
    expect(j.divergedAtTurn).toBe(4);
    expect(j.identical).toBe(false);
    expect(j.turns).toHaveLength(Math.max(BALANCED.length, CHANGED.length));
    j.turns.forEach((t, i) => {
      expect(t.turn).toBe(i + 1);
      expect(t).toHaveProperty('choicesA');
      expect(t).toHaveProperty('choicesB');
      expect(Object.keys(t.meters).sort()).toEqual(['execution', 'innovation', 'l', 'm', 'morale']);
    });
    expect(j.turns[3]!.choicesA).toEqual(BALANCED[3]);
    expect(j.turns[3]!.choicesB).toEqual(CHANGED[3]);
    expect(j.turns.slice(0, 3).every((t) => t.same && Object.values(t.meters).every((m) => m.diff === 0))).toBe(true);
    expect(j.causes.length).toBeGreaterThan(0);
    expect(j.summary).toBe('The runs first differ at turn 4.');
  });

  it('gives null for runs that never differ, and reads a replay file as well as a code', async () => {
    const j = onlyJson<CompareJson>(await sim('compare', fileA, codeA, '--json'));
    expect(j.divergedAtTurn).toBeNull();
    expect(j.identical).toBe(true);
  });
});

describe('sim compare', () => {
  it('says where the runs differ, marks the differing turns and lists the causes', async () => {
    const r = await sim('compare', codeA, codeB);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out[0]).toBe('Your First Team (first-team), seed "42"');
    expect(r.out).toContain('The runs first differ at turn 4.');
    const marked = r.out.filter((l) => /^\*\s+\d+ {2}A /.test(l)).map((l) => Number(/\d+/.exec(l)![0]));
    expect(marked[0]).toBe(4);
    expect(r.out.some((l) => /^ {4}[123] {4}\S/.test(l))).toBe(true);
    expect(r.out).toContain('Where the causes differ most:');
    expect(r.out.some((l) => /^ {2}turn \d+: (morale|execution|innovation) [+−]\d+ from .+ in [AB], /.test(l))).toBe(
      true,
    );
  });

  it('exits 0 for the same run twice and says so', async () => {
    const r = await sim('compare', codeA, fileA);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toContain('These two runs are the same run: they never diverge.');
    expect(r.out.some((l) => l.startsWith('*'))).toBe(false);
  });

  it('calls a run cut short the start of the other, marking no turn as differing', async () => {
    const r = await sim('compare', codeA, codeOf(docOf('first-team', SEED, BALANCED.slice(0, 3))));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Run B is the first 3 turns of run A: their choices never differ.');
    expect(r.out.some((l) => l.startsWith('*'))).toBe(false);
    expect(r.out).toContain('       B (no such turn)');
  });

  it('refuses runs of different seeds or scenarios in one line, exit 1', async () => {
    const seven = codeOf(docOf('first-team', '7', choicesPlayed('first-team', '7', policy('balanced'))));
    expect(expectRefusal(await sim('compare', codeA, seven, '--json'))).toBe(
      'cannot compare: Run B was played on seed "7"; run A on seed "42": only runs of the same scenario and seed can be compared.',
    );
    const factory = codeOf(docOf('idea-factory', SEED, choicesPlayed('idea-factory', SEED, policy('balanced'))));
    expect(expectRefusal(await sim('compare', factory, codeA))).toMatch(
      /^cannot compare: Run B is of scenario "first-team"; run A of "idea-factory"/,
    );
  });

  it('names the run that is tampered, not a code, or of other rules, exit 1', async () => {
    const i = Math.floor(codeB.length / 2);
    const tampered = codeB.slice(0, i) + (codeB[i] === 'A' ? 'B' : 'A') + codeB.slice(i + 1);
    expect(expectRefusal(await sim('compare', codeA, tampered))).toMatch(/^cannot compare: Run B: /);
    expect(expectRefusal(await sim('compare', 'not-a-code', codeA))).toMatch(/^cannot compare: Run A: /);
    expect(expectRefusal(await sim('compare', oldRules, codeA))).toMatch(
      /^cannot compare: Run A: This run was played under rules version 999/,
    );
  });

  it('is a usage error (exit 2) without two runs, with a third, or with an unknown flag', async () => {
    expect(expectUsage(await sim('compare'))).toMatch(/missing runs A and B/);
    expect(expectUsage(await sim('compare', codeA))).toMatch(/missing run B/);
    expect(expectUsage(await sim('compare', codeA, codeA, codeA))).toMatch(/unexpected argument/);
    expect(expectUsage(await sim('compare', codeA, codeA, '--csv'))).toMatch(/unknown option "--csv"/);
  });
});
