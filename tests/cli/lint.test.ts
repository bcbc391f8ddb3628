/**
 * `sim lint` checks scenario files exactly as loading them does and lists every problem of
 * every file, and `--scenario FILE` lets play, batch, balance, verify, replay and export use a
 * scenario that lives outside scenarios/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/engine/catalogue';
import { loadScenarioFile, MAX_SCENARIO_FILE_BYTES, SCENARIO_DIR, ScenarioError } from '../../src/scenarios/files';
import { idFromFileName, lintScenarioText } from '../../src/scenarios/lint';
import { MAX_NESTING, parseScenario } from '../../src/scenarios/parse';
import { onlyJson, sim } from './run-sim';

const ORIGINAL = readFileSync(join(SCENARIO_DIR, 'first-team.json'), 'utf8');
type Data = Record<string, unknown> & {
  id: string;
  title?: string;
  actions: string[];
  members: Record<string, unknown>[];
  events: Record<string, unknown>[];
};
const fresh = (): Data => JSON.parse(ORIGINAL) as Data;

const dir = mkdtempSync(join(tmpdir(), 'momentum-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the temporary folder; returns its path. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The first-team scenario saved under another id, in a file named after that id. */
function scenarioFile(id: string, edit: (d: Data) => void = () => {}): string {
  const data = fresh();
  data.id = id;
  edit(data);
  return write(`${id}.json`, JSON.stringify(data, null, 2));
}

/** How a file is named in messages: relative to the working folder, as the loader names it. */
const shown = (path: string): string => relative(process.cwd(), path);

/** Line and column (from 1) of the nth occurrence of needle, moved on by skip characters; counted here, not by the code under test. */
function placeOf(text: string, needle: string, nth = 1, skip = 0): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`test setup: ${JSON.stringify(needle)} occurs fewer than ${nth} times`);
  }
  const before = text.slice(0, i + skip).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

interface LintJson {
  files: {
    file: string;
    ok: boolean;
    problems: { path: string | null; line: number | null; column: number | null; message: string }[];
  }[];
  skipped?: string[];
}

/** `sim lint --json`'s one line of JSON, after checking that it is all that was printed. */
async function lintJson(...files: string[]): Promise<{ code: number; json: LintJson }> {
  const r = await sim('lint', ...files, '--json');
  expect(r.err).toEqual([]);
  expect(r.out).toHaveLength(1);
  return { code: r.code, json: JSON.parse(r.out[0]!) as LintJson };
}

describe('sim lint: valid files', () => {
  it('passes a valid scenario file outside scenarios/ and the shipped ones, exit 0', async () => {
    const good = scenarioFile('night-shift');
    const shipped = join(SCENARIO_DIR, 'idea-factory.json');
    const r = await sim('lint', good, shipped);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      `${shown(good)}: ok, scenario "night-shift"`,
      `${shown(shipped)}: ok, scenario "idea-factory"`,
      '2 files checked: no problems',
    ]);
  });

  it('lints the shipped folder as the README shows it, `scenarios/*.json`, skipping the schema and saying so', async () => {
    const files = readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(SCENARIO_DIR, f));
    const schema = join(SCENARIO_DIR, 'scenario.schema.json');
    expect(files).toContain(schema);
    const r = await sim('lint', ...files);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`${shown(schema)}: skipped, a JSON Schema of the scenario format, not a scenario`);
    expect(r.out.at(-1)).toBe(`${files.length - 1} files checked: no problems (1 schema skipped)`);
    const { json } = await lintJson(...files);
    expect(json.skipped).toEqual([shown(schema)]);
    // The schema alone checks nothing, and a lint that checks nothing does not pass.
    const alone = await sim('lint', schema);
    expect(alone.code).toBe(2);
    expect(alone.err).toEqual([
      'lint: every file named is a JSON Schema, which is skipped, so no scenario was checked',
    ]);
    expect(json.files.map((f) => f.ok)).toEqual(Array<boolean>(files.length - 1).fill(true));
  });

  it('prints ok and no problems for a valid file with --json', async () => {
    const good = scenarioFile('night-shift');
    const { code, json } = await lintJson(good);
    expect(code).toBe(0);
    expect(json).toEqual({ files: [{ file: shown(good), ok: true, problems: [] }] });
  });

  it('is a usage mistake without any file, exit 2', async () => {
    for (const args of [['lint'], ['lint', '--json']]) {
      const r = await sim(...args);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toContain('lint: missing FILE');
    }
    const r = await sim('lint', '--fix', scenarioFile('night-shift'));
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('--fix');
  });
});

