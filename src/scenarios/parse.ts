import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { Scenario } from '../engine';
import { jsonPlaces, nearestPlace, scanStructure, type Path } from './json-places';
import { crossCheck, scenarioSchema } from './schema';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** One problem found in a scenario file, with where it is. */
export interface ScenarioProblem {
  /** The JSON path of the value at fault (`$.events[3].id`), or null when the file is not read as JSON. */
  readonly path: string | null;
  /** 1-based line and column, or null when the problem has no place (an empty or unreadable file). */
  readonly line: number | null;
  readonly column: number | null;
  /** What was expected and what was found. */
  readonly message: string;
  /** The whole problem as one line: the file, the path with its line and column, and the message. */
  readonly text: string;
}

/** A scenario file checked: the scenario, or every problem found in it. */
export type ScenarioCheck = { ok: true; scenario: Scenario; problems: [] } | { ok: false; problems: ScenarioProblem[] };

type Place = { line: number; column: number };

/**
 * Arrays and objects inside one another, at most: a real scenario needs five. The JSON parser
 * that describes syntax errors recurses, so deeper text is refused before it runs.
 */
export const MAX_NESTING = 64;

/**
 * Parses and validates one scenario file. Every problem becomes one line naming the file,
 * the JSON path (with line and column), what was expected and what was found.
 */
export function parseScenario(input: string, file: string): ParseResult {
  const r = checkScenario(input, file);
  return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, problems: r.problems.map((p) => p.text) };
}

/** A problem at a JSON path, placed at a line and column when it has one. */
function atPath(file: string, path: Path, at: Place | null, message: string): ScenarioProblem {
  const where = jsonPath(path);
  const place = at ? ` (line ${at.line}, column ${at.column})` : '';
  return {
    path: where,
    line: at?.line ?? null,
    column: at?.column ?? null,
    message,
    text: `${file}: ${where}${place}: ${message}`,
  };
}

/**
 * parseScenario with each problem's path, line and column apart from its words. Every problem
 * the file's shape and its cross-field rules break is reported at once; text that is not JSON,
 * or nests too deep to read, gets one problem, since nothing after it can be placed.
 * `expectedId`, when given, is the id the file's name promises: a scenario that is otherwise
 * valid but carries another id is refused.
 */
export function checkScenario(input: string, file: string, expectedId?: string): ScenarioCheck {
  // Some editors start UTF-8 files with a byte-order mark; it is not content.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (!/\S/.test(text)) {
    const message = 'invalid JSON: the file is empty';
    return { ok: false, problems: [{ path: null, line: null, column: null, message, text: `${file}: ${message}` }] };
  }
  const lineColumn = placer(text);
  const { deep, duplicates } = scanStructure(text, MAX_NESTING);
  if (deep) {
    const at = lineColumn(deep.offset);
    const message = `expected at most ${MAX_NESTING} arrays and objects inside one another, found more`;
    return { ok: false, problems: [atPath(file, deep.path, at, message)] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [syntaxProblem(file, text, lineColumn, e)] };
  }
  const problems = duplicates.map((d) =>
    atPath(file, d.path, lineColumn(d.offset), `expected each key once, found ${JSON.stringify(d.key)} again`),
  );
  const result = scenarioSchema.safeParse(data, { reportInput: true });
  const issues = result.success ? [] : oneIssuePerNumber(result.error.issues);
  const crossed = crossCheck(data);
  const idMismatch = result.success && expectedId !== undefined && result.data.id !== expectedId;
  // The problems' paths are known now: their places are found in one more read of the text.
  const issuePath = (issue: z.core.$ZodIssue): Path => {
    const base = issue.path as Path;
    return issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...base, issue.keys[0]!] : base;
  };
  const wanted = [...issues.map(issuePath), ...crossed.map((c) => c.path), ...(idMismatch ? [['id']] : [])];
  const place = wanted.length > 0 ? jsonPlaces(text, wanted) : () => null;
  const locate = (path: Path, property = false): Place | null => {
    const found = nearestPlace(place, path);
    if (!found) return null;
    return lineColumn(property && found.keyOffset !== null ? found.keyOffset : found.offset);
  };
  for (const issue of issues) {
    const path = issuePath(issue);
    const exact = place(path);
    // A number JavaScript cannot hold exactly is quoted as written, not as it was rounded.
    const literal = exact?.number ? text.slice(exact.offset, exact.offset + exact.length) : undefined;
    problems.push(atPath(file, path, locate(path, path !== issue.path), describeIssue(issue, literal)));
  }
  for (const c of crossed) problems.push(atPath(file, c.path, locate(c.path), c.message));
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  const { $schema: _ignored, ...scenario } = result.data;
  if (idMismatch) {
    const message = `expected "${expectedId}" to match the file name, found "${scenario.id}"`;
    return { ok: false, problems: [atPath(file, ['id'], locate(['id']), message)] };
  }
  return { ok: true, scenario: scenario as Scenario, problems: [] };
}

/**
 * Text that JSON.parse refused, described where it goes wrong. JSON.parse is fast but says
 * little; jsonc-parser, run only now, names the place and the kind of mistake.
 */
