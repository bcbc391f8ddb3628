import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyJson, sim, type Run } from './run-sim';

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIOS = ['build-the-house', 'first-team', 'idea-factory', 'producers-to-leaders', 'stagnant-giant'];
const POLICIES = ['lead-only', 'manage-only', 'balanced', 'random', 'spam:coach', 'spam:set-goals'];
const OUTCOMES = ['momentum', 'chaos', 'stagnation', 'drift'];
const PLAY_KEYS = ['scenario', 'seed', 'policy', 'outcome', 'ending', 'turns', 'score', 'meters', 'fingerprint'];

interface PlayJson {
  scenario: string;
  seed: string;
  policy: string;
  outcome: string;
  ending: string;
  turns: number;
  score: number;
  meters: { morale: number; execution: number; innovation: number };
  fingerprint: string;
}

/** Seeds that look like flags must be given as --seed=VALUE (node:util parseArgs refuses "--seed -5"). */
function seedFlag(seed: string): string[] {
  return seed.startsWith('-') ? [`--seed=${seed}`] : ['--seed', seed];
}

async function play(scenario: string, seed: string, policy: string): Promise<PlayJson> {
  const r = await sim('play', '--scenario', scenario, ...seedFlag(seed), '--policy', policy, '--json');
  return onlyJson(r) as PlayJson;
}

