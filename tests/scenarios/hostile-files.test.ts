/**
 * Scenario files built to break the loader: nesting thousands deep, numbers beyond what
 * JavaScript holds exactly, text full of terminal control characters. Each gets its own
 * messages (file, JSON path, line and column, expected, found), never an exception, and a
 * broken file in a folder leaves the other scenarios loadable.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAllScenarios, readScenarioDir, SCENARIO_DIR, ScenarioError } from '../../src/scenarios/files';
import { MAX_NESTING, parseScenario } from '../../src/scenarios/parse';

const FILE = 'scenarios/hostile.json';
const ORIGINAL = readFileSync(join(SCENARIO_DIR, 'first-team.json'), 'utf8');
const SHIPPED = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

function problemsOf(text: string): string[] {
  let r: ReturnType<typeof parseScenario> | undefined;
  expect(() => {
    r = parseScenario(text, FILE);
  }).not.toThrow();
  if (!r || r.ok) throw new Error('expected the scenario to be rejected, but it loaded');
  for (const p of r.problems) {
    expect(p.startsWith(`${FILE}: `), p).toBe(true);
    expect(p).not.toContain('\n');
    expect(p).not.toMatch(/call stack|RangeError|internal error/);
  }
  return r.problems;
}

/** `line L, column C` of a character offset, counted independently of the code under test. */
function lineColAt(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** The first-team file with its number of turns written as `literal`, and the problems it gets. */
function withTurns(literal: string): { text: string; problems: string[] } {
  const text = ORIGINAL.replace(/"turns": \d+/, `"turns": ${literal}`);
  expect(text).not.toBe(ORIGINAL);
  return { text, problems: problemsOf(text) };
}

describe('nesting', () => {
  it('refuses an array nested 20,000 deep with the path where it gets too deep', () => {
    const text = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    const path = `$${'[0]'.repeat(MAX_NESTING)}`;
    expect(problems[0]).toBe(
      `${FILE}: ${path} (${lineColAt(text, MAX_NESTING)}): expected at most ${MAX_NESTING} arrays and objects inside one another, found more`,
    );
  });

  it('refuses objects nested 20,000 deep, naming the keys on the way', () => {
    const text = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const [p, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(p).toContain(`${FILE}: $${'.a'.repeat(MAX_NESTING)} (line 1, column ${5 * MAX_NESTING + 1}): `);
  });

  it('finds the path inside a real scenario: deep nesting in one event condition', () => {
    const data = JSON.parse(ORIGINAL) as { events: { when: unknown[] }[] };
    const events = data.events;
    // Built as text: JSON.stringify itself recurses on a value this deep.
    events[1]!.when = ['DEEP'];
    const text = JSON.stringify(data, null, 2).replace('"DEEP"', `${'['.repeat(20_000)}0${']'.repeat(20_000)}`);
    const [p, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    // Each container open at that point adds one step to the path: the file's object (events),
    // the events array (1), the event (when), the when array (0), then the nested arrays (0 each).
    const inner = '[0]'.repeat(MAX_NESTING - 4);
    const at = text.indexOf('['.repeat(30)) + MAX_NESTING - 4;
    expect(p).toBe(
      `${FILE}: $.events[1].when[0]${inner} (${lineColAt(text, at)}): expected at most ${MAX_NESTING} arrays and objects inside one another, found more`,
    );
  });

  it('counts the path through earlier siblings and keys: the index and key where it gets too deep', () => {
    const inner = `${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}`;
    const text = `{"x": [1, 2, {"y": 3, "z key": ${inner}}]}`;
    const [p] = problemsOf(text);
    expect(p).toContain(`$.x[2]["z key"]${'[0]'.repeat(MAX_NESTING - 3)} (`);
  });

  it('refuses deep nesting even when the file is also cut off', () => {
    const [p] = problemsOf('['.repeat(20_000));
    expect(p).toContain(`expected at most ${MAX_NESTING}`);
  });

  it('stops at the limit exactly: one level less is read as JSON and checked as a scenario', () => {
    const atLimit = `${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}`;
    const [p] = problemsOf(atLimit);
    expect(p).not.toContain('inside one another');
    expect(p).toContain('expected an object');
    const over = `[${atLimit}]`;
    expect(problemsOf(over)[0]).toContain('inside one another');
  });

  it('ignores brackets inside strings', () => {
    const text = ORIGINAL.replace(/"title": "[^"]*"/, `"title": "${'[{'.repeat(10_000)}"`);
    expect(parseScenario(text, FILE).ok).toBe(true);
  });
});

describe('numbers beyond what JavaScript holds exactly', () => {
  it('gives a 30-digit number one line, quoting it as written', () => {
    const { text, problems } = withTurns('123456789012345678901234567890');
    expect(problems).toEqual([
      `${FILE}: $.turns (${lineColAt(text, text.indexOf('"turns": ') + 9)}): expected a number ≤ 30, found the number 123456789012345678901234567890, too large to use`,
    ]);
  });

  it('gives a huge negative number one line', () => {
    const { problems } = withTurns('-123456789012345678901234567890');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('expected a number ≥ 3, found the number -123456789012345678901234567890');
    expect(problems[0]).not.toContain('9007199254740991');
  });

  it('gives one line where a field has no range but the exact one', () => {
    const text = ORIGINAL.replace(/"minTurn": \d+/, '"minTurn": 99999999999999999999');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /\$\.events\[\d+\]\.minTurn .*: expected a whole number no larger than .*99999999999999999999/,
    );
  });

  it('does not compare a rounded number in cross-field checks (a second, contradictory line)', () => {
    const text = ORIGINAL.replace(/"turns": \d+/, '"turns": -123456789012345678901234567890');
    const problems = problemsOf(text);
    expect(problems.filter((p) => p.includes('e+29'))).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('quotes a number too large to be finite as written', () => {
    const { problems } = withTurns('1e400');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('found the number 1e400, too large to use');
  });

  it('shortens a number with thousands of digits', () => {
    const { problems } = withTurns('9'.repeat(5000));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.length).toBeLessThan(200);
  });

  it('still says "the integer" for ordinary numbers out of range', () => {
    const { problems } = withTurns('31');
    expect(problems.some((p) => p.includes('expected a number ≤ 30, found the integer 31'))).toBe(true);
  });
});

describe('a folder with broken files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'momentum-scenarios-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of SHIPPED) copyFileSync(join(SCENARIO_DIR, f), join(dir, f));
  writeFileSync(join(dir, 'deep.json'), `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
  writeFileSync(join(dir, 'huge.json'), ORIGINAL.replace(/"turns": \d+/, '"turns": 123456789012345678901234567890'));
  writeFileSync(join(dir, 'empty.json'), '');

  it('loads every good scenario and reports each broken file with its own problems', () => {
    const { scenarios, broken } = readScenarioDir(dir);
    expect(scenarios.map((s) => `${s.scenario.id}.json`)).toEqual([...SHIPPED].sort());
    expect(broken.map((b) => b.id)).toEqual(['deep', 'empty', 'huge']);
    for (const b of broken) {
      expect(b.problems.length).toBeGreaterThan(0);
      for (const p of b.problems) expect(p).toContain(`${b.id}.json: `);
    }
    expect(broken.find((b) => b.id === 'deep')!.problems[0]).toContain(`at most ${MAX_NESTING}`);
    expect(broken.find((b) => b.id === 'huge')!.problems).toHaveLength(1);
  });

  it('loadAllScenarios, which demands every file, lists all their problems in one error', () => {
    let error: unknown;
    try {
      loadAllScenarios(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const problems = (error as ScenarioError).problems;
    for (const id of ['deep', 'empty', 'huge']) expect(problems.some((p) => p.includes(`${id}.json: `))).toBe(true);
  });
});
