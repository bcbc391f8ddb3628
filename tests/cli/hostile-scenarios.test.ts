/**
 * The CLI over a scenario folder with hostile files in it: a broken file gets its own messages
 * and exit code 1 without blocking the other scenarios, and no text from a scenario, seed or
 * name reaches the terminal with its control characters live.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/terminal';
import { SCENARIO_DIR } from '../../src/scenarios/files';
import { onlyJson, sim, type Run } from './run-sim';

const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const SHIPPED_IDS = SHIPPED.map((f) => f.slice(0, -5));
const ORIGINAL = readFileSync(join(SCENARIO_DIR, 'first-team.json'), 'utf8');

/** What a terminal would act on: C0 controls but the line feed, DEL, C1, bidi overrides, lone surrogates. */
const LIVE =
  /\r(?!\n)|[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const TITLE = 'Clear \u001b[2J\u001b[31mred\u001b[0m, bell\u0007, CSI\u009b1m, flip\u202eesrever, tab\there';
const EVENT_TITLE = 'Event \u001b]0;owned\u0007 title';
const MEMBER = 'Ana\u001b[8m';

function hostileScenario(): string {
  const data = JSON.parse(ORIGINAL) as {
    id: string;
    title: string;
    events: { title: string }[];
    members: { name: string }[];
  };
  data.id = 'controls';
  data.title = TITLE;
  for (const e of data.events) e.title = EVENT_TITLE;
  data.members[0]!.name = MEMBER;
  return JSON.stringify(data, null, 2);
}

function expectNothingLive(r: Run): void {
  for (const line of [...r.out, ...r.err]) expect(line, JSON.stringify(line)).not.toMatch(LIVE);
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'momentum-cli-scenarios-'));
  for (const f of SHIPPED) copyFileSync(join(SCENARIO_DIR, f), join(dir, f));
  writeFileSync(join(dir, 'deep.json'), `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
  writeFileSync(join(dir, 'deep-object.json'), `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
  writeFileSync(join(dir, 'huge.json'), ORIGINAL.replace(/"turns": \d+/, '"turns": 123456789012345678901234567890'));
  writeFileSync(join(dir, 'controls.json'), hostileScenario());
  process.env.MOMENTUM_SCENARIOS = dir;
});
afterAll(() => {
  delete process.env.MOMENTUM_SCENARIOS;
  rmSync(dir, { recursive: true, force: true });
});

describe('broken scenario files', () => {
  it('sim scenarios lists every good scenario, gives each broken file its own lines, and exits 1', async () => {
    const r = await sim('scenarios');
    expect(r.code).toBe(1);
    for (const id of [...SHIPPED_IDS, 'controls']) expect(r.out.some((l) => l.startsWith(`${id} `))).toBe(true);
    expect(r.err).toHaveLength(3);
    const deep = r.err.find((l) => l.includes('deep.json: '))!;
    expect(deep).toMatch(/deep\.json: \$(\[0\]){64} \(line 1, column 65\): expected at most 64 arrays and objects/);
    expect(r.err.find((l) => l.includes('deep-object.json: '))).toMatch(/: \$(\.a){64} \(line 1, column 321\): /);
    const huge = r.err.filter((l) => l.includes('huge.json: '));
    expect(huge).toEqual([expect.stringMatching(/\$\.turns .*expected a number ≤ 30, found the number 1234567890123/)]);
    for (const line of r.err) expect(line).not.toMatch(/internal error|call stack/);
  });

  it('sim scenarios --json prints the good ones as JSON, the problems on stderr, and exits 1', async () => {
    const r = await sim('scenarios', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(1);
    const list = JSON.parse(r.out[0]!) as { id: string; title: string }[];
    expect(list.map((s) => s.id).sort()).toEqual([...SHIPPED_IDS, 'controls'].sort());
    expect(r.err).toHaveLength(3);
  });

  it('plays, batches and verifies good scenarios as if the broken files were not there', async () => {
    const j = onlyJson<{ replayCode: string }>(
      await sim('play', '--scenario', 'first-team', '--seed', '7', '--policy', 'balanced', '--json'),
    );
    expect((await sim('verify', j.replayCode)).code).toBe(0);
    expect((await sim('batch', '--scenario', 'idea-factory', '--policy', 'random', '--runs', '3')).code).toBe(0);
  });

  it.each(['deep', 'deep-object', 'huge'])('asked for the broken %s, gives its problems and exits 1', async (id) => {
    for (const r of [
      await sim('play', '--scenario', id, '--seed', '1', '--policy', 'balanced'),
      await sim('batch', '--scenario', id, '--policy', 'balanced', '--runs', '1'),
      await sim('balance', '--scenario', id, '--runs', '1'),
    ]) {
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toContain(`${id}.json: $`);
      expect(r.err.join('\n')).not.toMatch(/internal error/);
    }
  });

  it('balance given a broken file by path names that file', async () => {
    const r = await sim('balance', '--scenario', join(dir, 'deep.json'), '--runs', '1');
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/deep\.json: \$(\[0\]){64} .*at most 64/);
  });

  it('still names the valid scenarios for an id no file has', async () => {
    const r = await sim('play', '--scenario', 'nope', '--seed', '1', '--policy', 'balanced');
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('first-team');
    expect(r.err[0]).not.toContain('deep');
  });
});