function expectPlayJson(j: PlayJson, scenario: string, seed: string, policy: string): void {
  for (const key of PLAY_KEYS) expect(j).toHaveProperty(key);
  expect(j.scenario).toBe(scenario);
  expect(j.seed).toBe(seed);
  expect(j.policy).toBe(policy);
  expect(OUTCOMES).toContain(j.outcome);
  expect(typeof j.ending).toBe('string');
  expect(j.ending.length).toBeGreaterThan(0);
  expect(Number.isInteger(j.turns)).toBe(true);
  expect(j.turns).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(j.score)).toBe(true);
  expect(Object.keys(j.meters).sort()).toEqual(['execution', 'innovation', 'morale']);
  for (const v of Object.values(j.meters)) {
    expect(Number.isInteger(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(100);
  }
  expect(j.fingerprint).toMatch(/^[0-9a-f]{16}$/);
}

/** A usage mistake: exit code 2, nothing on out, exactly one line on err containing every word given. */
function expectUsageError(r: Run, ...mentions: string[]): string {
  expect(r.code).toBe(2);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  const line = r.err[0]!;
  expect(line).not.toContain('\n');
  expect(line).not.toMatch(/\bat .*\.ts:\d+/);
  for (const m of mentions) expect(line).toContain(m);
  return line;
}

describe('sim scenarios', () => {
  it('lists all five scenarios as text', async () => {
    const r = await sim('scenarios');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(SCENARIOS.length);
    SCENARIOS.forEach((id, i) => {
      expect(r.out[i]).toMatch(new RegExp(`^${id}\\s+\\d+ turns\\s`));
    });
  });

  it('lists id, title and turns for all five with --json', async () => {
    const list = onlyJson(await sim('scenarios', '--json')) as { id: string; title: string; turns: number }[];
    expect(list.map((s) => s.id)).toEqual(SCENARIOS);
    for (const s of list) {
      expect(typeof s.title).toBe('string');
      expect(s.title.length).toBeGreaterThan(0);
      expect(Number.isInteger(s.turns)).toBe(true);
      expect(s.turns).toBeGreaterThanOrEqual(3);
      expect(s.turns).toBeLessThanOrEqual(30);
    }
  });

  it('gives the same turns as the text listing', async () => {
    const list = onlyJson(await sim('scenarios', '--json')) as { id: string; title: string; turns: number }[];
    const text = (await sim('scenarios')).out;
    list.forEach((s, i) => {
      expect(text[i]).toContain(` ${s.turns} turns `);
      expect(text[i]).toContain(s.title);
    });
  });
});

describe('sim play', () => {
  it.each(SCENARIOS)('prints one JSON summary for %s', async (id) => {
    const j = await play(id, '42', 'balanced');
    expectPlayJson(j, id, '42', 'balanced');
  });

  it('prints outcome, ending, turns, meters, score and fingerprint as text', async () => {
    const j = await play('first-team', '42', 'balanced');
    const r = await sim('play', '--scenario', 'first-team', '--seed', '42', '--policy', 'balanced');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const text = r.out.join('\n');
    expect(text).toContain('first-team');
    expect(text).toContain('"42"');
    expect(text).toContain('balanced');
    expect(text).toMatch(new RegExp(`outcome\\s+${j.outcome}`));
    expect(text).toMatch(new RegExp(`ending\\s+${j.ending}`));
    expect(text).toMatch(new RegExp(`turns\\s+${j.turns} of \\d+`));
    expect(text).toContain(
      `morale ${j.meters.morale}, execution ${j.meters.execution}, innovation ${j.meters.innovation}`,
    );
    expect(text).toMatch(new RegExp(`score\\s+${j.score}\\b`));
    expect(text).toMatch(new RegExp(`fingerprint\\s+${j.fingerprint}`));
  });

  it('gives the same fingerprint for the same seed', async () => {
    for (const policy of ['balanced', 'random']) {
      const a = await play('stagnant-giant', 'same seed', policy);
      const b = await play('stagnant-giant', 'same seed', policy);
      expect(b).toEqual(a);
    }
  });

  it('usually gives different fingerprints for different seeds', async () => {
    const prints = new Set<string>();
    for (let i = 1; i <= 10; i++) prints.add((await play('first-team', String(i), 'random')).fingerprint);
    expect(prints.size).toBeGreaterThanOrEqual(8);
    const a = await play('idea-factory', 'alpha', 'balanced');
    const b = await play('idea-factory', 'beta', 'balanced');
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['emoji', '🎲🚀👩‍💻'],
    ['CJK', '勢い漢字のシード'],
    ['100 characters, the most a seed may have', [...'seed-🎲-漢字 '.repeat(20)].slice(0, 100).join('')],
    ['quotes and backslashes', 'a "quoted" \\ seed with a backslash'],
    ['starting with a dash (given with =)', '-5'],
  ])('accepts a seed that is %s', async (_label, seed) => {
    const flag = seedFlag(seed);
    const r = await sim('play', '--scenario', 'first-team', ...flag, '--policy', 'random', '--json');
    const j = onlyJson(r) as PlayJson;
    expectPlayJson(j, 'first-team', seed, 'random');
    expect((await play('first-team', seed, 'random')).fingerprint).toBe(j.fingerprint);
    const text = await sim('play', '--scenario', 'first-team', ...flag, '--policy', 'random');
    expect(text.code).toBe(0);
    expect(text.out.join('\n')).toContain(j.fingerprint);
  });

  it('treats a 100-character seed as different from its prefix', async () => {
    const long = 'x'.repeat(100);
    expect((await play('first-team', long, 'random')).fingerprint).not.toBe(
      (await play('first-team', long.slice(0, 99), 'random')).fingerprint,
    );
  });

  it.each([
    ['longer than 100 characters', 'x'.repeat(2900), /2900 characters long.*at most 100/],
    ['holding a lone surrogate', 'seed\uD800', /broken character/],
    ['holding a newline', 'a\nb', /control character \(U\+000A\)/],
    ['holding a terminal escape', 'a\u001b[2Jb', /control character \(U\+001B\)/],
    ['holding a C1 control', 'a\u009bb', /control character \(U\+009B\)/],
  ])('refuses a seed %s, in one line, before playing', async (_label, seed, why) => {
    const line = expectUsageError(
      await sim('play', '--scenario', 'first-team', '--seed', seed, '--policy', 'random', '--json'),
      'play: --seed refused: ',
    );
    expect(line).toMatch(why);
    // The refusal never echoes the seed itself: it may be what makes a terminal misbehave.
    expect(line).not.toContain(seed);
  });

  it('refuses a --seeds prefix whose seeds the game would refuse', async () => {
    const line = expectUsageError(
      await sim('balance', '--scenario', 'first-team', '--runs', '1000', '--seeds', 'x'.repeat(98)),
      'balance: --seeds refused: ',
    );
    expect(line).toMatch(/102 characters long/);
    expectUsageError(await sim('balance', '--scenario', 'first-team', '--seeds', 'p\u0007'), '--seeds', 'U+0007');
  });

  it.each(POLICIES)('plays every scenario with policy %s', async (policy) => {
    for (const id of SCENARIOS) expectPlayJson(await play(id, '7', policy), id, '7', policy);
  });
});

describe('sim batch', () => {
  it.each(SCENARIOS)('adds up 50 balanced runs of %s', async (id) => {
    const j = onlyJson(await sim('batch', '--scenario', id, '--policy', 'balanced', '--runs', '50', '--json')) as {
      scenario: string;
      policy: string;
      runs: number;
      outcomes: Record<string, number>;
    };
    expect(j.scenario).toBe(id);
    expect(j.policy).toBe('balanced');
    expect(j.runs).toBe(50);
    expect(Object.keys(j.outcomes).sort()).toEqual([...OUTCOMES].sort());
    for (const n of Object.values(j.outcomes)) {
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(0);
    }
    expect(Object.values(j.outcomes).reduce((a, b) => a + b, 0)).toBe(50);
  });

  it('is deterministic in its outcomes', async () => {
    const args = ['batch', '--scenario', 'idea-factory', '--policy', 'random', '--runs', '20', '--json'];
    const a = onlyJson(await sim(...args)) as { outcomes: unknown };
    const b = onlyJson(await sim(...args)) as { outcomes: unknown };
    expect(b.outcomes).toEqual(a.outcomes);
  });

  it('prints one line per outcome as text', async () => {
    const r = await sim('batch', '--scenario', 'first-team', '--policy', 'random', '--runs', '5');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    for (const o of OUTCOMES) expect(r.out.some((l) => l.trim().startsWith(o))).toBe(true);
  });
});

describe('sim usage errors', () => {
  const play4 = (scenario: string, policy: string) => [
    'play',
    '--scenario',
    scenario,
    '--seed',
    '1',
    '--policy',
    policy,
  ];

  it('names the valid scenarios for an unknown scenario', async () => {
    for (const command of [
      play4('nope', 'balanced'),
      ['batch', '--scenario', 'nope', '--policy', 'random', '--runs', '5'],
    ])
      expectUsageError(await sim(...command), '"nope"', ...SCENARIOS);
  });

  it('names the valid policies for an unknown policy', async () => {
    expectUsageError(
      await sim(...play4('first-team', 'nope')),
      '"nope"',
      'lead-only',
      'manage-only',
      'balanced',
      'random',
      'spam:',
    );
    expectUsageError(
      await sim('batch', '--scenario', 'first-team', '--policy', 'nope', '--runs', '5'),
      '"nope"',
      'lead-only',
      'spam:',
    );
  });

  it('names the valid action ids for spam:nonsense', async () => {
    for (const policy of ['spam:nonsense', 'spam:']) {
      expectUsageError(
        await sim(...play4('first-team', policy)),
        `"${policy}"`,
        'spam:',
        'coach',
        'set-goals',
        'delegate',
      );
    }
  });

  it('names the valid options for an unknown flag', async () => {
    expectUsageError(
      await sim(...play4('first-team', 'balanced'), '--bogus'),
      '--bogus',
      '--scenario',
      '--seed',
      '--policy',
      '--json',
    );
    expectUsageError(await sim('scenarios', '--bogus'), '--bogus', '--json');
    expectUsageError(
      await sim('batch', '--scenario', 'first-team', '--policy', 'random', '--runs', '5', '--fast'),
      '--fast',
      '--runs',
    );
  });

  // Known gap (reported): "play: missing --scenario" does not say which scenarios there are.
  it('names --scenario and the valid scenarios when --scenario is missing', async () => {
    expectUsageError(await sim('play', '--seed', '1', '--policy', 'balanced'), '--scenario', ...SCENARIOS);
    expectUsageError(await sim('batch', '--policy', 'balanced', '--runs', '5'), '--scenario', ...SCENARIOS);
  });

  it('names the missing flag for a missing --seed, --policy or --runs', async () => {
    expectUsageError(await sim('play', '--scenario', 'first-team', '--policy', 'balanced'), '--seed');
    expectUsageError(await sim('play', '--scenario', 'first-team', '--seed', '1'), '--policy');
    expectUsageError(await sim('batch', '--scenario', 'first-team', '--policy', 'balanced'), '--runs');
    expectUsageError(await sim('play', '--scenario'), '--scenario');
  });

  it('names the valid commands for an unknown or missing command', async () => {
    expectUsageError(await sim('frobnicate'), '"frobnicate"', 'scenarios', 'play', 'batch');
    expectUsageError(await sim(), 'scenarios', 'play', 'batch');
    expectUsageError(await sim('--json'), 'scenarios', 'play', 'batch');
  });

  it('prints how every command is called for --help, -h and help, exit 0', async () => {
    for (const word of ['--help', '-h', 'help']) {
      const r = await sim(word);
      expect(r.code).toBe(0);
      expect(r.err).toEqual([]);
      for (const command of [
        'scenarios',
        'lint',
        'play',
        'batch',
        'balance',
        'verify',
        'replay',
        'export',
        'workshop',
        'compare',
        'branch',
      ])
        expect(r.out.some((l) => l.startsWith(`  ${command} `))).toBe(true);
    }
  });

  it('rejects a stray positional argument', async () => {
    expectUsageError(await sim(...play4('first-team', 'balanced'), 'extra'), 'extra');
  });

  it.each(['0', 'abc', '1.5', '', '1e3', ' 5', '10000001'])('names the valid range for --runs %j', async (runs) => {
    const r = await sim('batch', '--scenario', 'first-team', '--policy', 'random', '--runs', runs);
    expectUsageError(r, '--runs', '1', '10000000', JSON.stringify(runs));
  });

  // Reported as unclear: the message says "unknown or malformed option" although the option is known.
  it('refuses a dash-led value given as a separate word, naming the flag', async () => {
    expectUsageError(await sim('play', '--scenario', 'first-team', '--seed', '-5', '--policy', 'random'), '--seed');
  });

  it('rejects a negative --runs', async () => {
    expectUsageError(await sim('batch', '--scenario', 'first-team', '--policy', 'random', '--runs', '-1'), '--runs');
  });
});

describe('sim as a real process', () => {
  const run = (...args: string[]) =>
    // As `npm run sim` runs it, without npx's lookup of tsx: Node with tsx's loader.
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('exits 0 and prints only JSON on stdout with --json', async () => {
    const p = run('play', '--scenario', 'first-team', '--seed', '42', '--policy', 'balanced', '--json');
    expect(p.error).toBeUndefined();
    expect(p.status).toBe(0);
    expect(p.stdout.endsWith('\n')).toBe(true);
    const lines = p.stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]!) as PlayJson;
    expectPlayJson(j, 'first-team', '42', 'balanced');
    expect(j).toEqual(await play('first-team', '42', 'balanced'));
  });

  it('exits 2 with one line on stderr and nothing on stdout for a usage error', () => {
    const p = run('play', '--scenario', 'nope', '--seed', '42', '--policy', 'balanced', '--json');
    expect(p.error).toBeUndefined();
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    const lines = p.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    for (const id of SCENARIOS) expect(lines[0]).toContain(id);
  });
});
