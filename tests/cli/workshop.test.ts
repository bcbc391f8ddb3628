import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { input } from '../../src/cli/commands/workshop';
import { shownName } from '../../src/replay/names';
import { entry, handIn, tampered } from '../workshop/support';
import { decodeCode } from '../../src/replay/code';
import { onlyJson, sim } from './run-sim';

const ROOT = join(import.meta.dirname, '..', '..');

interface WorkshopJson {
  room: { scenario: string; seed: string; from: string } | null;
  teams: {
    team: string;
    verified: boolean;
    reason: string | null;
    turns: number | null;
    outcome: string | null;
    fingerprint: string | null;
    regimes: string[] | null;
  }[];
  refused: { source: string; team: string | null; reason: string }[];
  notes: string[];
  firstDivergence: number | null;
  prompts: string[];
}

const blue = handIn('balanced', { team: 'Team Blue' });
const bluePartial = handIn('balanced', { team: 'Team Blue' }, { turns: 3 });
const red = handIn('lead-only', { team: 'Team Red' });
const green = handIn('manage-only', { team: 'Team \u001b[2JGreen' });
const gold = handIn('random', { team: 'Team Gold' }, { seed: '7' });

let dir: string;
let chat: string;
let clean: string;
let replayFile: string;
let broken: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'momentum-workshop-'));
  chat = join(dir, 'chat.txt');
  writeFileSync(
    chat,
    [
      `09:01 Ana: ${bluePartial.code}`,
      `09:02 Ben: https://game.example/?replay=${red.code}&scenario=first-team`,
      `09:03 Cy: ${green.code} and some chatter`,
      `09:04 Eve: ${gold.code}`,
      `09:05 Fay: ${tampered(red.code)}`,
      `09:06 Ana: final one ${blue.code}`,
    ].join('\n'),
  );
  clean = join(dir, 'clean.txt');
  writeFileSync(clean, `${blue.code}\n${red.code}\n`);
  replayFile = join(dir, 'teal.replay.json');
  writeFileSync(replayFile, JSON.stringify(handIn('expert', { team: 'Team Teal' }).doc, null, 2));
  broken = join(dir, 'broken.replay.json');
  writeFileSync(broken, JSON.stringify(blue.doc).slice(0, 150));
});

afterEach(() => {
  input.stdin = () => {
    throw new Error('standard input read unexpectedly');
  };
});

