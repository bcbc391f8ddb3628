import { describe, expect, it } from 'vitest';
import { happenings } from '../../src/replay/narration';
import { turnCells } from '../../src/replay/csv';
import { timeline } from '../../src/replay/timeline';
import { turnSummary } from '../../src/replay/turn-summary';
import { turningPoints } from '../../src/replay/turning-points';
import type { Fact, Scenario } from '../../src/engine';
import { choicesOf, ENTRIES, playRecorded } from './support';

/**
 * What any telling of a happening must name, read from the scenario file itself and not from the
 * words the game builds: the event's or shift's title, the person's name.
 */
function namedIn(f: Fact, scenario: Scenario): string[] {
  const person = (id: string | null | undefined): string[] =>
    id ? [scenario.members.find((m) => m.id === id)!.name] : [];
  switch (f.type) {
    case 'event-occurred':
    case 'call-answered':
      return [scenario.events.find((e) => e.id === f.event)!.title];
    case 'shift-occurred':
    case 'shift-settled':
      return [scenario.shifts.find((x) => x.id === f.shift)!.title];
    case 'member-quit':
    case 'member-disengaged':
    case 'member-reengaged':
      return person(f.member);
    default:
      throw new Error(`not a happening: ${f.type}`);
  }
}

describe('narration', () => {
  it('sorts a turn’s facts into events, shifts and people, in order, and nothing else', () => {
    let told = 0;
    for (const { scenario } of ENTRIES) {
      for (const policy of ['random', 'lead-only', 'manage-only']) {
        for (let k = 0; k < 6; k++) {
          const seed = `narration-${k}`;
          const { run } = playRecorded(scenario.id, policy, seed);
          const records = timeline(
            scenario,
            seed,
            choicesOf(run).map((actions, i) => ({ turn: i + 1, actions })),
          );
          const points = turningPoints(scenario, records).join(' ');
          for (const r of records) {
            const h = happenings(r.facts);
            expect(h.all.length).toBe(h.events.length + h.shifts.length + h.people.length);
            // In the order they happened.
            expect(h.all).toEqual(r.facts.filter((f) => h.all.includes(f as never)));
            told += h.all.length;
            // Every telling names every happening it is about.
            const csv = String(turnCells(scenario, r).at(-1));
            const short = turnSummary(scenario, r);
            // A call for an answer is told with the shifts; every other happening with the events.
            const summary = [...short.events, ...short.shifts].join(' ');
            for (const f of h.all) {
              for (const words of namedIn(f, scenario)) {
                expect(csv).toContain(words);
                expect(points).toContain(words);
                if (f.type !== 'shift-occurred' && f.type !== 'shift-settled' && f.type !== 'call-answered')
                  expect(summary).toContain(words);
              }
            }
          }
        }
      }
    }
    expect(told).toBeGreaterThan(100);
  });
});
