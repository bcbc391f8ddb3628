import { describe, expect, it } from 'vitest';
import { actionDef } from '../../src/engine';
import { flexGroups, flexLine } from '../../src/replay/flex';
import { regimeWhy } from '../../src/replay/regime-why';
import { timeline } from '../../src/replay/timeline';
import { playRecorded } from './support';

function recordsOf(id: string, policy: string, seed: string) {
  const { doc, scenario } = playRecorded(id, policy, seed);
  return { scenario, records: timeline(scenario, seed, doc.turns), doc };
}

describe('why a run ended where it did', () => {
  it('says nothing for a run with no turns', () => {
    const { scenario } = recordsOf('first-team', 'balanced', '1');
    expect(regimeWhy(scenario, [])).toBeNull();
    expect(flexLine([])).toBeNull();
  });

  it('names the turn the final regime began and the index that crossed on it, over many games', () => {
    let changed = 0;
    let stayed = 0;
    for (const id of ['stagnant-giant', 'idea-factory', 'build-the-house']) {
      for (const policy of ['lead-only', 'manage-only', 'balanced', 'random']) {
        for (const seed of ['1', '2', '3', '4']) {
          const { scenario, records } = recordsOf(id, policy, seed);
          const text = regimeWhy(scenario, records)!;
          const end = records.at(-1)!.after;
          expect(text.toLowerCase().startsWith(end.regime)).toBe(true);
          const began = records.findLastIndex((r) => r.before.regime !== end.regime);
          if (began === -1) {
            stayed++;
            expect(text).toContain('from the first turn to the last');
          } else {
            changed++;
            const r = records[began]!;
            expect(text).toContain(`from turn ${r.turn}`);
            // Every index whose high flag changed on that turn is named with the way it went.
            if (r.before.lHigh !== r.after.lHigh)
              expect(text).toContain(`L ${r.after.lHigh ? 'rose' : 'fell'} from ${r.before.l} to ${r.after.l}`);
            if (r.before.mHigh !== r.after.mHigh)
              expect(text).toContain(`M ${r.after.mHigh ? 'rose' : 'fell'} from ${r.before.m} to ${r.after.m}`);
          }
        }
      }
    }
    // Both kinds of run were seen.
    expect(changed).toBeGreaterThan(5);
    expect(stayed).toBeGreaterThan(5);
  });
});

describe('how the player flexed', () => {
  it('splits the hours by the regime each turn began in, adding up to the run’s hours', () => {
    const { records, doc } = recordsOf('stagnant-giant', 'balanced', '2');
    let lead = 0;
    let all = 0;
    for (const t of doc.turns)
      for (const c of t.actions) {
        const def = actionDef(c.action)!;
        all += def.cost;
        if (def.side === 'lead') lead += def.cost;
      }
    const groups = flexGroups(records);
    expect(groups.reduce((a, g) => a + g.lead, 0)).toBe(lead);
    expect(groups.reduce((a, g) => a + g.lead + g.manage, 0)).toBe(all);
    expect(groups.reduce((a, g) => a + g.turns, 0)).toBe(records.length);
    expect(flexLine(records)).toContain(`(${lead} h of ${all})`);
  });

  it('says a one-sided player spent the same share in every regime', () => {
    const { records } = recordsOf('stagnant-giant', 'lead-only', '1');
    expect(new Set(records.map((r) => r.before.regime)).size).toBeGreaterThan(1);
    expect(flexLine(records)).toMatch(
      /^You spent 100% of your hours leading \(\d+ h of \d+\), in every regime alike\.$/,
    );
  });
});
