import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../src/engine';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenarios/files';

/**
 * A small scenario for the tests of the balance report's workings, written to a file outside
 * scenarios/: the first team over 4 turns instead of 8 with a turn of 4 hours, so only a few
 * dozen bundles fit a turn and a report of 60 seeds takes about two seconds. Its shift keeps
 * opening on turn 3 and is due by the last turn.
 */
export interface TinyScenario {
  readonly file: string;
  readonly text: string;
  readonly scenario: Scenario;
  /** Removes the file's folder. */
  readonly remove: () => void;
}

export function tinyScenario(): TinyScenario {
  const dir = mkdtempSync(join(tmpdir(), 'momentum-tiny-'));
  const source = JSON.parse(readFileSync(join(SCENARIO_DIR, 'first-team.json'), 'utf8')) as {
    $schema?: string;
    turns: number;
    shifts: { from: number; by: number }[];
  };
  delete source.$schema;
  const turns = 4;
  const shifts = source.shifts.map((s) => ({ ...s, from: Math.min(s.from, turns - 1), by: Math.min(s.by, turns) }));
  const text = JSON.stringify({ ...source, id: 'tiny-team', timeBudget: 4, turns, shifts }, null, 2);
  const file = join(dir, 'tiny-team.json');
  writeFileSync(file, text);
  return {
    file,
    text,
    scenario: loadScenarioFile(file).scenario,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
