import { playGame } from '../../bots/run';
import { summaryOf } from '../../engine/summary';
import { findPolicy, findScenario } from '../context';
import { parseFlags, required } from '../usage';

export function playCommand(args: string[], out: (s: string) => void): number {
  const { values } = parseFlags('play', args, {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    policy: { type: 'string' },
    json: { type: 'boolean' },
  });
  const { scenario } = findScenario('play', required('play', 'scenario', values.scenario));
  const policyName = required('play', 'policy', values.policy);
  const policy = findPolicy('play', policyName);
  const seed = required('play', 'seed', values.seed);
  const run = playGame(scenario, seed, policy);
  const s = summaryOf(run.state);
  if (values.json) {
    out(JSON.stringify({ scenario: scenario.id, seed, policy: policyName, ...s }));
    return 0;
  }
  out(`${scenario.title} (${scenario.id}), seed ${JSON.stringify(seed)}, policy ${policyName}`);
  out(`outcome      ${s.outcome}`);
  out(`ending       ${s.ending}: ${scenario.endings[s.outcome]}`);
  out(`turns        ${s.turns} of ${scenario.turns}`);
  out(`meters       morale ${s.meters.morale}, execution ${s.meters.execution}, innovation ${s.meters.innovation}`);
  out(`score        ${s.score}`);
  out(`fingerprint  ${s.fingerprint}`);
  return 0;
}
