import { playOn } from '../../bots/run';
import { branchAt } from '../../replay/branch';
import { encodeCode } from '../../replay/code';
import { recordReplay, simulate, type ReplayChoice } from '../../replay/document';
import { verifyInput } from '../replay-input';
import { findPolicy, policyChoices } from '../context';
import { parseFlags, Refusal, required, UsageError } from '../usage';

/** `sim branch A --at TURN --then POLICY`: A's first TURN turns, then the policy to the end. */
export function branchCommand(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags(
    'branch',
    args,
    { at: { type: 'string' }, then: { type: 'string' }, json: { type: 'boolean' } },
    1,
  );
  if (positionals[0] === undefined)
    throw new UsageError('branch: missing FILE or CODE (the run to branch: a .replay.json file or a replay code)');
  const atText = required('branch', 'at', values.at);
  if (!/^\d{1,9}$/.test(atText)) throw new UsageError(`branch: --at takes a turn number, not "${atText}"`);
  const policy = findPolicy('branch', required('branch', 'then', values.then, policyChoices));
  const parent = verifyInput('branch', positionals[0]);
  if (!parent.valid) throw new Refusal(`branch: the run to branch is refused: ${parent.reason}`);
  const point = branchAt(parent, Number(atText));
  if (!point.ok) throw new Refusal(`branch: ${point.reason}`);
  const { scenario, document } = parent;
  const prefix = simulate(scenario, document.seed, point.turns);
  if (!prefix.ok) throw new Refusal(`branch: turn ${prefix.turn} of the run is refused: ${prefix.message}`);
  const rest = playOn(prefix.state, document.seed, policy);
  const choices = [
    ...point.turns.map((t) => t.actions),
    ...rest.turns.map((t) =>
      t.flatMap((a): ReplayChoice[] => {
        if (a.type !== 'choose') return [];
        return a.target === undefined ? [{ action: a.action }] : [{ action: a.action, target: a.target }];
      }),
    ),
  ];
  const doc = recordReplay(scenario, document.scenario.hash, document.seed, choices, undefined, point.lineage);
  const replayCode = encodeCode(doc, scenario);
  if (values.json) {
    out(JSON.stringify({ replayCode, fingerprint: doc.final, lineage: point.lineage, summary: doc.summary }));
    return 0;
  }
  const s = doc.summary;
  out(`${scenario.title} (${scenario.id}), seed ${JSON.stringify(document.seed)}`);
  out(
    `branch       of the run ending ${point.lineage.parentFinal}: ${kept(point.lineage.atTurn)}, then ${values.then}`,
  );
  out(`outcome      ${s.outcome}, ending ${s.ending}, ${s.turns} turns, score ${s.score}`);
  out(`meters       morale ${s.meters.morale}, execution ${s.meters.execution}, innovation ${s.meters.innovation}`);
  out(`fingerprint  ${doc.final}`);
  out(`replay code  ${replayCode}`);
  return 0;
}

function kept(atTurn: number): string {
  return atTurn === 0 ? 'none of its turns' : atTurn === 1 ? 'its turn 1' : `its turns 1 to ${atTurn}`;
}
