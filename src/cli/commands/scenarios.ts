import { scenarios } from '../context';
import { parseFlags } from '../usage';

export function scenariosCommand(args: string[], out: (s: string) => void): number {
  const { values } = parseFlags('scenarios', args, { json: { type: 'boolean' } });
  const list = scenarios().map(({ scenario: s }) => ({
    id: s.id,
    title: s.title,
    turns: s.turns,
    difficulty: s.difficulty,
  }));
  if (values.json) {
    out(JSON.stringify(list));
    return 0;
  }
  const width = Math.max(...list.map((s) => s.id.length));
  for (const s of list)
    out(`${s.id.padEnd(width)}  ${String(s.turns).padStart(2)} turns  ${s.difficulty.padEnd(6)}  ${s.title}`);
  return 0;
}
