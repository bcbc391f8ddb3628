import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { choicesPlayed, codeOf, docOf, policy } from '../replay/compare-support';
import { onlyJson, sim, type Run } from './run-sim';

const SCENARIO = 'first-team';
const SEED = '42';
const PARENT_POLICY = 'balanced';

interface Summary {
  outcome: string;
  ending: string;
  turns: number;
  score: number;
  meters: { morale: number; execution: number; innovation: number };
}

interface Lineage {
  atTurn: number;
  parentFinal: string;
}

interface BranchJson {
  replayCode: string;
  fingerprint: string;
  lineage: Lineage;
  summary: Summary;
}

interface PlayJson extends Summary {
  fingerprint: string;
  replayCode: string;
}

interface VerifyJson extends Summary {
  valid: boolean;
  fingerprint: string;
  scenario: string;
  seed: string;
  lineage?: Lineage;
}

interface CompareJson {
  divergedAtTurn: number | null;
  identical: boolean;
  turns: { turn: number; choicesA: unknown[] | null; choicesB: unknown[] | null; same: boolean }[];
}

/** A refusal: exit 1, nothing on out, one line on err, no stack trace. */
function expectRefusal(r: Run): string {
  expect(r.code).toBe(1);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).not.toMatch(/[\r\n]/);
  expect(r.err[0]).not.toMatch(/\bat .+:\d+:\d+/);
  expect(r.err[0]).toMatch(/^branch: /);
  return r.err[0]!;
}

/** A usage mistake: exit 2, nothing on out, one line on err, no stack trace. */
function expectUsage(r: Run): string {
  expect(r.code).toBe(2);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).not.toMatch(/[\r\n]/);
  expect(r.err[0]).not.toMatch(/\bat .+:\d+:\d+/);
  expect(r.err[0]).toMatch(/^branch: /);
  return r.err[0]!;
}

async function branch(run: string, at: number, then: string): Promise<BranchJson> {
  return onlyJson<BranchJson>(await sim('branch', run, '--at', String(at), '--then', then, '--json'));
}

async function verify(code: string): Promise<VerifyJson> {
  return onlyJson<VerifyJson>(await sim('verify', code, '--json'));
}

async function compare(a: string, b: string): Promise<CompareJson> {
  return onlyJson<CompareJson>(await sim('compare', a, b, '--json'));
}

/** The branch keeps its parent's first `at` turns: the same choices, diverging only after. */
function expectSharedStart(j: CompareJson, at: number): void {
  if (j.divergedAtTurn !== null) expect(j.divergedAtTurn).toBeGreaterThan(at);
  expect(j.turns.length).toBeGreaterThanOrEqual(at);
  for (const t of j.turns.slice(0, at)) {
    expect(t.same, `turn ${t.turn}`).toBe(true);
    expect(t.choicesB).toEqual(t.choicesA);
    expect(t.choicesA).not.toBeNull();
  }
}

let dir: string;
let parentFile: string;
let parent: PlayJson;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'momentum-branch-'));
  parentFile = join(dir, 'parent.replay.json');
  const r = await sim(
    'play',
    '--scenario',
    SCENARIO,
    '--seed',
    SEED,
    '--policy',
    PARENT_POLICY,
    '--out',
    parentFile,
    '--json',
  );
  parent = onlyJson<PlayJson>(r);
  // The run must be long enough to branch inside it.
  expect(parent.turns).toBeGreaterThanOrEqual(4);
});

