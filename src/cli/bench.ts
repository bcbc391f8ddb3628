import { availableParallelism, cpus } from 'node:os';
import { policyByName } from '../bots/policies';
import { playGame } from '../bots/run';
import { createGame } from '../engine/create';
import { step } from '../engine/step';
import type { Action } from '../engine/step-types';
import { loadAllScenarios } from '../scenarios/files';
import { tallySeeds } from '../bots/tally';

/**
 * Prints speed figures. It reports and never fails: a busy machine gives lower numbers, and
 * the targets are printed beside them for a person to judge.
 */
const GAMES = Number(process.env.BENCH_GAMES ?? 3000);
const scenarios = loadAllScenarios();
const random = policyByName('random')!;

console.log(`Momentum bench on ${cpus()[0]?.model ?? 'unknown CPU'} (${availableParallelism()} cores), Node ${process.version}`);
console.log(`\nEngine turns per second under the random policy, one core (target ≥ 50,000)`);
for (const { scenario } of scenarios) {
  // Record random games first, then time the engine alone replaying their actions.
  const games: { seed: string; actions: Action[] }[] = [];
  for (let i = 1; i <= GAMES; i++) {
    const run = playGame(scenario, String(i), random);
    games.push({ seed: String(i), actions: run.turns.flatMap((t) => [...t, { type: 'end-turn' } as const]) });
  }
  let turns = 0;
  let steps = 0;
  const t0 = performance.now();
  for (const g of games) {
    let s = createGame(scenario, g.seed);
    for (const a of g.actions) {
      const r = step(s, a);
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
      steps++;
    }
    turns += s.turn - 1;
  }
  const sec = (performance.now() - t0) / 1000;
  const withPolicy0 = performance.now();
  for (let i = 1; i <= GAMES; i++) playGame(scenario, String(i), random);
  const withPolicy = (performance.now() - withPolicy0) / 1000;
  console.log(
    `  ${scenario.id.padEnd(22)} ${fmt(turns / sec)} turns/s  (${fmt(steps / sec)} steps/s; with the bot deciding: ${fmt(turns / withPolicy)} turns/s)`,
  );
}

console.log(`\nBatch of 10,000 games, one core (target ≤ 5 s)`);
for (const policy of ['random', 'balanced']) {
  const t0 = performance.now();
  const giant = scenarios.find((s) => s.scenario.id === 'stagnant-giant')!.scenario;
  tallySeeds(giant, policyByName(policy)!, 1, 10_000);
  console.log(`  stagnant-giant, ${policy.padEnd(9)} ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US').padStart(9);
}
