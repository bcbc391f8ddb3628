import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioEntries } from '../../src/cli/context';
import { GOLDEN_DIR, GOLDEN_RUNS, goldenFile } from '../../src/cli/write-goldens';
import { verifyReplay } from '../../src/replay/verify';

/**
 * Golden replays pin whole games. A rule or scenario change that alters any of them fails here
 * on purpose; if the change was intended, run `npm run goldens` and review the diff.
 */
const HOW =
  'If this change to the rules or a scenario is intended, run `npm run goldens` to regenerate tests/golden and review the diff.';
const files = readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith('.replay.json'))
  .sort();

describe('golden replays', () => {
  it('exist for every shipped scenario, including early collapses into chaos and stagnation', () => {
    expect(files).toEqual(GOLDEN_RUNS.map(goldenFile).sort());
    const docs = files.map(
      (f) =>
        JSON.parse(readFileSync(join(GOLDEN_DIR, f), 'utf8')) as {
          scenario: { id: string };
          summary: { outcome: string; turns: number };
        },
    );
    const entries = scenarioEntries();
    const covered = new Set(docs.map((d) => d.scenario.id));
    for (const { scenario } of entries) expect(covered.has(scenario.id)).toBe(true);
    // An early collapse ends before the scenario's last turn; ending ids are each scenario's own.
    const collapses = docs
      .filter((d) => d.summary.turns < entries.find((e) => e.scenario.id === d.scenario.id)!.scenario.turns)
      .map((d) => d.summary.outcome);
    expect(collapses, HOW).toContain('chaos');
    expect(collapses, HOW).toContain('stagnation');
  });

  it.each(files)('%s still verifies to its recorded fingerprint', (file) => {
    const text = readFileSync(join(GOLDEN_DIR, file), 'utf8');
    const r = verifyReplay(text, scenarioEntries());
    if (!r.valid) expect.fail(`${file} no longer verifies: ${r.reason}\n${HOW}`);
    const recorded = JSON.parse(text) as { final: string };
    expect(r.fingerprint, HOW).toBe(recorded.final);
  });
});