describe('sim lint: broken files', () => {
  it('lists every problem of every file with its line and column, then the total, exit 1', async () => {
    const many = scenarioFile('many-faults', (d) => {
      d.turns = 99;
      d.actions[1] = 'shout';
      d.members[2]!.morale = 101;
      d.events[1]!.id = d.events[0]!.id;
      delete d.title;
    });
    const manyText = readFileSync(many, 'utf8');
    const syntax = write('cut-off.json', '{\n  "id": "cut-off"\n  "title": "x"\n}\n');
    const good = scenarioFile('night-shift');
    const r = await sim('lint', many, good, syntax);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([]);
    const at = (p: { line: number; column: number }): string => `(line ${p.line}, column ${p.column})`;
    const f = shown(many);
    const eventId = JSON.stringify(fresh().events[0]!.id);
    expect([...r.out].sort()).toEqual(
      [
        `${f}: $.title (line 1, column 1): missing field: expected a string`,
        `${f}: $.turns ${at(placeOf(manyText, '"turns": 99', 1, 9))}: expected a number ≤ 30, found the integer 99`,
        `${f}: $.members[2].morale ${at(placeOf(manyText, '"morale": 101', 1, 10))}: expected a number ≤ 100, found the integer 101`,
        `${f}: $.actions[1] ${at(placeOf(manyText, '"shout"'))}: expected a known action id (one of ${ACTION_IDS.join(', ')}), found "shout"`,
        `${f}: $.events[1].id ${at(placeOf(manyText, `"id": ${eventId}`, 2, 6))}: expected a unique event id, found ${eventId} again (first at index 0)`,
        `${shown(good)}: ok, scenario "night-shift"`,
        `${shown(syntax)}: invalid JSON at line 3, column 3: expected a comma between items`,
        '6 problems in 2 of 3 files checked',
      ].sort(),
    );
    // Files in the order given, each file's problems together, the total last.
    expect(r.out[r.out.length - 1]).toBe('6 problems in 2 of 3 files checked');
    expect(r.out.findIndex((l) => l.startsWith(shown(good)))).toBe(5);
  });

  it('gives exactly the loader’s messages', async () => {
    const broken = scenarioFile('loader-twin', (d) => {
      d.eventChance = -4;
      d.members[0]!.age = 30;
    });
    let thrown: unknown;
    try {
      loadScenarioFile(broken);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ScenarioError);
    const r = await sim('lint', broken);
    expect(r.out.slice(0, -1)).toEqual((thrown as ScenarioError).problems);
    expect((thrown as ScenarioError).problems).toHaveLength(2);
  });

  it('prints exactly files, ok and problems with path, line, column and message in --json', async () => {
    const broken = scenarioFile('json-shape', (d) => {
      d.actions[0] = 'shout';
    });
    const missing = join(dir, 'nowhere.json');
    const notJson = write('words.json', 'just words\n');
    const good = scenarioFile('night-shift');
    const { code, json } = await lintJson(broken, missing, notJson, good);
    expect(code).toBe(1);
    const at = placeOf(readFileSync(broken, 'utf8'), '"shout"');
    expect(json).toEqual({
      files: [
        {
          file: shown(broken),
          ok: false,
          problems: [
            {
              path: '$.actions[0]',
              line: at.line,
              column: at.column,
              message: `expected a known action id (one of ${ACTION_IDS.join(', ')}), found "shout"`,
            },
          ],
        },
        {
          file: shown(missing),
          ok: false,
          problems: [{ path: null, line: null, column: null, message: 'no such file' }],
        },
        {
          file: shown(notJson),
          ok: false,
          problems: [
            {
              path: null,
              line: 1,
              column: 1,
              message: 'invalid JSON: found a character that does not belong in JSON',
            },
          ],
        },
        { file: shown(good), ok: true, problems: [] },
      ],
    });
    for (const file of json.files) expect(Object.keys(file)).toEqual(['file', 'ok', 'problems']);
    for (const p of json.files.flatMap((x) => x.problems)) {
      expect(Object.keys(p)).toEqual(['path', 'line', 'column', 'message']);
    }
  });

  it('names a missing file, a folder and an empty file without stopping at them', async () => {
    const folder = join(dir, 'a-folder.json');
    mkdirSync(folder, { recursive: true });
    const missing = join(dir, 'missing.json');
    const empty = write('empty.json', '  \n');
    const r = await sim('lint', missing, folder, empty, scenarioFile('night-shift'));
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      `${shown(missing)}: no such file`,
      `${shown(folder)}: is a folder, not a file`,
      `${shown(empty)}: invalid JSON: the file is empty`,
      `${shown(join(dir, 'night-shift.json'))}: ok, scenario "night-shift"`,
      '3 problems in 3 of 4 files checked',
    ]);
    const { json } = await lintJson(empty);
    expect(json.files[0]!.problems).toEqual([
      { path: null, line: null, column: null, message: 'invalid JSON: the file is empty' },
    ]);
  });

  it('refuses nesting 20,000 deep with one problem at the place it gets too deep', async () => {
    const deep = write('deep.json', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    const { code, json } = await lintJson(deep);
    expect(code).toBe(1);
    expect(json.files[0]!.problems).toEqual([
      {
        path: `$${'.a'.repeat(MAX_NESTING)}`,
        line: 1,
        column: 5 * MAX_NESTING + 1,
        message: `expected at most ${MAX_NESTING} arrays and objects inside one another, found more`,
      },
    ]);
  });

  it('names every duplicate id and every unknown action, not just the first', async () => {
    const path = scenarioFile('twice-over', (d) => {
      d.members[3]!.id = d.members[0]!.id;
      d.events[2]!.id = d.events[0]!.id;
      d.actions[2] = 'shout';
      d.actions[3] = 'whisper';
    });
    const text = readFileSync(path, 'utf8');
    const { code, json } = await lintJson(path);
    expect(code).toBe(1);
    const problems = json.files[0]!.problems;
    expect(problems.map((p) => p.path)).toEqual(['$.actions[2]', '$.actions[3]', '$.members[3].id', '$.events[2].id']);
    expect(problems[1]).toMatchObject({ ...placeOf(text, '"whisper"'), message: expect.stringContaining('"whisper"') });
    const memberId = JSON.stringify(fresh().members[0]!.id);
    expect(problems[2]).toMatchObject({
      ...placeOf(text, `"id": ${memberId}`, 2, 6),
      message: `expected a unique member id, found ${memberId} again (first at index 0)`,
    });
  });

  it('names numbers out of range, as written', async () => {
    const text = ORIGINAL.replace('"id": "first-team"', '"id": "far-out"')
      .replace(/"turns": \d+/, '"turns": 123456789012345678901234567890')
      .replace(/"eventChance": \d+/, '"eventChance": -1');
    const path = write('far-out.json', text);
    const { json } = await lintJson(path);
    const problems = json.files[0]!.problems;
    expect(problems).toEqual([
      {
        path: '$.turns',
        ...placeOf(text, '"turns": ', 1, 9),
        message: 'expected a number ≤ 30, found the number 123456789012345678901234567890, too large to use',
      },
      {
        path: '$.eventChance',
        ...placeOf(text, '"eventChance": ', 1, 15),
        message: 'expected a number ≥ 0, found the integer -1',
      },
    ]);
  });

  it('places a file whose id does not match its name at the id', async () => {
    const path = write('wrong-name.json', ORIGINAL);
    const { json } = await lintJson(path);
    expect(json.files[0]!.problems).toEqual([
      {
        path: '$.id',
        ...placeOf(ORIGINAL, '"id": "first-team"', 1, 6),
        message: 'expected "wrong-name" to match the file name, found "first-team"',
      },
    ]);
  });

  it('keeps HTML in a scenario’s text as text, and quotes it as found where it breaks a rule', async () => {
    const markup = '<script>alert("x")</script><b onclick="go()">bold</b>';
    const fine = scenarioFile('markup', (d) => {
      d.title = markup;
      d.events[0]!.text = `${markup} & &amp;`;
    });
    const loaded = loadScenarioFile(fine).scenario;
    // The game shows scenario text as text, never as markup: it loads exactly as written.
    expect(loaded.title).toBe(markup);
    expect((await sim('lint', fine)).code).toBe(0);
    const broken = scenarioFile('markup-broken', (d) => {
      d.difficulty = '<img src=x onerror=alert(1)>';
      d.members[0]!.id = '<i>ana</i>';
    });
    const r = await sim('lint', broken);
    expect(r.code).toBe(1);
    const at = placeOf(readFileSync(broken, 'utf8'), '"difficulty": "<img', 1, '"difficulty": '.length);
    expect(r.out).toContain(
      `${shown(broken)}: $.difficulty (line ${at.line}, column ${at.column}): expected one of "easy", "medium", "hard", found the string "<img src=x onerror=alert(1)>"`,
    );
    expect(r.out.some((l) => l.includes('$.members[0].id') && l.includes('found the string "<i>ana</i>"'))).toBe(true);
    const { json } = await lintJson(broken);
    expect(json.files[0]!.problems.find((p) => p.path === '$.difficulty')!.message).toContain(
      '"<img src=x onerror=alert(1)>"',
    );
  });

  it('refuses a scenario file past 10 MB without reading it, in one line', async () => {
    const huge = scenarioFile('huge', (d) => {
      d.briefing = 'x'.repeat(MAX_SCENARIO_FILE_BYTES);
    });
    const r = await sim('lint', huge);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      `${shown(huge)}: is larger than 10 MB, the most a scenario file may be`,
      '1 problem in 1 of 1 file checked',
    ]);
  });

  it('checks a 5 MB file and a file of 10,000 events without failing', { timeout: 60_000 }, async () => {
    const big = scenarioFile('big-briefing', (d) => {
      d.briefing = 'x'.repeat(5 * 1024 * 1024);
    });
    const many = scenarioFile('crowded', (d) => {
      const first = d.events[0]!;
      d.events = Array.from({ length: 10_000 }, (_, i) => ({
        ...first,
        id: `e${i % 5_000}`,
        weight: i === 9_999 ? 0 : 1,
      }));
    });
    const manyText = readFileSync(many, 'utf8');
    const { code, json } = await lintJson(big, many);
    expect(code).toBe(1);
    expect(json.files[0]).toEqual({ file: shown(big), ok: true, problems: [] });
    const problems = json.files[1]!.problems;
    // Ids e0…e4999 appear twice: the second copy of each is named; event 9999 also has weight 0.
    expect(problems).toHaveLength(5_001);
    expect(problems.filter((p) => p.message.startsWith('expected a unique event id'))).toHaveLength(5_000);
    expect(problems.find((p) => p.path === '$.events[9999].weight')).toEqual({
      path: '$.events[9999].weight',
      ...placeOf(manyText, '"weight": 0', 1, 10),
      message: 'expected a number ≥ 1, found the integer 0',
    });
    expect(problems.find((p) => p.path === '$.events[5000].id')).toMatchObject(placeOf(manyText, '"id": "e0"', 2, 6));
  });
});

