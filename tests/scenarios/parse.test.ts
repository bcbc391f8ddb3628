import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/engine/catalogue';
import { STATS } from '../../src/engine/scenario-types';
import { VARIABLES } from '../../src/engine/variables';
import { loadAllScenarios, loadScenarioFile, SCENARIO_DIR, ScenarioError } from '../../src/scenarios/files';
import { schemaJson } from '../../src/scenarios/json-schema';
import { describeValue, jsonPath, parseScenario } from '../../src/scenarios/parse';
import { scenarioSchema } from '../../src/scenarios/schema';

const FILE = 'scenarios/broken.json';
const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED_DIR = join(ROOT, 'scenarios');
const SHIPPED_IDS = ['build-the-house', 'first-team', 'idea-factory', 'producers-to-leaders', 'stagnant-giant'];

/** The real first-team scenario, the base of every broken variant. */
const ORIGINAL = readFileSync(join(SHIPPED_DIR, 'first-team.json'), 'utf8');

type Path = (string | number)[];
type Node = Record<string | number, unknown>;
const DELETE = Symbol('delete');

function fresh(): Node {
  return JSON.parse(ORIGINAL) as Node;
}

function get(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Node)[key];
  return node;
}

/** The first-team file with some values replaced (or deleted), re-serialised the way people write JSON. */
function variant(...edits: [Path, unknown][]): string {
  const data = fresh();
  for (const [path, value] of edits) {
    const parent = get(data, path.slice(0, -1)) as Node;
    const last = path[path.length - 1]!;
    if (value === DELETE) delete parent[last];
    else parent[last] = value;
  }
  return JSON.stringify(data, null, 2);
}

/** `line L, column C` of a character offset, counted independently of the code under test. */
function lineColAt(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** `line L, column C` of the nth occurrence of needle in text, moved on by skip characters. */
function lineCol(text: string, needle: string, nth = 1, skip = 0): string {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`test setup: ${JSON.stringify(needle)} occurs fewer than ${nth} times`);
  }
  return lineColAt(text, i + skip);
}

/** Where the value of `"key": value` starts (the nth such pair). */
function valueAt(text: string, key: string, value: unknown, nth = 1): string {
  const prefix = `"${key}": `;
  return lineCol(text, `${prefix}${JSON.stringify(value)}`, nth, prefix.length);
}

function problemsOf(text: string, file = FILE): string[] {
  const r = parseScenario(text, file);
  if (r.ok) throw new Error('expected the scenario to be rejected, but it loaded');
  return r.problems;
}

/** Exactly one problem, naming the file, the JSON path with its place, what was expected and what was found. */
function expectOneProblem(text: string, path: string, at: string, ...says: (string | RegExp)[]): string {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  const p = problems[0]!;
  expect(p).not.toContain('\n');
  expect(p.startsWith(`${FILE}: ${path} (${at}): `), p).toBe(true);
  for (const s of says) {
    if (typeof s === 'string') expect(p).toContain(s);
    else expect(p).toMatch(s);
  }
  return p;
}

function expectSyntaxError(text: string, at: string, ...says: (string | RegExp)[]): string {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  const p = problems[0]!;
  expect(p.startsWith(`${FILE}: invalid JSON at ${at}: `), p).toBe(true);
  for (const s of says) {
    if (typeof s === 'string') expect(p).toContain(s);
    else expect(p).toMatch(s);
  }
  return p;
}

const firstTeam = fresh();
const memberIds = (firstTeam.members as { id: string }[]).map((m) => m.id);
const eventIds = (firstTeam.events as { id: string }[]).map((e) => e.id);
const shifts = firstTeam.shifts as { id: string; from?: number; by?: number; settledBy?: string[] }[];
const endings = firstTeam.endings as { id: string; outcome: string; early?: boolean; when?: unknown[] }[];

/** Edits that take every shift's `from` and `by` out, for variants that change the number of turns. */
/** An ending with conditions: changing them leaves every outcome its catch-all. */
const special = endings.findIndex((e) => e.when !== undefined);