function syntaxProblem(file: string, text: string, lineColumn: (offset: number) => Place, e: unknown): ScenarioProblem {
  let first: ParseError | undefined;
  // Only the first mistake is told, and no tree is built to find it.
  visit(
    text,
    {
      onError: (error, offset, length) => {
        first ??= { error, offset, length };
      },
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  const where = lineColumn(first?.offset ?? 0);
  const what = first ? describeSyntax(text, first) : String((e as Error).message);
  return {
    path: null,
    line: where.line,
    column: where.column,
    message: `invalid JSON: ${what}`,
    text: `${file}: invalid JSON at line ${where.line}, column ${where.column}: ${what}`,
  };
}

/** zod reports a huge integer twice (beyond the field's range and beyond exact integers): keep the first. */
function oneIssuePerNumber(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const exactLimit = (i: z.core.$ZodIssue): boolean =>
    (i.code === 'too_big' && Number(i.maximum) === Number.MAX_SAFE_INTEGER) ||
    (i.code === 'too_small' && Number(i.minimum) === Number.MIN_SAFE_INTEGER);
  const key = (i: z.core.$ZodIssue): string => JSON.stringify(i.path);
  const otherwise = new Set(issues.filter((i) => !exactLimit(i)).map(key));
  return issues.filter((i) => !exactLimit(i) || !otherwise.has(key(i)));
}

/** `$.events[2].when[0].var` style path. */
export function jsonPath(path: Path): string {
  let out = '$';
  for (const p of path)
    out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}

/**
 * Line and column (both from 1) of a character offset in the text. The starts of lines are
 * found once, so a file with thousands of problems is placed as quickly as one with a few.
 */
function placer(text: string): (offset: number) => Place {
  let starts: number[] | null = null;
  return (offset) => {
    if (starts === null) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  };
}

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'found a character that does not belong in JSON',
  InvalidNumberFormat: 'found a malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon after the property name',
  CommaExpected: 'expected a comma between items',
  CloseBraceExpected: 'expected a closing brace }',
  CloseBracketExpected: 'expected a closing bracket ]',
  EndOfFileExpected: 'expected the end of the file after the top-level value',
  InvalidCommentToken: 'found a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'found an unfinished comment',
  UnexpectedEndOfString: 'found a string that is never closed',
  UnexpectedEndOfNumber: 'found an unfinished number',
  InvalidUnicode: 'found a malformed unicode escape',
  InvalidEscapeCharacter: 'found an invalid escape character',
  InvalidCharacter: 'found an invalid character in a string',
};

function describeSyntax(text: string, error: ParseError): string {
  if (error.offset >= text.trimEnd().length) return 'the file ends too early (is it cut off?)';
  const code = printParseErrorCode(error.error);
  const before = text.slice(0, error.offset).trimEnd();
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && before.endsWith(',')) {
    return 'found a trailing comma, which JSON does not allow';
  }
  return SYNTAX[code] ?? code;
}

/**
 * A short description of a found value: its type, and the value itself when it is small. A
 * number's literal (as written in the file) is quoted instead when it lost precision in parsing.
 */
export function describeValue(v: unknown, literal?: string): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && literal !== undefined && !Number.isSafeInteger(v) && !isOrdinaryFraction(v)) {
    const shown = literal.length > 40 ? `${literal.slice(0, 40)}…` : literal;
    return `the number ${shown}, ${v < 0 ? 'too far below zero' : 'too large'} to use`;
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return 'a number too large to use';
    return Number.isInteger(v) ? `the integer ${v}` : `the number ${v}`;
  }
  return `${typeof v} ${String(v)}`;
}

/** A finite number with a fraction, small enough that JSON.parse kept what was written. */
function isOrdinaryFraction(v: number): boolean {
  return Number.isFinite(v) && !Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
}

/** One zod issue as "expected …, found …"; `literal` is the found number as written, if any. */
export function describeIssue(issue: z.core.$ZodIssue, literal?: string): string {
  const input = (issue as { input?: unknown }).input;
  const found = describeValue(input, literal);
  const exact = (n: unknown): boolean => Math.abs(Number(n)) === Number.MAX_SAFE_INTEGER;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `missing field: expected ${article(issue.expected)}`;
      return `expected ${article(issue.expected)}, found ${found}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((x) => JSON.stringify(x)).join(', ')}, found ${found}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} items, found ${found}`;
      if (issue.origin === 'string') return `expected a non-empty string, found ${found}`;
      if (exact(issue.minimum))
        return `expected a whole number no smaller than ${String(issue.minimum)}, found ${found}`;
      return `expected a number ≥ ${String(issue.minimum)}, found ${found}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${String(issue.maximum)} items, found ${found}`;
      if (exact(issue.maximum))
        return `expected a whole number no larger than ${String(issue.maximum)}, found ${found}`;
      return `expected a number ≤ ${String(issue.maximum)}, found ${found}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}: expected none besides the documented ones`;
    case 'invalid_format':
      return `expected ${issue.message}, found ${found}`;
    case 'invalid_union':
      return `expected ${issue.message.replace(/^Invalid input:? ?/i, '') || 'another value'}, found ${found}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    int: 'an integer',
    // Every number in a scenario is a whole number.
    number: 'an integer',
    object: 'an object',
    array: 'an array',
    string: 'a string',
    boolean: 'true or false',
  };
  return names[type] ?? type;
}
