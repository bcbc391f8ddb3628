import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Scenario } from '../engine';
import { parseScenario } from './parse';

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

/** Reads and validates one file; throws ScenarioError listing every problem. */
export function loadScenarioFile(path: string): LoadedScenario {
  const file = relative(process.cwd(), path) || basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ScenarioError([`${file}: cannot be read`]);
  }
  const r = parseScenario(text, file);
  if (!r.ok) throw new ScenarioError(r.problems);
  const expected = basename(path, '.json');
  if (r.scenario.id !== expected) {
    const line = text.slice(0, text.indexOf('"id"')).split('\n').length;
    throw new ScenarioError([
      `${file}: $.id (line ${line}): expected "${expected}" to match the file name, found "${r.scenario.id}"`,
    ]);
  }
  return { file, text, scenario: r.scenario };
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
