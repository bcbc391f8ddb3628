import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_HAND_IN_BYTES, MAX_REPLAY_BYTES } from '../../src/cli/bounded-read';
import { handIn } from '../workshop/support';
import { sim, type Run } from './run-sim';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'momentum-bounded-'));
});

/** One line on stderr, nothing on stdout, no stack trace, the given exit code. */
function oneLine(r: Run, code: number): string {
  expect(r.code).toBe(code);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).not.toMatch(/\n|\bat .*:\d+|Error:/);
  return r.err[0]!;
}

describe('what the command line reads', () => {
  it('says a missing path is missing, a folder is a folder, and a pipe is no file, for verify, replay and export', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const command of ['verify', 'replay', 'export']) {
      const run = (arg: string): Promise<Run> =>
        command === 'export' ? sim(command, arg, '--csv') : sim(command, arg);
      expect(oneLine(await run('missing.json'), 2)).toBe(`${command}: missing.json: no such file`);
      expect(oneLine(await run(join(dir, 'runs', 'a.replay.json')), 2)).toMatch(/: no such file$/);
      expect(oneLine(await run(dir), 2)).toBe(`${command}: ${dir} is a folder, not a file`);
      expect(oneLine(await run(fifo), 2)).toBe(`${command}: ${fifo} is not a regular file`);
    }
    // A code is still a code: it is decoded, not looked for on disk.
    const { code } = handIn('balanced', { team: 'Team Blue' });
    const r = await sim('verify', code);
    expect(r.code).toBe(0);
  });

  it('refuses a replay file past its bound in one line, exit 1, without reading it', async () => {
    const big = join(dir, 'big.replay.json');
    writeFileSync(big, `{"format":"momentum-replay",${' '.repeat(MAX_REPLAY_BYTES)}}`);
    expect(oneLine(await sim('verify', big), 1)).toBe(
      `verify: ${big} is larger than 1 MB, the most a replay file may be`,
    );
  });

  it('refuses standard input past its bound in one line, exit 1, in a real process and in bounded memory', () => {
    // 70 MB of zeros piped in: read up to the bound, then refused; never an internal error.
    const started = Date.now();
    // The CLI's own entry, with its peak memory (kilobytes) reported on a last line of stderr.
    const entry =
      "const { main } = await import('./src/cli/sim.ts'); const code = await main(['workshop', '-']);" +
      " console.error('rss ' + process.resourceUsage().maxRSS); process.exit(code);";
    const p = spawnSync(
      'bash',
      [
        '-c',
        `head -c ${MAX_HAND_IN_BYTES + 6 * 1024 * 1024} /dev/zero | node --import tsx --input-type=module -e "${entry}"`,
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    expect(p.status).toBe(1);
    expect(p.stdout).toBe('');
    const lines = p.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('workshop: standard input is larger than 64 MB, the most one input of hand-ins may be');
    expect(lines).toHaveLength(2);
    // The bound's 64 MB and Node itself, not the whole 70 MB twice over.
    const rss = Number(/^rss (\d+)$/.exec(lines[1]!)![1]);
    expect(rss).toBeLessThan(400 * 1024);
    console.log(`70 MB on standard input refused in ${Date.now() - started} ms, peak ${Math.round(rss / 1024)} MB`);
  });

  it('exits 1 and says how many codes it left unread past the cap', async () => {
    const { code } = handIn('balanced', { team: 'Team Blue' });
    const fake = Array.from({ length: 1400 }, (_, i) => `M1.${String(i).padStart(24, 'A')}`);
    const flood = join(dir, 'flood.txt');
    writeFileSync(flood, [code, ...fake].join('\n'));
    const r = await sim('workshop', flood);
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toContain(
      `${flood}: ${flood} holds 1,401 different replay codes or links; only the first 1,000 are read, and 401 are left unread.`,
    );
  });
});