function shiftTurnsRemoved(): [Path, unknown][] {
  return shifts.flatMap((x, i) => [
    [['shifts', i, 'from'], DELETE] as [Path, unknown],
    [['shifts', i, 'by'], DELETE] as [Path, unknown],
  ]);
}

describe('parseScenario: the base file', () => {
  it('accepts first-team as it is and as re-serialised', () => {
    const r = parseScenario(ORIGINAL, FILE);
    expect(r.ok).toBe(true);
    expect(parseScenario(variant(), FILE).ok).toBe(true);
  });

  it('drops $schema from the loaded scenario', () => {
    const r = parseScenario(variant([['$schema'], './scenario.schema.json']), FILE);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.scenario).not.toHaveProperty('$schema');
    expect(r.scenario.id).toBe('first-team');
  });

  it('has the shape the broken variants rely on', () => {
    expect(memberIds.length).toBeGreaterThanOrEqual(4);
    expect(eventIds.length).toBeGreaterThanOrEqual(3);
    expect((firstTeam.actions as string[]).length).toBeGreaterThanOrEqual(4);
    expect(shifts.length).toBeGreaterThanOrEqual(1);
    expect(shifts[0]!.settledBy?.length).toBeGreaterThanOrEqual(1);
    expect(endings.length).toBeGreaterThan(4);
    expect(special).toBeGreaterThanOrEqual(0);
  });
});

describe('parseScenario: missing fields', () => {
  it('reports a missing top-level field at the enclosing object', () => {
    expectOneProblem(variant([['title'], DELETE]), '$.title', 'line 1, column 1', 'missing', 'expected a string');
  });

  it('reports a missing field inside a member at that member', () => {
    const text = variant([['members', 1, 'role'], DELETE]);
    const at = lineCol(text, `{\n      "id": ${JSON.stringify(memberIds[1])}`);
    expectOneProblem(text, '$.members[1].role', at, 'missing', 'expected a string');
  });

  it('reports a missing starting variable', () => {
    const text = variant([['start', 'budget'], DELETE]);
    expectOneProblem(text, '$.start.budget', lineCol(text, '"start": {', 1, '"start": '.length), 'missing', 'integer');
  });

  it('reports a missing list of event conditions', () => {
    const text = variant([['events', 0, 'when'], DELETE]);
    const at = lineCol(text, `{\n      "id": ${JSON.stringify(eventIds[0])}`);
    expectOneProblem(text, '$.events[0].when', at, 'missing', 'expected an array');
  });
});

describe('parseScenario: wrong types', () => {
  it('names a string where a number belongs', () => {
    const text = variant([['turns'], '8']);
    expectOneProblem(
      text,
      '$.turns',
      valueAt(text, 'turns', '8'),
      /expected (a number|an integer)/,
      'found the string "8"',
    );
  });

  it('names a fraction where an integer belongs', () => {
    const text = variant([['turns'], 8.5]);
    expectOneProblem(text, '$.turns', valueAt(text, 'turns', 8.5), 'expected an integer', 'found the number 8.5');
  });

  it('names an object where an array belongs', () => {
    const text = variant([['members'], {}]);
    expectOneProblem(text, '$.members', valueAt(text, 'members', {}), 'expected an array', 'found an object');
  });

  it('names a string where true or false belongs', () => {
    const text = variant([['events', 0, 'once'], 'yes']);
    expectOneProblem(text, '$.events[0].once', valueAt(text, 'once', 'yes'), 'expected true or false', '"yes"');
  });

  it('names null and booleans', () => {
    const t1 = variant([['title'], null]);
    expectOneProblem(t1, '$.title', valueAt(t1, 'title', null), 'expected a string', 'found null');
    const t2 = variant([['turns'], true]);
    expectOneProblem(t2, '$.turns', valueAt(t2, 'turns', true), /expected (a number|an integer)/, 'true');
  });

  it('rejects a top-level array, string or null', () => {
    for (const text of ['[]', '"hi"', 'null']) {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^scenarios\/broken\.json: \$ \(line 1, column 1\): expected an object, found /);
    }
  });

  it('names an unknown enum value and lists the valid ones', () => {
    const text = variant([['difficulty'], 'insane']);
    expectOneProblem(
      text,
      '$.difficulty',
      valueAt(text, 'difficulty', 'insane'),
      'expected one of "easy", "medium", "hard"',
      'found the string "insane"',
    );
  });

  it('names a malformed id', () => {
    const text = variant([['id'], 'First Team']);
    expectOneProblem(text, '$.id', valueAt(text, 'id', 'First Team'), 'expected a lowercase id', '"First Team"');
  });

  it('names an empty string where text is required', () => {
    const text = variant([['title'], '']);
    expectOneProblem(text, '$.title', valueAt(text, 'title', ''), 'expected a non-empty string', 'found the string ""');
  });

  it('shortens a long found value', () => {
    const text = variant([['difficulty'], 'x'.repeat(100)]);
    const p = expectOneProblem(text, '$.difficulty', valueAt(text, 'difficulty', 'x'.repeat(100)), 'expected one of');
    expect(p).toContain(`"${'x'.repeat(40)}…"`);
    expect(p).not.toContain('x'.repeat(41));
  });
});

