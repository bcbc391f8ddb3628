import { toCsv } from '../../replay/csv';
import { timeline } from '../../replay/timeline';
import { verifyInput } from '../replay-input';
import { parseFlags, Refusal, UsageError } from '../usage';

export function exportCommand(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags(
    'export',
    args,
    { csv: { type: 'boolean' }, scenario: { type: 'string' } },
    1,
  );
  if (!values.csv) throw new UsageError('export: choose a format; valid formats: --csv');
  const r = verifyInput('export', positionals[0], values.scenario);
  if (!r.valid) throw new Refusal(`invalid: ${r.reason}`);
  const csv = toCsv(r.scenario, timeline(r.scenario, r.document.seed, r.document.turns));
  out(csv.slice(0, -2));
  return 0;
}
