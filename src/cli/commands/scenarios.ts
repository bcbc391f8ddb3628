import { brokenScenarios, scenarios } from '../context';
import { parseFlags } from '../usage';

/** Lists the scenarios that validate; each broken file's problems go to err, and the exit code is 1. */
export function scenariosCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const { values } = parseFlags('scenarios', args, { json: { type: 'boolean' } });
  const list = scenarios().map(({ scenario: s }) => ({
    id: s.id,
    title: s.title,
    turns: s.turns,
    difficulty: s.difficulty,
  }));
  const problems = brokenScenarios().flatMap((b) => b.problems);
  for (const p of problems) err(p);
  const code = problems.length > 0 ? 1 : 0;
  if (values.json) {
    out(JSON.stringify(list));
    return code;
  }
  const width = Math.max(...list.map((s) => s.id.length));
  for (const s of list)
    out(`${s.id.padEnd(width)}  ${String(s.turns).padStart(2)} turns  ${s.difficulty.padEnd(6)}  ${s.title}`);
  return code;
}