describe('parseScenario: unknown ids and duplicates', () => {
  it('names an unknown action id and lists the known ones', () => {
    const text = variant([['actions', 2], 'shout']);
    const p = expectOneProblem(text, '$.actions[2]', lineCol(text, '"shout"'), 'expected a known action id', '"shout"');
    for (const id of ACTION_IDS) expect(p).toContain(id);
  });

  it('names a duplicate action id', () => {
    const actions = firstTeam.actions as string[];
    const text = variant([['actions', 3], actions[0]]);
    expectOneProblem(
      text,
      '$.actions[3]',
      lineCol(text, JSON.stringify(actions[0]), 2),
      'expected a unique action id',
      `found ${JSON.stringify(actions[0])} again (first at index 0)`,
    );
  });

  it('names a duplicate member id at the second copy', () => {
    const text = variant([['members', 3, 'id'], memberIds[0]]);
    expectOneProblem(
      text,
      '$.members[3].id',
      valueAt(text, 'id', memberIds[0], 2),
      'expected a unique member id',
      `found ${JSON.stringify(memberIds[0])} again (first at index 0)`,
    );
  });

  it('names a duplicate event id at the second copy', () => {
    const text = variant([['events', 2, 'id'], eventIds[0]]);
    expectOneProblem(
      text,
      '$.events[2].id',
      valueAt(text, 'id', eventIds[0], 2),
      'expected a unique event id',
      `found ${JSON.stringify(eventIds[0])} again (first at index 0)`,
    );
  });

  it('names an event condition on an unknown variable and lists the variables', () => {
    const text = variant([['events', 2, 'when'], [{ var: 'happiness', atLeast: 10 }]]);
    const p = expectOneProblem(
      text,
      '$.events[2].when[0].var',
      valueAt(text, 'var', 'happiness'),
      'expected one of',
      'found the string "happiness"',
    );
    for (const v of VARIABLES) expect(p).toContain(`"${v}"`);
  });

  it('names an event effect on an unknown variable', () => {
    const text = variant([['events', 0, 'effects', 0, 'var'], 'happiness']);
    expectOneProblem(
      text,
      '$.events[0].effects[0].var',
      valueAt(text, 'var', 'happiness'),
      'expected one of',
      '"happiness"',
    );
  });

  it('names an unknown trait and an unknown member pick', () => {
    const t1 = variant([['members', 0, 'traits'], ['lazy']]);
    expectOneProblem(t1, '$.members[0].traits[0]', lineCol(t1, '"lazy"'), 'expected one of', '"ambitious"', '"lazy"');
    const t2 = variant([['events', 0, 'member'], { pick: 'tallest' }]);
    expectOneProblem(t2, '$.events[0].member.pick', valueAt(t2, 'pick', 'tallest'), '"lowest-morale"', '"tallest"');
  });

  it('names a condition whose range is empty', () => {
    const text = variant([['events', 0, 'when'], [{ var: 'morale', atLeast: 60, atMost: 40 }]]);
    expectOneProblem(
      text,
      '$.events[0].when[0]',
      lineCol(text, '{\n          "var": "morale"'),
      'expected atLeast ≤ atMost',
      'found atLeast 60 and atMost 40',
    );
  });
});

