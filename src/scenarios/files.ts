import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Scenario } from '../engine';
import { lintScenarioText, unreadableScenario, type LintResult } from './lint';

/** Where the shipped scenario files live, relative to the project root. */
export const SCENARIO_DIR = join(import.meta.dirname, '..', '..', 'scenarios');

export interface LoadedScenario {
  readonly file: string;
  readonly text: string;
  readonly scenario: Scenario;
}

export class ScenarioError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** One scenario file read and checked: its name as shown, its text when it could be read, and the result. */
export interface CheckedScenarioFile {
  readonly file: string;
  readonly text: string | null;
  readonly result: LintResult;
}

/** Far more than any scenario needs: the shipped ones are under 40 KB. */
export const MAX_SCENARIO_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads one file and checks it as loading does, keeping every problem with its place. A file
 * that is missing, a folder or otherwise unreadable is one problem, never an exception.
 */
export function checkScenarioFile(path: string): CheckedScenarioFile {
  const file = relative(process.cwd(), path) || basename(path);
  let text: string;
  try {
    // Only a regular file: reading a pipe or a device could wait forever.
    const st = statSync(path);
    if (st.isDirectory()) return { file, text: null, result: unreadableScenario(file, 'is a folder, not a file') };
    if (!st.isFile()) return { file, text: null, result: unreadableScenario(file, 'is not a regular file') };
    if (st.size > MAX_SCENARIO_FILE_BYTES) {
      const why = `is larger than ${MAX_SCENARIO_FILE_BYTES / 1024 / 1024} MB, the most a scenario file may be`;
      return { file, text: null, result: unreadableScenario(file, why) };
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : 'cannot be read';
    return { file, text: null, result: unreadableScenario(file, why) };
  }
  return { file, text, result: lintScenarioText(file, text, { expectedId: basename(path, '.json') }) };
}

/** Reads and validates one file; throws ScenarioError listing every problem. */
export function loadScenarioFile(path: string): LoadedScenario {
  const { file, text, result } = checkScenarioFile(path);
  if (!result.ok) throw new ScenarioError(result.problems.map((p) => p.text));
  return { file, text: text!, scenario: result.scenario };
}

/** A scenario file that does not validate, with every problem found in it. */
export interface BrokenScenario {
  readonly file: string;
  /** The id the file's name gives it, which a command may be asked for. */
  readonly id: string;
  readonly problems: readonly string[];
}

/**
 * Every scenario file in a folder, sorted by id: those that validate, and each broken one with
 * its own problems, so one broken file never hides the others.
 */
export function readScenarioDir(dir = SCENARIO_DIR): { scenarios: LoadedScenario[]; broken: BrokenScenario[] } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new ScenarioError([`${relative(process.cwd(), dir) || dir}: the scenario folder cannot be read`]);
  }
  const files = names.filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  const scenarios: LoadedScenario[] = [];
  const broken: BrokenScenario[] = [];
  for (const f of files) {
    try {
      scenarios.push(loadScenarioFile(join(dir, f)));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      broken.push({ file: f, id: basename(f, '.json'), problems: e.problems });
    }
  }
  return { scenarios, broken };
}

/** Every shipped scenario, sorted by id; throws ScenarioError listing every problem of every broken file. */
export function loadAllScenarios(dir = SCENARIO_DIR): LoadedScenario[] {
  const { scenarios, broken } = readScenarioDir(dir);
  if (broken.length > 0) throw new ScenarioError(broken.flatMap((b) => b.problems));
  return scenarios;
}
