import { storyLines } from '../../replay/story';
import { timeline } from '../../replay/timeline';
import { verifyInput } from '../replay-input';
import { parseFlags, Refusal } from '../usage';

export function replayCommand(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags('replay', args, { scenario: { type: 'string' } }, 1);
  const r = verifyInput('replay', positionals[0], values.scenario);
  if (!r.valid) throw new Refusal(`invalid: ${r.reason}`);
  const records = timeline(r.scenario, r.document.seed, r.document.turns);
  for (const line of storyLines(r.scenario, r.document.seed, records)) out(line);
  out('');
  out(`fingerprint ${r.fingerprint}`);
  return 0;
}
