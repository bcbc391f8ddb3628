import { createGame } from '../../src/engine/create';
import { fingerprint } from '../../src/engine/fingerprint';
import { scenarioHash } from '../../src/replay/scenario-hash';
import { verifyReplay } from '../../src/replay/verify';
import { bundledScenarios } from '../../src/scenarios/bundled';

/** Runs in the browser: verifies every golden replay with the same engine code Node uses. */
const goldens = import.meta.glob<string>('../golden/*.replay.json', { query: '?raw', import: 'default', eager: true });
const { scenarios } = bundledScenarios();
const entries = scenarios.map((s) => ({ scenario: s.scenario, hash: scenarioHash(s.text) }));
const replays = Object.entries(goldens).map(([path, text]) => {
  const r = verifyReplay(text, entries);
  return {
    file: path.split('/').pop()!,
    valid: r.valid,
    fingerprint: r.valid ? r.fingerprint : null,
    reason: r.valid ? null : r.reason,
  };
});
const starts = scenarios.map((s) => ({
  id: s.scenario.id,
  fingerprint: fingerprint(createGame(s.scenario, 'cross-runtime ✓')),
}));
(window as unknown as { __result: unknown }).__result = { replays, starts };