describe('control characters on the terminal', () => {
  it('sim scenarios shows a title’s control characters as visible escapes', async () => {
    const r = await sim('scenarios');
    expectNothingLive(r);
    const line = r.out.find((l) => l.startsWith('controls '))!;
    expect(line).toContain('Clear \\u001b[2J\\u001b[31mred\\u001b[0m, bell\\u0007, CSI\\u009b1m, flip\\u202eesrever');
  });

  it('--json keeps the same text: the escapes are JSON escapes of the same characters', async () => {
    const r = await sim('scenarios', '--json');
    expectNothingLive(r);
    const list = JSON.parse(r.out[0]!) as { id: string; title: string }[];
    expect(list.find((s) => s.id === 'controls')!.title).toBe(TITLE);
  });

  it('play, verify, replay and export print no live control character', async () => {
    const played = await sim('play', '--scenario', 'controls', '--seed', 'c', '--policy', 'random');
    expect(played.code).toBe(0);
    expectNothingLive(played);
    expect(played.out[0]).toContain('\\u001b[2J');
    const j = onlyJson<{ replayCode: string }>(
      await sim('play', '--scenario', 'controls', '--seed', 'c', '--policy', 'random', '--json'),
    );
    const runs = [
      await sim('verify', j.replayCode),
      await sim('verify', j.replayCode, '--json'),
      await sim('replay', j.replayCode),
      await sim('export', j.replayCode, '--csv'),
    ];
    for (const r of runs) {
      expect(r.code).toBe(0);
      expectNothingLive(r);
    }
    const story = runs[2]!.out.join('\n');
    // The story names a member or an event somewhere; whichever it names is shown escaped.
    expect(story.includes('Ana\\u001b[8m') || story.includes('\\u001b]0;owned\\u0007')).toBe(true);
    // CSV rows keep their CRLF line ends.
    expect(runs[3]!.out[0]).toContain('\r\n');
  });

  it('an error message quoting a file name or a value escapes it too', async () => {
    const name = join(dir, 'bell\u0007.json');
    writeFileSync(name, '{');
    const r = await sim('balance', '--scenario', name, '--runs', '1');
    expect(r.code).toBe(1);
    expectNothingLive(r);
    expect(r.err[0]).toContain('bell\\u0007.json');
    rmSync(name);
  });
});

describe('terminalText', () => {
  it('escapes C0 (but line feeds), DEL, C1, bidi overrides and lone surrogates, and nothing else', () => {
    expect(terminalText('a\u001b[2Jb')).toBe('a\\u001b[2Jb');
    expect(terminalText('\u0000\u0007\u0008\t\u000b\u000c\u007f\u0085\u009b')).toBe(
      '\\u0000\\u0007\\u0008\\u0009\\u000b\\u000c\\u007f\\u0085\\u009b',
    );
    expect(terminalText('x\u202ey\u2066z\u200f')).toBe('x\\u202ey\\u2066z\\u200f');
    expect(terminalText('half \uD800 and \uDC00')).toBe('half \\ud800 and \\udc00');
    expect(terminalText('carriage\rreturn')).toBe('carriage\\u000dreturn');
    const kept = 'lines\nand CSV rows\r\nZoë 🚀 種 «α» — “quotes” \\ backslash';
    expect(terminalText(kept)).toBe(kept);
  });

  it('leaves any JSON valid and equal in meaning', () => {
    const value = { title: TITLE, seed: '\u0085\u2066\uD83D', list: ['\u009b', 'ok'] };
    const json = JSON.stringify(value);
    expect(terminalText(json)).not.toMatch(LIVE);
    expect(JSON.parse(terminalText(json))).toEqual(JSON.parse(json));
  });
});

describe('as a real process', () => {
  it('exits 1 with the broken files on stderr and nothing live on stdout', () => {
    const p = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', 'scenarios'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, MOMENTUM_SCENARIOS: dir, NO_COLOR: '1' },
    });
    expect(p.error).toBeUndefined();
    expect(p.status).toBe(1);
    expect(p.stdout).not.toMatch(LIVE);
    expect(p.stdout).toContain('first-team');
    expect(p.stdout).toContain('\\u001b[2J');
    const errLines = p.stderr.trimEnd().split('\n');
    expect(errLines).toHaveLength(3);
    expect(p.stderr).not.toMatch(/internal error/);
  });
});