describe('parseScenario: unknown fields and ranges', () => {
  it('names an unknown top-level field', () => {
    const text = variant([['colour'], 'blue']);
    expectOneProblem(text, '$.colour', lineCol(text, '"colour"'), 'unknown field "colour"', 'expected none');
  });

  it('names an unknown field inside a member', () => {
    const text = variant([['members', 0, 'age'], 30]);
    expectOneProblem(text, '$.members[0].age', lineCol(text, '"age"'), 'unknown field "age"', 'expected none');
  });

  it('names every unknown field of one object', () => {
    const p = expectOneProblem(variant([['a'], 1], [['b'], 2]), '$', 'line 1, column 1', 'unknown fields');
    expect(p).toContain('"a"');
    expect(p).toContain('"b"');
  });

  it('names a number above its range', () => {
    const text = variant([['members', 0, 'skill'], 150]);
    expectOneProblem(
      text,
      '$.members[0].skill',
      valueAt(text, 'skill', 150),
      'expected a number ≤ 100',
      'found the integer 150',
    );
  });

  it('names a number below its range', () => {
    // Shifts are placed on turns, so they go too: only the turns themselves are at fault.
    const t1 = variant([['turns'], 2], ...shiftTurnsRemoved());
    expectOneProblem(t1, '$.turns', valueAt(t1, 'turns', 2), 'expected a number ≥ 3', 'found the integer 2');
    const t2 = variant([['start', 'morale'], -5]);
    expectOneProblem(t2, '$.start.morale', valueAt(t2, 'morale', -5), 'expected a number ≥ 0', 'found the integer -5');
  });

  it('names a number too large to be finite', () => {
    const text = variant().replace(/"turns": \d+/, '"turns": 1e400');
    expectOneProblem(text, '$.turns', lineCol(text, '"turns": 1e400', 1, 9), 'too large');
  });

  it('names too few and too many members', () => {
    const members = firstTeam.members as Node[];
    const three = variant([['members'], members.slice(0, 3)]);
    expectOneProblem(three, '$.members', lineCol(three, '"members": ', 1, 11), 'at least 4 items', 'an array of 3');
    const nine = Array.from({ length: 9 }, (_, i) => ({ ...members[0], id: `m${i}` }));
    const many = variant([['members'], nine]);
    expectOneProblem(many, '$.members', lineCol(many, '"members": ', 1, 11), 'at most 8 items', 'an array of 9');
  });
});