describe('sim branch --json', () => {
  it('prints exactly the code, fingerprint, lineage and summary', async () => {
    const j = await branch(parent.replayCode, 3, 'lead-only');
    expect(Object.keys(j).sort()).toEqual(['fingerprint', 'lineage', 'replayCode', 'summary']);
    expect(Object.keys(j.lineage).sort()).toEqual(['atTurn', 'parentFinal']);
    expect(j.lineage).toEqual({ atTurn: 3, parentFinal: parent.fingerprint });
    expect(j.replayCode).toMatch(/^M1\./);
    expect(j.replayCode).not.toBe(parent.replayCode);
    expect(j.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(j.summary).sort()).toEqual(['ending', 'meters', 'outcome', 'score', 'turns']);
    expect(j.summary.turns).toBeGreaterThan(3);
  });

  it('gives a code that verifies, reporting the same lineage, fingerprint and summary', async () => {
    for (const [at, then] of [
      [1, 'manage-only'],
      [3, 'lead-only'],
      [parent.turns - 1, 'random'],
    ] as const) {
      const j = await branch(parent.replayCode, at, then);
      const v = await verify(j.replayCode);
      expect(v.valid).toBe(true);
      expect(v.scenario).toBe(SCENARIO);
      expect(v.seed).toBe(SEED);
      expect(v.lineage).toEqual({ atTurn: at, parentFinal: parent.fingerprint });
      expect(v.lineage).toEqual(j.lineage);
      expect(v.fingerprint).toBe(j.fingerprint);
      const { outcome, ending, turns, score, meters } = v;
      expect({ outcome, ending, turns, score, meters }).toEqual(j.summary);
    }
  });

  it('names as parent the fingerprint verify gives the parent', async () => {
    const p = await verify(parent.replayCode);
    expect(p.lineage).toBeUndefined();
    const j = await branch(parent.replayCode, 2, 'lead-only');
    expect(j.lineage.parentFinal).toBe(p.fingerprint);
  });

  it('plays the parent’s first turns and only then the policy', async () => {
    for (const [at, then] of [
      [0, 'lead-only'],
      [2, 'manage-only'],
      [3, 'lead-only'],
      [parent.turns - 1, 'lead-only'],
    ] as const) {
      const j = await branch(parent.replayCode, at, then);
      expectSharedStart(await compare(parent.replayCode, j.replayCode), at);
    }
  });

  it('with the parent’s own policy from turn 0 plays the parent’s run again, as a branch', async () => {
    const j = await branch(parent.replayCode, 0, PARENT_POLICY);
    expect(j.fingerprint).toBe(parent.fingerprint);
    expect(j.lineage).toEqual({ atTurn: 0, parentFinal: parent.fingerprint });
    expect((await compare(parent.replayCode, j.replayCode)).identical).toBe(true);
    // The same run, but its code carries the lineage.
    expect(j.replayCode).not.toBe(parent.replayCode);
  });

  it('gives the same branch every time, and the same from a replay file as from its code', async () => {
    const fromCode = await branch(parent.replayCode, 4, 'manage-only');
    const again = await branch(parent.replayCode, 4, 'manage-only');
    const fromFile = await branch(parentFile, 4, 'manage-only');
    expect(again).toEqual(fromCode);
    expect(fromFile).toEqual(fromCode);
    expect(fromFile.lineage).toEqual({ atTurn: 4, parentFinal: parent.fingerprint });
    expectSharedStart(await compare(parentFile, fromFile.replayCode), 4);
  });

  it('branches an unfinished run after its last turn', async () => {
    const choices = choicesPlayed(SCENARIO, SEED, policy(PARENT_POLICY)).slice(0, 3);
    const unfinished = codeOf(docOf(SCENARIO, SEED, choices));
    const u = await verify(unfinished);
    expect(u.turns).toBe(3);
    const j = await branch(unfinished, 3, 'lead-only');
    expect(j.lineage).toEqual({ atTurn: 3, parentFinal: u.fingerprint });
    expect(j.summary.turns).toBeGreaterThan(3);
    expectSharedStart(await compare(unfinished, j.replayCode), 3);
  });

  it('branches a branch: the new lineage points at the branch, not at its parent', async () => {
    const first = await branch(parent.replayCode, 3, 'lead-only');
    expect(first.fingerprint).not.toBe(parent.fingerprint);
    const at = Math.min(4, first.summary.turns - 1);
    expect(at).toBeGreaterThan(first.lineage.atTurn);
    const second = await branch(first.replayCode, at, 'manage-only');
    expect(second.lineage).toEqual({ atTurn: at, parentFinal: first.fingerprint });
    expect((await verify(second.replayCode)).lineage).toEqual({ atTurn: at, parentFinal: first.fingerprint });
    expectSharedStart(await compare(first.replayCode, second.replayCode), at);
    // Through the branch, it still starts with the original run's first turns.
    expectSharedStart(await compare(parent.replayCode, second.replayCode), first.lineage.atTurn);
  });
});