describe('lintScenarioText', () => {
  it('gives the same problems as loading, with their places, from text alone', () => {
    const data = fresh();
    data.id = 'dropped';
    data.members[1]!.skill = 'high';
    const text = JSON.stringify(data, null, 2);
    const r = lintScenarioText('dropped.json', text);
    expect(r.ok).toBe(false);
    const at = placeOf(text, '"skill": "high"', 1, '"skill": '.length);
    expect(r.problems).toEqual([
      {
        path: '$.members[1].skill',
        ...at,
        message: 'expected an integer, found the string "high"',
        text: `dropped.json: $.members[1].skill (line ${at.line}, column ${at.column}): expected an integer, found the string "high"`,
      },
    ]);
    const parsed = parseScenario(text, 'dropped.json');
    expect(parsed.ok ? [] : parsed.problems).toEqual(r.problems.map((p) => p.text));
  });

  it('returns the scenario when the text is valid, and checks the id against the file name unless told not to', () => {
    const r = lintScenarioText('uploads/first-team.json', ORIGINAL);
    expect(r.ok && r.scenario.id).toBe('first-team');
    expect(r.problems).toEqual([]);
    const renamed = lintScenarioText('first-team (1).json', ORIGINAL);
    expect(renamed.ok).toBe(false);
    expect(renamed.problems.map((p) => p.message)).toEqual([
      'expected "first-team (1)" to match the file name, found "first-team"',
    ]);
    expect(lintScenarioText('first-team (1).json', ORIGINAL, { expectedId: null }).ok).toBe(true);
    expect(idFromFileName('C:\\scenarios\\night-shift.json')).toBe('night-shift');
  });
});