describe('parseScenario: shifts, conditions and endings', () => {
  it('names a condition with both "var" and "stat"', () => {
    const text = variant([['events', 0, 'when'], [{ var: 'morale', stat: 'members-lost', atLeast: 1 }]]);
    expectOneProblem(
      text,
      '$.events[0].when[0]',
      lineCol(text, '{\n          "var": "morale"'),
      'expected exactly one of "var" and "stat"',
      'found both',
    );
  });

  it('names a condition with neither "var" nor "stat"', () => {
    const text = variant([['endings', special, 'when'], [{ atLeast: 1 }]]);
    expectOneProblem(
      text,
      `$.endings[${special}].when[0]`,
      lineCol(text, '{\n          "atLeast": 1'),
      'expected exactly one of "var" and "stat"',
      'found neither',
    );
  });

  it('names an unknown stat and lists the known ones', () => {
    const text = variant([['endings', special, 'when'], [{ stat: 'happiness', atLeast: 1 }]]);
    const p = expectOneProblem(
      text,
      `$.endings[${special}].when[0].stat`,
      valueAt(text, 'stat', 'happiness'),
      'expected one of',
      '"happiness"',
    );
    for (const stat of STATS) expect(p).toContain(`"${stat}"`);
  });

  it('names an unknown action id in a shift’s settledBy and lists the known ones', () => {
    const answers = [...(shifts[0]!.settledBy ?? []), 'shout'];
    const text = variant([['shifts', 0, 'settledBy'], answers]);
    const p = expectOneProblem(
      text,
      `$.shifts[0].settledBy[${answers.length - 1}]`,
      lineCol(text, '"shout"'),
      'expected a known action id',
      'found "shout"',
    );
    for (const id of ACTION_IDS) expect(p).toContain(id);
  });

  it('names an action in a shift’s settledBy that the scenario does not offer', () => {
    const offered = firstTeam.actions as string[];
    const answers = shifts[0]!.settledBy ?? [];
    // A catalogue action taken out of this scenario's offer, then named as an answer.
    const missing = offered.find((a) => !answers.includes(a))!;
    const text = variant(
      [['actions'], offered.filter((a) => a !== missing)],
      [
        ['shifts', 0, 'settledBy'],
        [...answers, missing],
      ],
    );
    expectOneProblem(
      text,
      `$.shifts[0].settledBy[${answers.length}]`,
      lineCol(text, `"${missing}"`),
      'expected an action this scenario offers',
      `found "${missing}", which it does not offer`,
    );
  });

  it('names a shift `by` past the scenario’s turns', () => {
    const turns = firstTeam.turns as number;
    const by = turns + 1;
    const text = variant([['shifts', 0, 'by'], by]);
    expectOneProblem(
      text,
      '$.shifts[0].by',
      valueAt(text, 'by', by),
      `expected a turn from 1 to ${turns} (the scenario's turns)`,
      `found ${by}`,
    );
  });

  it('names a shift `from` past the scenario’s turns', () => {
    const turns = firstTeam.turns as number;
    const text = variant([['shifts', 0, 'from'], turns + 2], [['shifts', 0, 'by'], DELETE]);
    expectOneProblem(text, '$.shifts[0].from', valueAt(text, 'from', turns + 2), `expected a turn from 1 to ${turns}`);
  });

  it('names a shift whose `by` comes before its `from`', () => {
    const text = variant([['shifts', 0, 'from'], 4], [['shifts', 0, 'by'], 3]);
    expectOneProblem(text, '$.shifts[0].by', valueAt(text, 'by', 3), 'expected by ≥ from', 'found from 4 and by 3');
  });

  it('names a duplicate shift id and a duplicate ending id at the second copy', () => {
    const extra = { ...shifts[0]!, title: 'Again', text: 'Again.' };
    const t1 = variant([['shifts', shifts.length], extra]);
    expectOneProblem(
      t1,
      `$.shifts[${shifts.length}].id`,
      valueAt(t1, 'id', shifts[0]!.id, 2),
      'expected a unique shift id',
      `found ${JSON.stringify(shifts[0]!.id)} again (first at index 0)`,
    );
    const catchAll = endings.findIndex((e) => e.outcome === endings[special]!.outcome && e.when === undefined);
    const t2 = variant([['endings', special, 'id'], endings[catchAll]!.id]);
    const p = problemsOf(t2);
    expect(p).toHaveLength(1);
    const [first, second] = special < catchAll ? [special, catchAll] : [catchAll, special];
    expect(p[0]).toContain(`$.endings[${second}].id`);
    expect(p[0]).toContain(
      `unique ending id, found ${JSON.stringify(endings[catchAll]!.id)} again (first at index ${first})`,
    );
  });

  it('names a missing catch-all ending for an outcome, once, at the endings list', () => {
    const drop = endings.findIndex((e) => e.outcome === 'chaos' && e.when === undefined && e.early === undefined);
    expect(drop).toBeGreaterThanOrEqual(0);
    const kept = endings.filter((_, i) => i !== drop);
    const text = variant([['endings'], kept]);
    expectOneProblem(
      text,
      '$.endings',
      lineCol(text, '"endings": ', 1, '"endings": '.length),
      'expected an ending for outcome "chaos" with no "when" and no "early"',
      'found none',
    );
  });

  it('does not count an ending with conditions or an early flag as a catch-all', () => {
    const i = endings.findIndex((e) => e.outcome === 'drift' && e.when === undefined && e.early === undefined);
    const t1 = variant([['endings', i, 'early'], false]);
    expectOneProblem(t1, '$.endings', lineCol(t1, '"endings": ', 1, '"endings": '.length), 'outcome "drift"');
    const t2 = variant([['endings', i, 'when'], [{ var: 'morale', atLeast: 1 }]]);
    expectOneProblem(t2, '$.endings', lineCol(t2, '"endings": ', 1, '"endings": '.length), 'outcome "drift"');
  });

  it('requires at least one shift', () => {
    const text = variant([['shifts'], []]);
    expectOneProblem(text, '$.shifts', valueAt(text, 'shifts', []), 'expected at least 1 items', 'an array of 0');
  });

  it('names the old endings shape: an object keyed by outcome', () => {
    const text = variant([['endings'], { momentum: 'M', chaos: 'C', stagnation: 'S', drift: 'D' }]);
    expectOneProblem(
      text,
      '$.endings',
      lineCol(text, '"endings": ', 1, '"endings": '.length),
      'expected an array',
      'found an object',
    );
  });

  it('names an unknown field in a shift', () => {
    const text = variant([['shifts', 0, 'weight'], 77]);
    expectOneProblem(text, '$.shifts[0].weight', lineCol(text, '"weight": 77'), 'unknown field "weight"');
  });
});