describe('sim branch', () => {
  it('names the lineage, the policy and the new run’s code in its report', async () => {
    const j = await branch(parent.replayCode, 3, 'lead-only');
    const r = await sim('branch', parent.replayCode, '--at', '3', '--then', 'lead-only');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out[0]).toBe(`Your First Team (${SCENARIO}), seed "${SEED}"`);
    const line = r.out.find((l) => l.startsWith('branch '));
    expect(line).toBeDefined();
    expect(line).toContain(parent.fingerprint);
    expect(line).toMatch(/\b1 to 3\b/);
    expect(line).toContain('lead-only');
    expect(r.out).toContain(`fingerprint  ${j.fingerprint}`);
    expect(r.out).toContain(`replay code  ${j.replayCode}`);
    expect(r.out).toContain(
      `outcome      ${j.summary.outcome}, ending ${j.summary.ending}, ${j.summary.turns} turns, score ${j.summary.score}`,
    );
  });

  it('is named as a branch by sim verify', async () => {
    const j = await branch(parent.replayCode, 2, 'manage-only');
    const r = await sim('verify', j.replayCode);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`branch      of the run ending ${parent.fingerprint}, played on after its turn 2`);
    const p = await sim('verify', parent.replayCode);
    expect(p.code).toBe(0);
    expect(p.out.some((l) => l.startsWith('branch'))).toBe(false);
  });
});

describe('sim branch refusals', () => {
  it('refuses a turn past the end of the run, exit 1', async () => {
    const e = expectRefusal(
      await sim('branch', parent.replayCode, '--at', String(parent.turns + 1), '--then', 'lead-only'),
    );
    expect(e).toContain(`${parent.turns} turns`);
    expect(e).toContain(String(parent.turns + 1));
  });

  it('refuses the last turn of a finished run, where there is nothing to play on, exit 1', async () => {
    const e = expectRefusal(
      await sim('branch', parent.replayCode, '--at', String(parent.turns), '--then', 'lead-only', '--json'),
    );
    expect(e).toContain(`ended at turn ${parent.turns}`);
  });

  it('refuses a tampered or garbage run, naming it as refused, exit 1', async () => {
    const code = parent.replayCode;
    const i = Math.floor(code.length / 2);
    const tampered = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    expect(expectRefusal(await sim('branch', tampered, '--at', '1', '--then', 'lead-only'))).toMatch(
      /^branch: the run to branch is refused: .*(corrupted|altered)/,
    );
    expect(expectRefusal(await sim('branch', 'not-a-code', '--at', '1', '--then', 'lead-only'))).toMatch(
      /^branch: the run to branch is refused: This is not a Momentum replay/,
    );
    expect(expectRefusal(await sim('branch', `${code}!`, '--at', '1', '--then', 'lead-only'))).toMatch(
      /^branch: the run to branch is refused: /,
    );
  });

  it('is a usage error (exit 2) for a turn that is not a number', async () => {
    for (const at of ['abc', '1.5', '', '3x']) {
      expect(expectUsage(await sim('branch', parent.replayCode, '--at', at, '--then', 'lead-only'))).toContain(
        `--at takes a turn number, not "${at}"`,
      );
    }
    expect(expectUsage(await sim('branch', parent.replayCode, '--at=-1', '--then', 'lead-only'))).toContain('"-1"');
  });

  it('is a usage error (exit 2) for an unknown policy, listing the valid ones', async () => {
    const e = expectUsage(await sim('branch', parent.replayCode, '--at', '2', '--then', 'nobody'));
    expect(e).toContain('unknown policy "nobody"');
    expect(e).toContain('lead-only');
  });

  it('is a usage error (exit 2) for a missing run, turn or policy, an extra run or an unknown flag', async () => {
    expect(expectUsage(await sim('branch'))).toMatch(/missing FILE or CODE/);
    expect(expectUsage(await sim('branch', '--at', '1', '--then', 'lead-only'))).toMatch(/missing FILE or CODE/);
    expect(expectUsage(await sim('branch', parent.replayCode, '--then', 'lead-only'))).toMatch(/missing --at\b/);
    expect(expectUsage(await sim('branch', parent.replayCode, '--at', '1'))).toMatch(/missing --then\b.*lead-only/);
    expect(expectUsage(await sim('branch', parent.replayCode, '--at'))).toMatch(/--at needs a value/);
    expect(
      expectUsage(await sim('branch', parent.replayCode, parent.replayCode, '--at', '1', '--then', 'lead-only')),
    ).toMatch(/unexpected argument/);
    expect(
      expectUsage(await sim('branch', parent.replayCode, '--at', '1', '--then', 'lead-only', '--policy', 'x')),
    ).toMatch(/unknown option "--policy"/);
  });
});
