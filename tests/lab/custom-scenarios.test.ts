import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customEntries, keepCustomScenario, VERSION_PREFIX } from '../../src/platform/custom-scenarios';
import { memoryStore } from '../../src/platform/storage';
import { encodeCode } from '../../src/replay/code';
import { recordReplay } from '../../src/replay/document';
import { verifyReplay, type ScenarioEntry } from '../../src/replay/verify';
import { SCENARIO_DIR } from '../../src/scenarios/files';

const text = readFileSync(join(SCENARIO_DIR, 'examples', 'support-desk.json'), 'utf8');
const v2 = text.replace('A tired help desk', 'A worn-out help desk');

/** A short game of the kept scenario, as a code. */
function codeOf(entry: ScenarioEntry): string {
  const doc = recordReplay(entry.scenario, entry.hash, 'kept-1', [[], [{ action: 'share-vision' }]], {});
  return encodeCode(doc, entry.scenario);
}

describe('kept custom scenarios', () => {
  it('keep a replaced version by its content hash: games and codes made with it still verify', () => {
    const store = memoryStore();
    const first = keepCustomScenario(store, text, []);
    if (!first.ok) throw new Error(first.reason);
    const oldCode = codeOf(first.entry);
    const second = keepCustomScenario(store, v2, []);
    if (!second.ok) throw new Error(second.reason);
    const newCode = codeOf(second.entry);
    expect(store.keys().filter((k) => k.startsWith(VERSION_PREFIX))).toEqual([`${VERSION_PREFIX}${first.entry.hash}`]);

    const entries = customEntries(store, []);
    // One current entry to start new games with, and the earlier version kept for its old ones.
    expect(entries.filter((e) => !e.archived).map((e) => e.hash)).toEqual([second.entry.hash]);
    expect(entries.filter((e) => e.archived).map((e) => e.hash)).toEqual([first.entry.hash]);
    expect(verifyReplay(oldCode, entries).valid).toBe(true);
    expect(verifyReplay(newCode, entries).valid).toBe(true);
    // Without the kept version the old code is refused as made with a scenario that has changed.
    const current = entries.filter((e) => !e.archived);
    const refused = verifyReplay(oldCode, current);
    expect(!refused.valid && refused.reason).toMatch(/has changed since this run was played/);
  });

  it('keeping the same text again stores no version', () => {
    const store = memoryStore();
    keepCustomScenario(store, text, []);
    keepCustomScenario(store, text, []);
    expect(store.keys().filter((k) => k.startsWith(VERSION_PREFIX))).toEqual([]);
    expect(customEntries(store, [])).toHaveLength(1);
  });
});
