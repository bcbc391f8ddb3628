import { verifyInput } from '../replay-input';
import { parseFlags } from '../usage';

export function verifyCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const { values, positionals } = parseFlags(
    'verify',
    args,
    { json: { type: 'boolean' }, scenario: { type: 'string' } },
    1,
  );
  const r = verifyInput('verify', positionals[0], values.scenario);
  if (values.json) {
    if (r.valid) {
      const d = r.document;
      const lineage = d.lineage ? { lineage: d.lineage } : {};
      out(JSON.stringify({ valid: true, ...r.summary, scenario: d.scenario.id, seed: d.seed, ...lineage }));
    } else {
      out(
        JSON.stringify({
          valid: false,
          reason: r.reason,
          kind: r.kind,
          ...(r.divergedAtTurn ? { divergedAtTurn: r.divergedAtTurn } : {}),
        }),
      );
    }
    return r.valid ? 0 : 1;
  }
  if (!r.valid) {
    err(`invalid: ${r.reason}`);
    return 1;
  }
  const s = r.summary;
  out(`valid: ${r.scenario.title} (${r.scenario.id}), seed ${JSON.stringify(r.document.seed)}`);
  out(`outcome ${s.outcome}, ending ${s.ending}, ${s.turns} turns, score ${s.score}`);
  out(`meters  morale ${s.meters.morale}, execution ${s.meters.execution}, innovation ${s.meters.innovation}`);
  out(`fingerprint ${r.fingerprint}`);
  const lineage = r.document.lineage;
  if (lineage) out(`branch      of the run ending ${lineage.parentFinal}, played on after its turn ${lineage.atTurn}`);
  return 0;
}