describe('sim workshop', () => {
  it('--json: teams verified with the same fingerprints as sim verify, the rest refused with reasons', async () => {
    const r = await sim('workshop', chat, replayFile, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    const j = JSON.parse(r.out[0]!) as WorkshopJson;
    expect(j.room).toEqual({ scenario: 'first-team', seed: '42', from: 'first valid run' });
    expect(j.teams.map((t) => [t.team, t.verified])).toEqual([
      // A name is shown by the one display rule: the escape character as a visible escape.
      ['Team \\u001b[2JGreen', true],
      ['Team Blue', true],
      ['Team Red', true],
      ['Team Teal', true],
      ['Team Gold', false],
    ]);
    for (const key of ['team', 'verified', 'reason', 'turns', 'outcome', 'fingerprint']) {
      for (const t of j.teams) expect(t).toHaveProperty(key);
    }
    for (const t of j.teams.filter((x) => x.verified)) {
      const code = [blue, red, green].find((h) => shownName(h.doc.meta!.team!) === t.team)?.code ?? replayFile;
      const v = onlyJson<{ fingerprint: string; turns: number; outcome: string }>(await sim('verify', code, '--json'));
      expect(t.fingerprint).toBe(v.fingerprint);
      expect(t.turns).toBe(v.turns);
      expect(t.outcome).toBe(v.outcome);
      expect(t.reason).toBeNull();
      expect(t.regimes).toHaveLength(t.turns!);
    }
    const goldRow = j.teams.find((t) => t.team === 'Team Gold')!;
    expect(goldRow).toMatchObject({ turns: null, fingerprint: null, regimes: null });
    expect(goldRow.reason).toMatch(/flagged, not mixed in\.$/);
    expect(j.refused.map((x) => [x.source, x.team])).toEqual([
      [`${chat}, line 4`, 'Team Gold'],
      [`${chat}, line 5 (Fay)`, null],
    ]);
    expect(j.notes).toEqual([
      'Team Blue handed in twice; the later, further run is kept (8 turns, finished).',
      "A run's name holds invisible characters, shown as \\u escapes; it is shown as “Team \\u001b[2JGreen”.",
    ]);
    expect(j.firstDivergence).toBe(1);
    expect(j.prompts.length).toBeGreaterThan(4);
    expect(j.prompts.some((p) => p.includes('architect'))).toBe(true);
  });

  it('exits 0 when every hand-in verified, and --scenario with --seed set the room', async () => {
    const j = onlyJson<WorkshopJson>(await sim('workshop', clean, '--json'));
    expect(j.teams.map((t) => t.team)).toEqual(['Team Blue', 'Team Red']);
    const r = await sim('workshop', clean, chat, '--scenario', 'first-team', '--seed', '7', '--json');
    const k = JSON.parse(r.out[0]!) as WorkshopJson;
    expect(k.room).toEqual({ scenario: 'first-team', seed: '7', from: 'options' });
    expect(k.teams.filter((t) => t.verified).map((t) => t.team)).toEqual(['Team Gold']);
    expect(k.refused.filter((x) => x.reason.includes('flagged, not mixed in'))).toHaveLength(6);
  });

  it('prints the table, regimes, refusals, notes and debrief, with names escaped for the terminal', async () => {
    const r = await sim('workshop', chat);
    expect(r.code).toBe(1);
    const text = r.out.join('\n');
    expect(r.out[0]).toBe(
      `Room: ${entry('first-team').scenario.title} (first-team), seed "42", taken from the first valid run (Team Blue, in ${chat}, line 1); --scenario and --seed set it.`,
    );
    expect(r.out[1]).toBe('3 teams verified, 2 hand-ins refused.');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Team \\u001b[2JGreen');
    expect(text).toMatch(new RegExp(`Team Blue +yes +8/8 +${blue.doc.summary.outcome} .* ${blue.doc.final}`));
    expect(text).toMatch(/\nTeam Gold +no +refused, see below\n/);
    expect(text).toContain(`Refused:\n  ${chat}, line 4 (Team Gold): This run is of seed "7"`);
    expect(text).toContain('Notes:\n  Team Blue handed in twice');
    expect(text).toMatch(/Debrief:\n {2}1\. /);
  });

  it('cannot be forged through names: a line feed prints no row of its own, a look-alike is told apart, a long name is cut', async () => {
    const forger = handIn('lead-only', { team: `Zed\nTeam Blue  yes  8/8  momentum` });
    const honest = handIn('balanced', { team: 'Team Blue' });
    const red = handIn('manage-only', { team: 'Red' });
    const lookAlike = handIn('random', { team: 'Red\u200b' });
    // A code cannot carry a name that long; a replay file, which anyone can write, can.
    const long = handIn('lead-only', { team: 'Long' }, { turns: 2 }).doc;
    const longFile = join(dir, 'long.replay.json');
    writeFileSync(longFile, JSON.stringify({ ...long, meta: { ...long.meta, team: 'L'.repeat(30_000) } }));
    const file = join(dir, 'forged.txt');
    writeFileSync(file, [forger, honest, red, lookAlike].map((h) => h.code).join('\n'));
    const r = await sim('workshop', file, longFile);
    expect(r.err).toEqual([]);
    // The table: the lines after its header, to the first blank line.
    const header = r.out.findIndex((l) => l.startsWith('team '));
    const rows = r.out.slice(header + 1, r.out.indexOf('', header));
    // Exactly one row per team: five hand-ins, five teams, and one of them is Team Blue.
    expect(rows).toHaveLength(5);
    expect(rows.filter((l) => l.startsWith('Team Blue '))).toHaveLength(1);
    expect(rows.some((l) => l.startsWith('Zed\\u000aTeam Blue'))).toBe(true);
    expect(rows.some((l) => l.startsWith('Red\\u200b'))).toBe(true);
    expect(rows.some((l) => /^Red +yes/.test(l))).toBe(true);
    for (const line of r.out) expect(line).not.toMatch(/[\n\u200b]/);
    // Every line the output prints is short: the 30,000-character name is cut, and a note says so.
    expect(Math.max(...r.out.map((l) => l.length))).toBeLessThan(1000);
    expect(r.out.join('\n')).toContain(
      `A run's name is 30000 characters long, cut to 60; it is shown as “${'L'.repeat(59)}…”.`,
    );
  });

  it('--csv: one row per team per turn that parses back', async () => {
    const r = await sim('workshop', clean, replayFile, '--csv');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const rows = Papa.parse<string[]>(r.out[0]!, { newline: '\r\n' }).data;
    expect(rows[0]).toEqual([
      'team',
      'turn',
      'actions',
      'morale',
      'execution',
      'innovation',
      'L',
      'M',
      'regime',
      'events',
    ]);
    const teams = new Map<string, number>();
    for (const row of rows.slice(1)) teams.set(row[0]!, (teams.get(row[0]!) ?? 0) + 1);
    expect([...teams]).toEqual([
      ['Team Blue', blue.doc.turns.length],
      ['Team Red', red.doc.turns.length],
      ['Team Teal', handIn('expert', { team: 'Team Teal' }).doc.turns.length],
    ]);
  });

  it('reads standard input for -, and refuses a damaged replay file with its reason', async () => {
    input.stdin = () => `from the projector: ${red.code}`;
    const j = JSON.parse((await sim('workshop', '-', broken, '--json')).out[0]!) as WorkshopJson;
    expect(j.teams.map((t) => t.team)).toEqual(['Team Red']);
    expect(j.refused).toHaveLength(1);
    expect(j.refused[0]!.source).toBe(broken);
    expect(j.refused[0]!.reason).toMatch(/not valid JSON/);
  });

  it('says when a file holds nothing to read, and when nothing verified', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, 'minutes of the meeting, no codes');
    const r = await sim('workshop', empty);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'Room: no hand-in verified, so there is no room to compare.',
      '0 teams verified, 1 hand-in refused.',
      '',
      'Refused:',
      `  ${empty}: No replay code, link or replay file was found in ${empty}.`,
    ]);
  });

  it('scripts a room: sim play --team --room hands in as a team link would, and --room keeps only that room', async () => {
    const play = async (team: string, room: string, policy: string): Promise<string> =>
      onlyJson<{ replayCode: string }>(
        await sim(
          'play',
          '--scenario',
          'first-team',
          '--seed',
          '42',
          '--policy',
          policy,
          '--team',
          team,
          '--room',
          room,
          '--json',
        ),
      ).replayCode;
    const codes = [
      await play('Team Oak', 'R-ONE', 'balanced'),
      await play('Team Elm', 'R-ONE', 'lead-only'),
      await play('Team Ash', 'R-TWO', 'manage-only'),
    ];
    const file = join(dir, 'scripted.txt');
    writeFileSync(file, codes.join('\n'));
    const decoded = decodeCode(codes[0]!);
    expect(decoded.ok && decoded.raw.meta).toMatchObject({ team: 'Team Oak', room: 'R-ONE' });
    // A run refused makes the exit 1; the room is printed all the same.
    const r = await sim('workshop', file, '--room', 'R-ONE', '--json');
    expect(r.code).toBe(1);
    const one = JSON.parse(r.out[0]!) as WorkshopJson;
    expect(one.teams.filter((t) => t.verified).map((t) => t.team)).toEqual(['Team Elm', 'Team Oak']);
    expect(one.refused.map((r) => [r.team, r.reason])).toEqual([
      ['Team Ash', 'This run was played in room "R-TWO", and this is room "R-ONE": flagged, not mixed in.'],
    ]);
    // Without --room, the runs of both rooms share the scenario and seed: all three are kept.
    const all = onlyJson<WorkshopJson>(await sim('workshop', file, '--json'));
    expect(all.teams).toHaveLength(3);
    const bad = await sim(
      'play',
      '--scenario',
      'first-team',
      '--seed',
      '1',
      '--policy',
      'balanced',
      '--team',
      'a\u0007b',
    );
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/^play: The team name holds an invisible control character/);
  });

  it('usage mistakes: one line, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^workshop: missing FILE/],
      [[clean, '--json', '--csv'], /^workshop: choose one format/],
      [[clean, '--scenario', 'first-team'], /^workshop: give --scenario and --seed together/],
      [[clean, '--scenario', 'nope', '--seed', '1'], /^workshop: unknown scenario "nope"; valid scenarios: /],
      [[join(dir, 'missing.txt')], /^workshop: .*missing\.txt: no such file$/],
      [[dir], /^workshop: .* is a folder, not a file$/],
      [[clean, '--bogus'], /^workshop: unknown option "--bogus"/],
    ];
    for (const [args, message] of cases) {
      const r = await sim('workshop', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
    }
  });

  it('reads standard input in a real process', () => {
    const p = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', 'workshop', '-', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: `${blue.code}\n${red.code}\n`,
    });
    expect(p.stderr).toBe('');
    expect(p.status).toBe(0);
    const j = JSON.parse(p.stdout) as WorkshopJson;
    expect(j.teams.map((t) => [t.team, t.fingerprint])).toEqual([
      ['Team Blue', blue.doc.final],
      ['Team Red', red.doc.final],
    ]);
  });
});
