import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/engine';
import { policyByName } from '../../src/bots/by-name';
import { playGame } from '../../src/bots/run';
import { timeline } from '../../src/replay/timeline';
import { happeningsOf, worldViewOf } from '../../src/ui/world-view';
import { choicesOf, entry } from '../replay/support';

const MARKED = new Set(['event-occurred', 'member-quit', 'shift-occurred', 'shift-settled', 'call-answered']);

describe('the world view of a turn', () => {
  it('marks every event, leaver, shift and answer (to a shift or a call) of a turn, in order, three banners at most', () => {
    let seen = 0;
    let crowded = 0;
    for (const id of ['first-team', 'stagnant-giant', 'idea-factory', 'build-the-house', 'producers-to-leaders']) {
      const { scenario } = entry(id);
      for (const policy of ['random', 'lead-only', 'balanced']) {
        for (let k = 0; k < 12; k++) {
          const seed = `world-${policy}-${k}`;
          const run = playGame(scenario, seed, policyByName(policy)!);
          for (const r of timeline(
            scenario,
            seed,
            choicesOf(run).map((actions, i) => ({ turn: i + 1, actions })),
          )) {
            const marked = r.facts.filter((f) => MARKED.has(f.type));
            const view = worldViewOf(scenario, r.after, r);
            const got = view.happenings;
            expect(view.moment).toBe(r.turn);
            seen += marked.length;
            if (marked.length <= 3) {
              expect(got.map((h) => h.kind)).toEqual(marked.map(kindOf));
            } else {
              crowded++;
              expect(got.map((h) => h.kind)).toEqual([...marked.slice(0, 2).map(kindOf), 'more']);
              expect(got[2]!.text).toContain(`${marked.length - 2} more`);
            }
            for (const [i, f] of marked.slice(0, 3).entries()) {
              if (f.type === 'member-quit' || (f.type === 'event-occurred' && f.member)) {
                if (got[i]!.kind !== 'more') expect(got[i]!.member).toBe(f.member);
              }
            }
          }
        }
      }
    }
    // The sample must hold happenings of every kind to mean anything.
    expect(seen).toBeGreaterThan(50);
    console.log(`world view: ${seen} happenings, ${crowded} crowded turns`);
  });

  it('tells setbacks from good news by the event’s effects', () => {
    const { scenario } = entry('build-the-house');
    const fact = (event: string): Fact => ({
      type: 'event-occurred',
      event,
      member: null,
      cushioned: false,
      guarded: false,
    });
    const [good, bad, quit] = happeningsOf(scenario, [fact('inspection-passed'), fact('storm')]).concat(
      happeningsOf(scenario, [{ type: 'member-quit', member: scenario.members[0]!.id }]),
    );
    expect(good).toMatchObject({ kind: 'event', hurts: false });
    expect(bad).toMatchObject({ kind: 'event', hurts: true });
    expect(quit).toMatchObject({ kind: 'left', hurts: true, member: scenario.members[0]!.id });
    expect(quit!.text).toContain(scenario.members[0]!.name);
  });

  it('folds a crowded turn into two banners and a count of the rest', () => {
    const { scenario } = entry('build-the-house');
    const ids = ['storm', 'late-delivery', 'inspection-passed', 'client-changes-mind', 'inspection-failed'];
    const facts = ids.map((event): Fact => ({
      type: 'event-occurred',
      event,
      member: null,
      cushioned: false,
      guarded: false,
    }));
    const got = happeningsOf(scenario, facts);
    expect(got.map((h) => h.kind)).toEqual(['event', 'event', 'more']);
    expect(got[2]!.text).toContain('3 more');
    expect(happeningsOf(scenario, facts.slice(0, 3)).map((h) => h.kind)).toEqual(['event', 'event', 'event']);
  });

  it('shows nothing before the first turn', () => {
    const { scenario } = entry('first-team');
    const run = playGame(scenario, 's', policyByName('random')!);
    const [first] = timeline(
      scenario,
      's',
      choicesOf(run).map((actions, i) => ({ turn: i + 1, actions })),
    );
    expect(worldViewOf(scenario, first!.before)).toMatchObject({ happenings: [], moment: 0 });
  });
});

function kindOf(f: Fact): string {
  if (f.type === 'event-occurred') return 'event';
  if (f.type === 'member-quit') return 'left';
  if (f.type === 'shift-occurred') return 'shift';
  return 'answered';
}
