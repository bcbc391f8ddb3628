import type { ScenarioEntry } from '../replay/verify';

/**
 * The scenarios of this visit: the shipped ones and those kept from the lab (main.ts adds them
 * at startup), joined by the lab's custom scenarios as they are made.
 */
export function scenarioList(shipped: readonly ScenarioEntry[]): {
  readonly entries: readonly ScenarioEntry[];
  add(entry: ScenarioEntry): void;
} {
  const entries = [...shipped];
  return {
    entries,
    add(entry) {
      const at = entries.findIndex((e) => e.scenario.id === entry.scenario.id && !e.archived);
      const before = at >= 0 ? entries[at]! : null;
      if (before) entries[at] = entry;
      else entries.push(entry);
      // The version it replaces stays for the games and codes made with it.
      if (before && before.hash !== entry.hash && !entries.some((e) => e.hash === before.hash))
        entries.push({ ...before, archived: true });
    },
  };
}
