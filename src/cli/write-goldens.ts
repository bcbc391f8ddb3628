import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyByName } from '../bots/by-name';
import { playGame } from '../bots/run';
import { recordReplay } from '../replay/document';
import { scenarioHash } from '../replay/scenario-hash';
import { loadAllScenarios } from '../scenarios/files';

/**
 * Regenerates the golden replays in tests/golden. Run it only after a deliberate rule or
 * scenario change, then read the diff: every changed fingerprint is a changed game.
 */
export const GOLDEN_DIR = join(import.meta.dirname, '..', '..', 'tests', 'golden');

/**
 * One balanced game per scenario, the expert through a shift it answers, and runs that collapse
 * early into chaos and stagnation. Goldens hold choices, not policies, so changing a bot never
 * breaks one.
 */
export const GOLDEN_RUNS: readonly { scenario: string; policy: string; seed: string }[] = [
  { scenario: 'first-team', policy: 'balanced', seed: 'golden' },
  { scenario: 'stagnant-giant', policy: 'balanced', seed: 'golden' },
  { scenario: 'producers-to-leaders', policy: 'balanced', seed: 'golden' },
  { scenario: 'build-the-house', policy: 'balanced', seed: 'golden' },
  { scenario: 'idea-factory', policy: 'balanced', seed: 'golden' },
  { scenario: 'stagnant-giant', policy: 'expert', seed: 'golden' },
  { scenario: 'idea-factory', policy: 'lead-only', seed: 'collapse' },
  { scenario: 'stagnant-giant', policy: 'manage-only', seed: 'collapse' },
  { scenario: 'build-the-house', policy: 'random', seed: 'ünïcödé 🏠' },
];

export function goldenFile(run: (typeof GOLDEN_RUNS)[number]): string {
  return `${run.scenario}--${run.policy}.replay.json`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const scenarios = loadAllScenarios();
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const run of GOLDEN_RUNS) {
    const { scenario, text } = scenarios.find((s) => s.scenario.id === run.scenario)!;
    const game = playGame(scenario, run.seed, policyByName(run.policy)!);
    const choices = game.turns.map((t) =>
      t.flatMap((a) =>
        a.type === 'choose'
          ? [a.target === undefined ? { action: a.action } : { action: a.action, target: a.target }]
          : [],
      ),
    );
    const doc = recordReplay(scenario, scenarioHash(text), run.seed, choices, { player: `${run.policy} bot` });
    writeFileSync(join(GOLDEN_DIR, goldenFile(run)), `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`${goldenFile(run)}: ${doc.summary.ending}, ${doc.summary.turns} turns, ${doc.final}`);
  }
}
