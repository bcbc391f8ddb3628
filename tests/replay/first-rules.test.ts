import { describe, expect, it } from 'vitest';
import { DYNAMICS, traitReaction, traitsOf } from '../../src/engine';
import { firstRules } from '../../src/replay/first-rules';
import { timeline } from '../../src/replay/timeline';
import { playRecorded } from './support';

describe('firstRules', () => {
  it('announce rising expectations and a cushion once each, on the turn each first acts, over many games', () => {
    let expectations = 0;
    let cushions = 0;
    for (const id of ['first-team', 'idea-factory', 'stagnant-giant', 'build-the-house', 'producers-to-leaders']) {
      for (const policy of ['balanced', 'expert', 'random']) {
        for (const seed of ['1', '2', '3', '4']) {
          const { doc, scenario } = playRecorded(id, policy, seed);
          const records = timeline(scenario, seed, doc.turns);
          // Where each rule first acted, found from the records themselves.
          const firstExpect = records.find((r) =>
            r.changes.some((c) => c.causes.some((x) => x.source === DYNAMICS.expectations)),
          )?.turn;
          const firstCushion = records.find((r) =>
            r.facts.some(
              (f) =>
                f.type === 'event-occurred' && f.cushioned && scenario.events.find((e) => e.id === f.event)?.cushion,
            ),
          )?.turn;
          const said = records.map((r, i) => ({
            turn: r.turn,
            lines: firstRules(scenario, records.slice(0, i + 1), r),
          }));
          const where = `${id} ${policy} ${seed}`;
          expect(
            said.filter((s) => s.lines.some((l) => l.includes('rising expectations'))).map((s) => s.turn),
            where,
          ).toEqual(firstExpect === undefined ? [] : [firstExpect]);
          expect(
            said.filter((s) => s.lines.some((l) => l.startsWith('A rule at work: a cushion.'))).map((s) => s.turn),
            where,
          ).toEqual(firstCushion === undefined ? [] : [firstCushion]);
          if (firstExpect !== undefined) expectations++;
          if (firstCushion !== undefined) cushions++;
        }
      }
    }
    // Both rules acted in some of these games, so both checks above were put to work.
    expect(expectations).toBeGreaterThan(10);
    expect(cushions).toBeGreaterThan(3);
  });

  it('announce the first card that moved someone through their traits, naming each person and how much', () => {
    let announced = 0;
    for (const id of ['first-team', 'stagnant-giant', 'build-the-house']) {
      for (const policy of ['balanced', 'random', 'manage-only']) {
        for (const seed of ['1', '2', '3']) {
          const { doc, scenario } = playRecorded(id, policy, seed);
          const records = timeline(scenario, seed, doc.turns);
          // Who each card of a turn moves, from the traits the seed dealt, for those still on the team.
          const moved = (r: (typeof records)[number], action: string) =>
            scenario.members
              .map((m, i) => ({ m, i, amount: traitReaction(traitsOf(r.before, i), action) }))
              .filter((x) => x.amount !== 0 && r.before.members[x.i]!.status !== 'gone');
          const first = records.find((r) => r.choices.some((c) => moved(r, c.action).length > 0));
          const said = records.map((r, i) => ({
            turn: r.turn,
            line: firstRules(scenario, records.slice(0, i + 1), r).find((l) => l.startsWith('A rule at work: traits.')),
          }));
          const where = `${id} ${policy} ${seed}`;
          expect(
            said.filter((x) => x.line !== undefined).map((x) => x.turn),
            where,
          ).toEqual(first === undefined ? [] : [first.turn]);
          if (!first) continue;
          announced++;
          const card = first.choices.find((c) => moved(first, c.action).length > 0)!;
          const line = said.find((x) => x.turn === first.turn)!.line!;
          for (const x of moved(first, card.action)) expect(line, where).toContain(`${x.m.name} (`);
          for (const x of moved(first, card.action))
            expect(line, where).toMatch(
              new RegExp(
                `${x.amount > 0 ? 'pleased' : 'irked'} ${x.m.name} \\([a-z, ]+, morale [+−]${Math.abs(x.amount)}\\)`,
              ),
            );
        }
      }
    }
    expect(announced).toBeGreaterThan(10);
  });
});
