import {
  createScanner,
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import type { z } from 'zod';
import type { Scenario } from '../engine';
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

type Path = (string | number)[];
type Place = { line: number; column: number };

/**
 * Arrays and objects inside one another, at most: a real scenario needs five. The JSON parser
 * and every walk over its tree recurse, so deeper text is refused before any of them runs.
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
  if (text.trim() === '') {
    const message = 'invalid JSON: the file is empty';
    return { ok: false, problems: [{ path: null, line: null, column: null, message, text: `${file}: ${message}` }] };
  }
  const lineColumn = placer(text);
  const deep = tooDeep(text);
  if (deep) {
    const at = lineColumn(deep.offset);
    const message = `expected at most ${MAX_NESTING} arrays and objects inside one another, found more`;
    return { ok: false, problems: [atPath(file, deep.path, at, message)] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || tree === undefined) {
    const first = errors[0]!;
    const where = lineColumn(first.offset);
    const what = describeSyntax(text, first);
    return {
      ok: false,
      problems: [
        {
          path: null,
          line: where.line,
          column: where.column,
          message: `invalid JSON: ${what}`,
          text: `${file}: invalid JSON at line ${where.line}, column ${where.column}: ${what}`,
        },
      ],
    };
  }
  const locate = (path: Path, property = false): Place | null => {
    const node = findNodeAtLocation(tree, path) ?? nearest(tree, path);
    const target = property && node?.parent?.type === 'property' ? node.parent : node;
    return target ? lineColumn(target.offset) : null;
  };
  const problems = duplicateKeys(tree).map((d) =>
    atPath(file, d.path, lineColumn(d.offset), `expected each key once, found ${JSON.stringify(d.key)} again`),
  );
  const data: unknown = JSON.parse(text);
  const result = scenarioSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const issue of oneIssuePerNumber(result.error.issues)) {
      const base = issue.path as Path;
      const path = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...base, issue.keys[0]!] : base;
      const node = findNodeAtLocation(tree, path);
      // A number JavaScript cannot hold exactly is quoted as written, not as it was rounded.
      const literal = node?.type === 'number' ? text.slice(node.offset, node.offset + node.length) : undefined;
      problems.push(atPath(file, path, locate(path, path !== base), describeIssue(issue, literal)));
    }
  }
  for (const c of crossCheck(data)) problems.push(atPath(file, c.path, locate(c.path), c.message));
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  const { $schema: _ignored, ...scenario } = result.data;
  if (expectedId !== undefined && scenario.id !== expectedId) {
    const message = `expected "${expectedId}" to match the file name, found "${scenario.id}"`;
    return { ok: false, problems: [atPath(file, ['id'], locate(['id']), message)] };
  }
  return { ok: true, scenario: scenario as Scenario, problems: [] };
}

/**
 * Where the text first nests arrays and objects deeper than MAX_NESTING, found with the
 * tokenizer alone (no recursion), or null. The path is that of the container one level too deep.
 */
function tooDeep(text: string): { path: Path; offset: number } | null {
  // jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read.
  const OPEN_BRACE = 1;
  const CLOSE_BRACE = 2;
  const OPEN_BRACKET = 3;
  const CLOSE_BRACKET = 4;
  const COMMA = 5;
  const STRING = 10;
  const EOF = 17;
  type Frame = { array: true; index: number } | { array: false; key: string; expectKey: boolean };
  const stack: Frame[] = [];
  const scanner = createScanner(text, true);
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    const top = stack[stack.length - 1];
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (stack.length === MAX_NESTING) {
        return { path: stack.map((f) => (f.array ? f.index : f.key)), offset: scanner.getTokenOffset() };
      }
      stack.push(token === OPEN_BRACKET ? { array: true, index: 0 } : { array: false, key: '', expectKey: true });
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      stack.pop();
    } else if (token === COMMA && top) {
      if (top.array) top.index += 1;
      else top.expectKey = true;
    } else if (token === STRING && top && !top.array && top.expectKey) {
      top.key = scanner.getTokenValue();
      top.expectKey = false;
    }
  }
  return null;
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

/** Keys that appear twice in one object: JSON.parse would silently keep the last. */
function duplicateKeys(tree: Node): { path: Path; key: string; offset: number }[] {
  const out: { path: Path; key: string; offset: number }[] = [];
  const walk = (node: Node, path: Path): void => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [keyNode, value] = prop.children ?? [];
        const key = String(keyNode?.value);
        if (seen.has(key)) out.push({ path: [...path, key], key, offset: prop.offset });
        seen.add(key);
        if (value) walk(value, [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
    }
  };
  walk(tree, []);
  return out;
}

/** `$.events[2].when[0].var` style path. */
export function jsonPath(path: Path): string {
  let out = '$';
  for (const p of path)
    out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}

function nearest(tree: Node, path: Path): Node | undefined {
  for (let n = path.length - 1; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return node;
  }
  return undefined;
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
