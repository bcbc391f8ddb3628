import type { ScenarioEntry } from '../replay/verify';
import { scenarioHash } from '../replay/scenario-hash';
import { lintScenarioText } from '../scenarios/lint';
import type { Store } from './storage';

/**
 * Scenarios written in the lab and played in this browser, kept in local storage as their exact
 * text (one key per id) so a reload resumes their games and their replay codes verify.
 */
export const CUSTOM_PREFIX = 'momentum.scenario.';

/** Every kept custom scenario that still validates, skipping any whose id a shipped one holds. */
export function customEntries(store: Store, shipped: readonly ScenarioEntry[]): ScenarioEntry[] {
  const out: ScenarioEntry[] = [];
  for (const key of store.keys().sort()) {
    if (!key.startsWith(CUSTOM_PREFIX)) continue;
    const text = store.get(key);
    if (text === null) continue;
    const r = lintScenarioText('scenario.json', text, { expectedId: null });
    if (!r.ok || shipped.some((e) => e.scenario.id === r.scenario.id)) continue;
    out.push({ scenario: r.scenario, hash: scenarioHash(text) });
  }
  return out;
}

export type KeepResult =
  { readonly ok: true; readonly entry: ScenarioEntry } | { readonly ok: false; readonly reason: string };

/**
 * Keeps a custom scenario's text under its id. A shipped scenario's id is refused, so a custom file
 * never silently stands in for a scenario everyone else plays.
 */
export function keepCustomScenario(store: Store, text: string, shipped: readonly string[]): KeepResult {
  const r = lintScenarioText('scenario.json', text, { expectedId: null });
  if (!r.ok) {
    const n = r.problems.length;
    return {
      ok: false,
      reason: `The scenario has ${n === 1 ? 'a problem' : `${n} problems`} to fix before it can be played.`,
    };
  }
  const id = r.scenario.id;
  if (shipped.includes(id)) {
    return {
      ok: false,
      reason: `“${id}” is the id of a scenario that ships with the game: give yours an id of its own (change "id") to play it.`,
    };
  }
  if (!store.set(`${CUSTOM_PREFIX}${id}`, text)) {
    return {
      ok: false,
      reason: 'The browser refused to keep the scenario (storage full or turned off), so it cannot be played here.',
    };
  }
  return { ok: true, entry: { scenario: r.scenario, hash: scenarioHash(text) } };
}
