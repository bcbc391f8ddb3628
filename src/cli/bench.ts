import { availableParallelism, cpus } from 'node:os';
import { policyByName } from '../bots/by-name';
import { playGame } from '../bots/run';
import { createGame, step, type Action } from '../engine';
import { loadAllScenarios } from '../scenarios/files';
import { tallySeeds } from '../bots/tally';
import { encodeCode } from '../replay/code';
import { recordReplay } from '../replay/document';
import { scenarioHash } from '../replay/scenario-hash';
import { verifyReplay } from '../replay/verify';
import { tallyParallel } from './parallel';

/**
 * Prints speed figures. It reports and never fails: a busy machine gives lower numbers, and
 * the targets are printed beside them for a person to judge.
 */
const GAMES = Number(process.env.BENCH_GAMES ?? 3000);
/**
 * Each figure is the best of several rounds, timed in this process's CPU time: a round lasts a
 * fraction of a second, and on a shared machine the wall clock also counts the time other work
 * held the core, which only ever slows a round down. `npm run bench` runs Node with a
 * single-threaded garbage collector, so that time is one core's, collection included.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function best(rounds: number, work: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    work();
    const used = process.cpuUsage(t0);
    fastest = Math.min(fastest, (used.user + used.system) / 1e6);
  }
  return fastest;
}
const scenarios = loadAllScenarios();
const random = policyByName('random')!;
const balancedBot = policyByName('balanced')!;
// `--json`: the figures as one object on standard output, and nothing else there.
const json = process.argv.includes('--json');
const log = json ? (..._: unknown[]) => {} : (...a: unknown[]) => console.log(...a);
const figures = {
  turnsPerSecond: {} as Record<string, number>,
  turnsPerSecondWithBot: {} as Record<string, number>,
  verifyMs: {} as Record<string, number>,
};

log(
  `Momentum bench on ${cpus()[0]?.model ?? 'unknown CPU'} (${availableParallelism()} cores), Node ${process.version}`,
);
// Warm the compiler on every scenario first, so the first one measured is not the slowest.
for (const { scenario } of scenarios)
  for (let i = 1; i <= Math.min(GAMES, 300); i++) playGame(scenario, `w${i}`, random);

log(`\nEngine turns per second under the random policy, one core (target ≥ 200,000)`);
for (const { scenario } of scenarios) {
  // Record random games first, then time the engine alone replaying their actions.
  const games: { seed: string; actions: Action[] }[] = [];
  for (let i = 1; i <= GAMES; i++) {
    const run = playGame(scenario, String(i), random);
    games.push({ seed: String(i), actions: run.turns.flatMap((t) => [...t, { type: 'end-turn' } as const]) });
  }
  let turns = 0;
  let steps = 0;
  const sec = best(ROUNDS, () => {
    turns = 0;
    steps = 0;
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
  });
  const withPolicy = best(ROUNDS, () => {
    for (let i = 1; i <= GAMES; i++) playGame(scenario, String(i), random);
  });
  // The balanced bot deciding every choice, engine included.
  let botTurns = 0;
  const bot = best(ROUNDS, () => {
    botTurns = 0;
    for (let i = 1; i <= GAMES; i++) botTurns += playGame(scenario, String(i), balancedBot).state.turn - 1;
  });
  figures.turnsPerSecond[scenario.id] = Math.round(turns / sec);
  figures.turnsPerSecondWithBot[scenario.id] = Math.round(botTurns / bot);
  log(
    `  ${scenario.id.padEnd(22)} ${fmt(turns / sec)} turns/s  (${fmt(steps / sec)} steps/s; with the random bot deciding: ${fmt(turns / withPolicy)} turns/s; with balanced: ${fmt(botTurns / bot)} turns/s)`,
  );
}

log(`\nReplay verification of a full balanced game (target ≤ 0.3 ms)`);
const entries = scenarios.map((s) => ({ scenario: s.scenario, hash: scenarioHash(s.text) }));
const replays = scenarios.map(({ scenario, text }) => {
  const run = playGame(scenario, 'bench', balancedBot);
  const choices = run.turns.map((t) =>
    t.flatMap((a) =>
      a.type === 'choose'
        ? [a.target === undefined ? { action: a.action } : { action: a.action, target: a.target }]
        : [],
    ),
  );
  const doc = recordReplay(scenario, scenarioHash(text), 'bench', choices);
  return { scenario, doc, code: encodeCode(doc, scenario) };
});
// Warm the verifier on every scenario's code first, as the engine above.
for (const { code } of replays) for (let i = 0; i < 100; i++) verifyReplay(code, entries);
let longest = 0;
for (const { scenario, doc, code } of replays) {
  longest = Math.max(longest, code.length);
  const docText = JSON.stringify(doc);
  const reps = 100;
  const codeMs =
    (best(ROUNDS, () => {
      for (let i = 0; i < reps; i++)
        if (!verifyReplay(code, entries).valid) throw new Error('bench replay did not verify');
    }) *
      1000) /
    reps;
  const docMs =
    (best(ROUNDS, () => {
      for (let i = 0; i < reps; i++)
        if (!verifyReplay(docText, entries).valid) throw new Error('bench replay did not verify');
    }) *
      1000) /
    reps;
  figures.verifyMs[scenario.id] = Math.round(codeMs * 1000) / 1000;
  log(
    `  ${scenario.id.padEnd(22)} ${codeMs.toFixed(3)} ms from its code (${code.length} characters), ${docMs.toFixed(3)} ms from its document`,
  );
}

if (json) {
  console.log(JSON.stringify(figures));
  process.exit(0);
}

log(`\nBatch of 10,000 games of stagnant-giant (target ≤ 5 s)`);
const giant = scenarios.find((s) => s.scenario.id === 'stagnant-giant')!.scenario;
for (const policy of ['random', 'balanced']) {
  const t0 = performance.now();
  tallySeeds(giant, policyByName(policy)!, 1, 10_000);
  const one = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await tallyParallel(giant, policy, 10_000);
  const all = (performance.now() - t1) / 1000;
  log(`  ${policy.padEnd(9)} one core ${one.toFixed(2)} s, all ${availableParallelism()} cores ${all.toFixed(2)} s`);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US').padStart(9);
}
