import type { ScenarioEntry } from '../replay/verify';
import { scenarioHash } from '../replay/scenario-hash';
import { lintScenarioText } from '../scenarios/lint';
import type { Store } from './storage';

/**
 * Scenarios written in the lab and played in this browser, kept in local storage as their exact
 * text (one key per id) so a reload resumes their games and their replay codes verify.
 */
export const CUSTOM_PREFIX = 'momentum.scenario.';
/** Earlier versions of a kept scenario, replaced under its id, one key per content hash. */
export const VERSION_PREFIX = 'momentum.scenario-version.';

/**
 * Every kept custom scenario that still validates, skipping any whose id a shipped one holds; then
 * every earlier version of one, marked archived, so its games and codes still verify.
 */
export function customEntries(store: Store, shipped: readonly ScenarioEntry[]): ScenarioEntry[] {
  const current: ScenarioEntry[] = [];
  const earlier: ScenarioEntry[] = [];
  for (const key of store.keys().sort()) {
    const archived = key.startsWith(VERSION_PREFIX);
    if (!archived && !key.startsWith(CUSTOM_PREFIX)) continue;
    const text = store.get(key);
    if (text === null) continue;
    const r = lintScenarioText('scenario.json', text, { expectedId: null });
    if (!r.ok || shipped.some((e) => e.scenario.id === r.scenario.id)) continue;
    const entry = { scenario: r.scenario, hash: scenarioHash(text) };
    if (archived) earlier.push({ ...entry, archived: true });
    else current.push(entry);
  }
  return [...current, ...earlier.filter((e) => !current.some((c) => c.hash === e.hash))];
}

/** The text kept under a scenario's id when it differs from `text`, else null. */
export function keptOtherwise(store: Store, id: string, text: string): string | null {
  const kept = store.get(`${CUSTOM_PREFIX}${id}`);
  return kept !== null && kept !== text ? kept : null;
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
  // The version it replaces stays, by its content hash: games and codes made with it still verify.
  const before = keptOtherwise(store, id, text);
  if (before !== null && !store.set(`${VERSION_PREFIX}${scenarioHash(before)}`, before)) {
    return {
      ok: false,
      reason:
        'The browser refused to keep the earlier version of this scenario (storage full?), so it was not replaced.',
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

/** A kept scenario as the lab lists it: its id, title, and the characters it and its earlier versions take. */
export interface KeptScenario {
  readonly id: string;
  readonly title: string;
  readonly chars: number;
}

/** Every scenario kept under an id in this browser, by id. */
export function keptScenarios(store: Store): KeptScenario[] {
  const out: KeptScenario[] = [];
  const versions = versionIds(store);
  for (const key of store.keys().sort()) {
    if (!key.startsWith(CUSTOM_PREFIX)) continue;
    const text = store.get(key) ?? '';
    const id = key.slice(CUSTOM_PREFIX.length);
    let title = id;
    try {
      const t = (JSON.parse(text) as { title?: unknown }).title;
      if (typeof t === 'string') title = t;
    } catch {
      // Listed by its id: it can still be deleted.
    }
    const older = versions.filter((v) => v.id === id);
    out.push({ id, title, chars: text.length + older.reduce((n, v) => n + v.chars, 0) });
  }
  return out;
}

/** Every earlier version kept: its key, the id its text gives, and its length; each text read once. */
function versionIds(store: Store): { key: string; id: string | null; chars: number }[] {
  return store
    .keys()
    .filter((k) => k.startsWith(VERSION_PREFIX))
    .map((key) => {
      const text = store.get(key) ?? '';
      let id: string | null = null;
      try {
        const v = (JSON.parse(text) as { id?: unknown }).id;
        if (typeof v === 'string') id = v;
      } catch {
        // A damaged version belongs to no scenario.
      }
      return { key, id, chars: text.length };
    });
}

/**
 * Deletes a kept scenario and its earlier versions from this browser; gives back what it removed,
 * key by key, so an undo can put it all back as it was.
 */
export function forgetScenario(store: Store, id: string): [string, string][] {
  const keys = [`${CUSTOM_PREFIX}${id}`, ...versionIds(store).flatMap((v) => (v.id === id ? [v.key] : []))];
  const removed: [string, string][] = [];
  for (const key of keys) {
    const text = store.get(key);
    if (text === null) continue;
    removed.push([key, text]);
    store.remove(key);
  }
  return removed;
}