describe('parseScenario: several problems', () => {
  it('gives one message per problem, each naming the file and its path', () => {
    const text = variant(
      [['title'], DELETE],
      [['turns'], 99],
      [['members', 0, 'skill'], 101],
      [['members', 2, 'morale'], -1],
      [['events', 0, 'when'], [{ var: 'happiness' }]],
      [['extra'], 1],
    );
    const problems = problemsOf(text);
    expect(problems).toHaveLength(6);
    for (const p of problems) {
      expect(p.startsWith(`${FILE}: $`)).toBe(true);
      expect(p).not.toContain('\n');
      expect(p).toMatch(/\(line \d+, column \d+\): /);
    }
    const paths = problems.map((p) => p.slice(FILE.length + 2).split(' ')[0]);
    expect(paths.sort()).toEqual(
      ['$', '$.events[0].when[0].var', '$.extra', '$.members[0].skill', '$.members[2].morale', '$.title', '$.turns']
        .filter((x) => x !== '$')
        .sort(),
    );
  });

  it('reports every cross-field problem together', () => {
    const text = variant(
      [['actions', 0], 'nope'],
      [['members', 1, 'id'], memberIds[0]],
      [['events', 1, 'id'], eventIds[0]],
    );
    const problems = problemsOf(text);
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.includes('$.actions[0] '))).toContain('"nope"');
    expect(problems.find((p) => p.includes('$.members[1].id '))).toContain('unique member id');
    expect(problems.find((p) => p.includes('$.events[1].id '))).toContain('unique event id');
  });

  // Known bug (reported): the cross-field checks run in a superRefine, which zod skips when the
  // shape already failed, so fixing a missing field reveals a second round of problems.
  it('reports shape problems and cross-field problems in the same pass', () => {
    const text = variant(
      [['title'], DELETE],
      [['actions', 0], 'nope'],
      [['members', 1, 'id'], memberIds[0]],
      [['events', 1, 'id'], eventIds[0]],
    );
    const problems = problemsOf(text);
    const paths = problems.map((p) => p.slice(FILE.length + 2).split(' ')[0]);
    expect(paths.sort()).toEqual(['$.actions[0]', '$.events[1].id', '$.members[1].id', '$.title']);
  });
});

