import { checkScenario, type ScenarioCheck, type ScenarioProblem } from './parse';

export type { ScenarioProblem } from './parse';

/** A scenario file's text checked as the game checks it when loading: the scenario, or every problem. */
export type LintResult = ScenarioCheck;

/**
 * The id a scenario file's name promises: its last path segment without `.json`. A file named
 * `night-shift.json` must hold the scenario `night-shift`.
 */
export function idFromFileName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.endsWith('.json') && name.length > '.json'.length ? name.slice(0, -'.json'.length) : name;
}

/**
 * Checks one scenario file's text exactly as loading it does, with no file system: the same
 * problems, each with its JSON path, line and column apart from its words. `file` names the
 * file in every problem; unless `expectedId` says otherwise (null: any id), the scenario's id
 * must match the file's name.
 */
export function lintScenarioText(
  file: string,
  text: string,
  options: { readonly expectedId?: string | null } = {},
): LintResult {
  const expected = options.expectedId === undefined ? idFromFileName(file) : options.expectedId;
  return checkScenario(text, file, expected ?? undefined);
}

/** The result for a file whose text cannot be had: missing, a folder, or refused by the system. */
export function unreadableScenario(file: string, why = 'cannot be read'): LintResult {
  const problem: ScenarioProblem = {
    path: null,
    line: null,
    column: null,
    message: why,
    text: `${file}: ${why}`,
  };
  return { ok: false, problems: [problem] };
}
