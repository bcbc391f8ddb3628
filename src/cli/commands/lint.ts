import { basename, relative } from 'node:path';
import { checkScenarioFile } from '../../scenarios/files';
import { parseFlags, UsageError } from '../usage';

/** How a JSON Schema file is named (scenarios/scenario.schema.json), as editors expect it. */
const SCHEMA_SUFFIX = '.schema.json';

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * `sim lint`: checks scenario files exactly as loading them does and lists every problem of
 * every file (file, JSON path, line and column, expected, found), then a total; a file named
 * `*.schema.json` is skipped, saying so. Exit 0 when
 * every file is a valid scenario, 1 when any has a problem, 2 for a usage mistake.
 */
export function lintCommand(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags('lint', args, { json: { type: 'boolean' } }, Number.MAX_SAFE_INTEGER);
  if (positionals.length === 0) throw new UsageError('lint: missing FILE (one or more scenario files to check)');
  // `lint scenarios/*.json` names the scenario schema too: it describes scenarios, it is not one.
  const skipped = positionals
    .filter((path) => path.endsWith(SCHEMA_SUFFIX))
    .map((path) => relative(process.cwd(), path) || basename(path));
  const checked = positionals.filter((path) => !path.endsWith(SCHEMA_SUFFIX)).map((path) => checkScenarioFile(path));
  if (checked.length === 0)
    throw new UsageError('lint: every file named is a JSON Schema, which is skipped, so no scenario was checked');
  const code = checked.every((c) => c.result.ok) ? 0 : 1;
  if (values.json) {
    out(
      JSON.stringify({
        files: checked.map(({ file, result }) => ({
          file,
          ok: result.ok,
          problems: result.problems.map(({ path, line, column, message }) => ({ path, line, column, message })),
        })),
        ...(skipped.length > 0 ? { skipped } : {}),
      }),
    );
    return code;
  }
  for (const file of skipped) out(`${file}: skipped, a JSON Schema of the scenario format, not a scenario`);
  for (const { file, result } of checked) {
    if (result.ok) out(`${file}: ok, scenario "${result.scenario.id}"`);
    for (const p of result.problems) out(p.text);
  }
  const problems = checked.reduce((n, c) => n + c.result.problems.length, 0);
  const broken = checked.filter((c) => !c.result.ok).length;
  const besides = skipped.length > 0 ? ` (${count(skipped.length, 'schema')} skipped)` : '';
  out(
    problems === 0
      ? `${count(checked.length, 'file')} checked: no problems${besides}`
      : `${count(problems, 'problem')} in ${broken} of ${count(checked.length, 'file')} checked${besides}`,
  );
  return code;
}