describe('parseScenario: invalid JSON', () => {
  it('names the line and column of a missing comma', () => {
    expectSyntaxError('{\n  "id": "x"\n  "title": "y"\n}\n', 'line 3, column 3', 'expected a comma');
  });

  it('names the line after a missing comma in a real file', () => {
    const text = variant();
    const lines = text.split('\n');
    const idLine = lines.findIndex((l) => l.startsWith('  "id": ')) + 1;
    expect(lines[idLine - 1]).toMatch(/,$/);
    lines[idLine - 1] = lines[idLine - 1]!.slice(0, -1);
    expectSyntaxError(lines.join('\n'), `line ${idLine + 1}, column 3`, 'expected a comma');
  });

  it('names the place of a trailing comma', () => {
    expectSyntaxError('{\n  "id": "x",\n}\n', 'line 3, column 1', 'trailing comma');
    expectSyntaxError('{\n  "actions": ["a", "b",]\n}\n', 'line 2, column 24', 'trailing comma');
    const text = variant().replace(/("budget": \d+)\n/, '$1,\n');
    // The parser notices at the brace that closes "start", just after the stray comma.
    expectSyntaxError(text, lineColAt(text, text.indexOf('}', text.indexOf('"budget": '))), 'trailing comma');
  });

  it('names the start of an unterminated string', () => {
    expectSyntaxError('{\n  "id": "x",\n  "title": "never closed\n}\n', 'line 3, column 12', 'never closed');
    expectSyntaxError('{\n  "id": "x",\n  "title": "never closed', 'line 3, column 12', 'never closed');
  });

  it('says an empty or blank file is empty', () => {
    for (const text of ['', '  \n  ', '\uFEFF']) {
      expect(problemsOf(text)).toEqual([`${FILE}: invalid JSON: the file is empty`]);
    }
  });

  it('accepts a byte-order mark before the JSON', () => {
    expect(parseScenario(`\uFEFF${variant()}`, FILE).ok).toBe(true);
  });

  it('names a key given twice, which JSON.parse would silently overwrite', () => {
    const text = variant().replace('"turns": ', '"turns": 8,\n  "turns": ');
    expectOneProblem(text, '$.turns', lineCol(text, '"turns"', 2), 'expected each key once');
  });

  it('says when the file ends too early', () => {
    const full = variant();
    const cut = full.slice(0, full.indexOf('"members"')).trimEnd();
    expectSyntaxError(cut, lineColAt(cut, cut.length), 'ends too early');
  });

  it('names comments, single quotes, bare words and trailing content', () => {
    expectSyntaxError('{\n  "id": "x", // note\n}\n', 'line 2, column 14', 'comment');
    expectSyntaxError("{\n  'id': 'x'\n}\n", 'line 2, column 3', 'does not belong in JSON');
    expectSyntaxError('{\n  "turns": NaN\n}', 'line 2, column 12', 'does not belong in JSON');
    expectSyntaxError('{}\n{}\n', 'line 2, column 1', 'end of the file');
  });

  it('counts lines the same with Windows line endings', () => {
    expectSyntaxError('{\r\n  "id": "x"\r\n  "title": "y"\r\n}\r\n', 'line 3, column 3', 'expected a comma');
  });

  it('gives one message, even for a file with several syntax errors', () => {
    const problems = problemsOf('{\n  "id": "x"\n  "title": "y",\n}\n');
    expect(problems).toHaveLength(1);
  });
});

describe('jsonPath and describeValue', () => {
  it('writes paths in $.a[0].b style', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['events', 2, 'when', 0, 'var'])).toBe('$.events[2].when[0].var');
    expect(jsonPath(['$schema'])).toBe('$.$schema');
    expect(jsonPath(['a b', 1])).toBe('$["a b"][1]');
  });

  it('describes found values by type and value', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2])).toBe('an array of 2');
    expect(describeValue({})).toBe('an object');
    expect(describeValue('x')).toBe('the string "x"');
    expect(describeValue(3)).toBe('the integer 3');
    expect(describeValue(3.5)).toBe('the number 3.5');
    expect(describeValue(false)).toBe('boolean false');
  });
});