describe('--scenario FILE', () => {
  const file = scenarioFile('night-shift');
  // Balance plays thousands of bundles a turn; a turn of 4 time keeps them to a few dozen.
  const quick = scenarioFile('night-shift-short', (d) => {
    d.timeBudget = 4;
  });

  async function playedCode(): Promise<string> {
    const j = onlyJson<{ scenario: string; replayCode: string; fingerprint: string }>(
      await sim('play', '--scenario', file, '--seed', '5', '--policy', 'balanced', '--json'),
    );
    expect(j.scenario).toBe('night-shift');
    return j.replayCode;
  }

  it('plays and batches a scenario file outside scenarios/', async () => {
    const played = await sim('play', '--scenario', file, '--seed', '5', '--policy', 'balanced');
    expect(played.code).toBe(0);
    expect(played.out[0]).toContain('(night-shift), seed "5"');
    const batch = onlyJson<{ scenario: string; runs: number; outcomes: Record<string, number> }>(
      await sim('batch', '--scenario', file, '--policy', 'random', '--runs', '4', '--json'),
    );
    expect(batch.scenario).toBe('night-shift');
    expect(Object.values(batch.outcomes).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('balances a scenario file outside scenarios/', { timeout: 120_000 }, async () => {
    const j = onlyJson<{ scenario: string; runs: number }>(
      await sim('balance', '--scenario', quick, '--runs', '1', '--json'),
    );
    expect(j).toMatchObject({ scenario: 'night-shift-short', runs: 1 });
  });

  it('verifies, replays and exports a run of that file given with --scenario', async () => {
    const code = await playedCode();
    const v = await sim('verify', code, '--scenario', file);
    expect(v.code).toBe(0);
    expect(v.out[0]).toMatch(/^valid: .* \(night-shift\), seed "5"$/);
    const vj = onlyJson<{ valid: boolean; scenario: string }>(await sim('verify', code, '--scenario', file, '--json'));
    expect(vj).toMatchObject({ valid: true, scenario: 'night-shift' });
    const story = await sim('replay', code, '--scenario', file);
    expect(story.code).toBe(0);
    expect(story.out[story.out.length - 1]).toMatch(/^fingerprint [0-9a-f]{16}$/);
    const csv = await sim('export', code, '--csv', '--scenario', file);
    expect(csv.code).toBe(0);
    expect(csv.out[0]!.split('\r\n')[0]).toBe('turn,actions,morale,execution,innovation,L,M,regime,events');
  });

  it('verifies a replay file of that scenario too', async () => {
    const out = join(dir, 'night.replay.json');
    expect((await sim('play', '--scenario', file, '--seed', '6', '--policy', 'random', '--out', out)).code).toBe(0);
    expect((await sim('verify', out, '--scenario', file)).code).toBe(0);
    const without = await sim('verify', out);
    expect(without.code).toBe(1);
    expect(without.err[0]).toContain('"night-shift"');
  });

  it('without --scenario, refuses the run naming the scenario it needs and how to supply it', async () => {
    const code = await playedCode();
    for (const command of ['verify', 'replay', 'export']) {
      const r = await sim(command, code, ...(command === 'export' ? ['--csv'] : []));
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err).toEqual([
        'invalid: This run is of a scenario called "night-shift", which this game does not have. ' +
          "To check it, give that scenario's file with --scenario FILE.",
      ]);
    }
    const j = await sim('verify', code, '--json');
    expect(j.code).toBe(1);
    const refusal = JSON.parse(j.out[0]!) as { valid: boolean; kind: string; reason: string };
    expect(refusal).toMatchObject({ valid: false, kind: 'unknown-scenario' });
    expect(refusal.reason).toContain('"night-shift"');
    expect(refusal.reason).toContain('--scenario FILE');
  });

  it('with another scenario’s file, names both', async () => {
    const code = await playedCode();
    const r = await sim('verify', code, '--scenario', quick);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain('"night-shift", which this game does not have');
    expect(r.err[0]).toContain('The file given with --scenario holds the scenario "night-shift-short".');
  });

  it('still verifies shipped scenarios with --scenario given', async () => {
    const j = onlyJson<{ replayCode: string }>(
      await sim('play', '--scenario', 'first-team', '--seed', '5', '--policy', 'balanced', '--json'),
    );
    expect((await sim('verify', j.replayCode, '--scenario', file)).code).toBe(0);
  });

  it('checks a run of an edited copy of a shipped scenario against the copy', async () => {
    const edited = join(dir, 'edited');
    mkdirSync(edited, { recursive: true });
    const data = fresh();
    data.eventChance = 0;
    const copy = join(edited, 'first-team.json');
    writeFileSync(copy, JSON.stringify(data, null, 2));
    const j = onlyJson<{ replayCode: string }>(
      await sim('play', '--scenario', copy, '--seed', '5', '--policy', 'balanced', '--json'),
    );
    const shipped = await sim('verify', j.replayCode);
    expect(shipped.code).toBe(1);
    expect(shipped.err[0]).toContain('has changed since this run was played');
    expect((await sim('verify', j.replayCode, '--scenario', copy)).code).toBe(0);
  });

  it('gives a broken file’s problems and exit 1, for every command', async () => {
    const broken = scenarioFile('broken-shift', (d) => {
      d.turns = 'eight';
    });
    const code = await playedCode();
    for (const args of [
      ['play', '--scenario', broken, '--seed', '1', '--policy', 'balanced'],
      ['batch', '--scenario', broken, '--policy', 'random', '--runs', '2'],
      ['balance', '--scenario', broken, '--runs', '1'],
      ['verify', code, '--scenario', broken],
      ['verify', code, '--scenario', broken, '--json'],
      ['replay', code, '--scenario', broken],
      ['export', code, '--csv', '--scenario', broken],
    ]) {
      const r = await sim(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err).toEqual([
        `${shown(broken)}: $.turns (${lineCol(broken)}): expected an integer, found the string "eight"`,
      ]);
    }
    const missing = await sim('verify', code, '--scenario', join(dir, 'absent.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual([`${shown(join(dir, 'absent.json'))}: no such file`]);
  });
});

function lineCol(path: string): string {
  const p = placeOf(readFileSync(path, 'utf8'), '"turns": "eight"', 1, 9);
  return `line ${p.line}, column ${p.column}`;
}
