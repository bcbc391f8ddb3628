import { checkScenarioFile } from '../../scenarios/files';
import { parseFlags, UsageError } from '../usage';

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * `sim lint`: checks scenario files exactly as loading them does and lists every problem of
 * every file (file, JSON path, line and column, expected, found), then a total. Exit 0 when
 * every file is a valid scenario, 1 when any has a problem, 2 for a usage mistake.
 */
export function lintCommand(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags('lint', args, { json: { type: 'boolean' } }, Number.MAX_SAFE_INTEGER);
  if (positionals.length === 0) throw new UsageError('lint: missing FILE (one or more scenario files to check)');
  const checked = positionals.map((path) => checkScenarioFile(path));
  const code = checked.every((c) => c.result.ok) ? 0 : 1;
  if (values.json) {
    out(
      JSON.stringify({
        files: checked.map(({ file, result }) => ({
          file,
          ok: result.ok,
          problems: result.problems.map(({ path, line, column, message }) => ({ path, line, column, message })),
        })),
      }),
    );
    return code;
  }
  for (const { file, result } of checked) {
    if (result.ok) out(`${file}: ok, scenario "${result.scenario.id}"`);
    for (const p of result.problems) out(p.text);
  }
  const problems = checked.reduce((n, c) => n + c.result.problems.length, 0);
  const broken = checked.filter((c) => !c.result.ok).length;
  out(
    problems === 0
      ? `${count(checked.length, 'file')} checked: no problems`
      : `${count(problems, 'problem')} in ${broken} of ${count(checked.length, 'file')} checked`,
  );
  return code;
}
