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

/** Every shipped scenario, sorted by id. */
export function loadAllScenarios(dir = SCENARIO_DIR): LoadedScenario[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
  const problems: string[] = [];
  const out: LoadedScenario[] = [];
  for (const f of files) {
    try {
      out.push(loadScenarioFile(join(dir, f)));
    } catch (e) {
      if (e instanceof ScenarioError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return out;
}
