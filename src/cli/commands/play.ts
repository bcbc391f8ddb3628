import { writeFileSync } from 'node:fs';
import { endingText } from '../../engine';
import { playGame } from '../../bots/run';
import { encodeCode } from '../../replay/code';
import { recordReplay, type ReplayChoice } from '../../replay/document';
import { scenarioHash } from '../../replay/scenario-hash';
import { metaProblem } from '../../replay/seed';
import { breakdownOf, scoreRows } from '../../replay/score-words';
import { signed } from '../../replay/words';
import { acceptedSeed, findPolicy, findScenarioOrFile } from '../context';
import { parseFlags, required, UsageError } from '../usage';

export function playCommand(args: string[], out: (s: string) => void): number {
  const { values } = parseFlags('play', args, {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    policy: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    team: { type: 'string' },
    room: { type: 'string' },
  });
  const { scenario, text } = findScenarioOrFile('play', values.scenario);
  const policy = findPolicy('play', values.policy);
  const policyName = values.policy!;
  const seed = acceptedSeed('play', '--seed', required('play', 'seed', values.seed));
  const run = playGame(scenario, seed, policy);
  const choices = run.turns.map((t) =>
    t.flatMap((a): ReplayChoice[] => {
      if (a.type !== 'choose') return [];
      return a.target === undefined ? [{ action: a.action }] : [{ action: a.action, target: a.target }];
    }),
  );
  // A team and a room, as a workshop's team link would carry them: a facilitator can script a room.
  const meta = {
    ...(values.team === undefined ? {} : { team: values.team }),
    ...(values.room === undefined ? {} : { room: values.room }),
  };
  const problem = metaProblem(meta);
  if (problem !== null) throw new UsageError(`play: ${problem}`);
  const doc = recordReplay(scenario, scenarioHash(text), seed, choices, Object.keys(meta).length ? meta : undefined);
  const replayCode = encodeCode(doc, scenario);
  if (values.out !== undefined) {
    try {
      writeFileSync(values.out, `${JSON.stringify(doc, null, 2)}\n`);
    } catch (e) {
      throw new UsageError(`play: cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  const s = {
    outcome: doc.summary.outcome,
    ending: doc.summary.ending,
    turns: doc.summary.turns,
    score: doc.summary.score,
    scoreBreakdown: breakdownOf(run.state),
    meters: doc.summary.meters,
    fingerprint: doc.final,
  };
  if (values.json) {
    out(JSON.stringify({ scenario: scenario.id, seed, policy: policyName, ...s, replayCode }));
    return 0;
  }
  out(`${scenario.title} (${scenario.id}), seed ${JSON.stringify(seed)}, policy ${policyName}`);
  out(`outcome      ${s.outcome}`);
  out(`ending       ${s.ending}: ${endingText(scenario, s.ending)}`);
  out(`turns        ${s.turns} of ${scenario.turns}`);
  out(`meters       morale ${s.meters.morale}, execution ${s.meters.execution}, innovation ${s.meters.innovation}`);
  out(`score        ${s.score}`);
  for (const r of scoreRows(run.state).rows) {
    out(`  ${r.label.toLowerCase().padEnd(17)}${signed(r.points).padStart(6)}  ${r.detail}`);
  }
  out(`fingerprint  ${s.fingerprint}`);
  out(`replay code  ${replayCode}`);
  if (values.out !== undefined) out(`replay file  ${values.out}`);
  return 0;
}