describe('the shipped scenarios', () => {
  const files = readdirSync(SHIPPED_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

  it('are the five expected files, in the directory the game loads from', () => {
    expect(files.map((f) => basename(f, '.json')).sort()).toEqual(SHIPPED_IDS);
    expect(SCENARIO_DIR).toBe(SHIPPED_DIR);
  });

  it.each(SHIPPED_IDS)('%s loads without problems and fits the game', (id) => {
    const path = join(SHIPPED_DIR, `${id}.json`);
    const r = parseScenario(readFileSync(path, 'utf8'), `scenarios/${id}.json`);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const s = r.scenario;
    expect(s.id).toBe(id);
    expect(s.members.length).toBeGreaterThanOrEqual(4);
    expect(s.members.length).toBeLessThanOrEqual(8);
    expect(s.briefing.trim().length).toBeGreaterThan(0);
    expect(s.events.length).toBeGreaterThanOrEqual(3);
    expect(loadScenarioFile(path).scenario).toEqual(s);
  });

  it('all load through loadAllScenarios, sorted by id', () => {
    const all = loadAllScenarios();
    expect(all.map((l) => l.scenario.id)).toEqual(SHIPPED_IDS);
    for (const l of all) expect(basename(l.file)).toBe(`${l.scenario.id}.json`);
  });
});

describe('scenario files on disk', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'momentum-scenarios-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses a file whose id does not match its name', () => {
    const path = join(tmp, 'other-name.json');
    writeFileSync(path, ORIGINAL);
    let error: unknown;
    try {
      loadScenarioFile(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const problems = (error as ScenarioError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/other-name\.json: \$\.id\b/);
    expect(problems[0]).toContain('expected "other-name"');
    expect(problems[0]).toContain('file name');
    expect(problems[0]).toContain('found "first-team"');
  });

  it('names a file that cannot be read', () => {
    expect(() => loadScenarioFile(join(tmp, 'no-such-file.json'))).toThrow(/no-such-file\.json: no such file$/);
    expect(() => loadScenarioFile(tmp)).toThrow(/: is a folder, not a file$/);
  });

  it('loadAllScenarios names the one broken file among good ones', () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'first-team.json'), ORIGINAL);
    writeFileSync(join(dir, 'broken.json'), variant([['id'], 'broken'], [['title'], DELETE], [['turns'], 99]));
    writeFileSync(join(dir, 'scenario.schema.json'), '{ "not": "a scenario" }');
    writeFileSync(join(dir, 'notes.txt'), 'not json at all');
    let error: unknown;
    try {
      loadAllScenarios(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const problems = (error as ScenarioError).problems;
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p).toMatch(/broken\.json: \$\.(title|turns) \(line \d+, column \d+\): .*expected/);
    expect(problems.join('\n')).not.toContain('first-team');
    expect((error as ScenarioError).message).toBe(problems.join('\n'));
  });

  it('loadAllScenarios loads a directory of good files', () => {
    const dir = join(tmp, 'good');
    mkdirSync(dir);
    writeFileSync(join(dir, 'first-team.json'), ORIGINAL);
    writeFileSync(join(dir, 'second-team.json'), variant([['id'], 'second-team']));
    expect(loadAllScenarios(dir).map((l) => l.scenario.id)).toEqual(['first-team', 'second-team']);
  });
});

describe('scenario.schema.json', () => {
  it('is exactly what src/cli/write-schema.ts writes', () => {
    const committed = readFileSync(join(SHIPPED_DIR, 'scenario.schema.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(schemaJson());
    expect(committed).toBe(`${JSON.stringify(schemaJson(), null, 2)}\n`);
  });

  it('describes every top-level field of the validator', () => {
    const schema = schemaJson() as { properties: Record<string, unknown>; additionalProperties?: unknown };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(scenarioSchema.shape).sort());
    expect(schema.additionalProperties).toBe(false);
  });
});
