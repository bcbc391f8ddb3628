import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/engine/causes';
import { setupOf } from '../../src/engine/create';
import { applyEvent, cushioned, drawEvent, eligible, isSetback } from '../../src/engine/events';
import type { MutableMember } from '../../src/engine/members';
import { restoreRng, seedRng } from '../../src/engine/rng';
import type { SetupEvent } from '../../src/engine/state-types';
import { div, type Vars } from '../../src/engine/variables';
import { causeSum, cond, END, game, makeScenario, mid, ok, ruleEvent, run, situation, withEvents } from './helpers';

const vars = (over: Partial<Vars> = {}): Vars => mid(over);

const rng = (seed = 'events') => restoreRng(seedRng(seed));

function members(): MutableMember[] {
  return [
    { id: 'a', morale: 60, skill: 50, status: 'engaged', low: 0 },
    { id: 'b', morale: 30, skill: 90, status: 'disengaged', low: 1 },
    { id: 'c', morale: 10, skill: 95, status: 'gone', low: 0 },
    { id: 'd', morale: 45, skill: 70, status: 'engaged', low: 0 },
  ];
}

describe('eligible', () => {
  it('requires every condition, with inclusive bounds', () => {
    const e = ruleEvent({
      id: 'e',
      when: [cond({ var: 'trust', atLeast: 40, atMost: 60 }), cond({ var: 'energy', atLeast: 0, atMost: 30 })],
    });
    expect(eligible(e, situation(vars({ trust: 40, energy: 30 })), 1, [])).toBe(true);
    expect(eligible(e, situation(vars({ trust: 60, energy: 0 })), 1, [])).toBe(true);
    expect(eligible(e, situation(vars({ trust: 39, energy: 30 })), 1, [])).toBe(false);
    expect(eligible(e, situation(vars({ trust: 61, energy: 30 })), 1, [])).toBe(false);
    expect(eligible(e, situation(vars({ trust: 50, energy: 31 })), 1, [])).toBe(false);
  });

  it('an event without conditions is always eligible', () => {
    expect(eligible(ruleEvent({ id: 'e' }), situation(vars({ morale: 0 })), 1, [])).toBe(true);
  });

  it('respects minTurn', () => {
    const e = ruleEvent({ id: 'e', minTurn: 3 });
    expect(eligible(e, situation(vars()), 2, [])).toBe(false);
    expect(eligible(e, situation(vars()), 3, [])).toBe(true);
    expect(eligible(e, situation(vars()), 9, [])).toBe(true);
  });

  it('a once event is not eligible after it fired; others are', () => {
    const once = ruleEvent({ id: 'e', once: true });
    const again = ruleEvent({ id: 'f' });
    expect(eligible(once, situation(vars()), 1, [])).toBe(true);
    expect(eligible(once, situation(vars()), 1, ['f'])).toBe(true);
    expect(eligible(once, situation(vars()), 1, ['e'])).toBe(false);
    expect(eligible(again, situation(vars()), 1, ['f'])).toBe(true);
  });

  it('reads scenario defaults: no minTurn means turn 1, missing bounds mean 0..100', () => {
    const sc = makeScenario({
      events: [
        {
          id: 'late',
          title: 'Late',
          text: 'Late.',
          weight: 4,
          once: true,
          minTurn: 3,
          when: [{ var: 'morale', atMost: 35 }],
          effects: [],
        },
        {
          id: 'plain',
          title: 'Plain',
          text: 'Plain.',
          weight: 3,
          when: [{ var: 'execution', atLeast: 50 }],
          effects: [],
        },
      ],
    });
    const [late, plain] = setupOf(sc).events as [SetupEvent, SetupEvent];
    expect(late.once).toBe(true);
    expect(eligible(late, situation(vars({ morale: 35 })), 2, [])).toBe(false);
    expect(eligible(late, situation(vars({ morale: 35 })), 3, [])).toBe(true);
    expect(eligible(late, situation(vars({ morale: 0 })), 3, [])).toBe(true);
    expect(eligible(late, situation(vars({ morale: 36 })), 3, [])).toBe(false);
    expect(eligible(late, situation(vars({ morale: 0 })), 3, ['late'])).toBe(false);
    expect(plain.minTurn).toBe(1);
    expect(plain.once).toBe(false);
    expect(plain.cushion).toBeNull();
    expect(plain.member).toBeNull();
    expect(eligible(plain, situation(vars({ execution: 100 })), 1, [])).toBe(true);
    expect(eligible(plain, situation(vars({ execution: 49 })), 1, [])).toBe(false);
  });

  it('can test the team and the run as well as the variables', () => {
    const team = members();
    const lost = ruleEvent({ id: 'lost', when: [cond({ stat: 'members-lost', atLeast: 1 })] });
    expect(eligible(lost, situation(vars(), { members: team }), 1, [])).toBe(true);
    expect(eligible(lost, situation(vars(), { members: team.filter((m) => m.status !== 'gone') }), 1, [])).toBe(false);
    const streak = ruleEvent({ id: 'streak', when: [cond({ stat: 'momentum-turns', atLeast: 2 })] });
    expect(eligible(streak, situation(vars(), { momentumTurns: 1 }), 1, [])).toBe(false);
    expect(eligible(streak, situation(vars(), { momentumTurns: 2 }), 1, [])).toBe(true);
  });
});

describe('drawEvent', () => {
  const a = ruleEvent({ id: 'a', weight: 3 });
  const b = ruleEvent({ id: 'b', weight: 1, when: [cond({ var: 'morale', atLeast: 0, atMost: 20 })] });

  it('never fires at 0% chance', () => {
    for (let i = 0; i < 50; i++) expect(drawEvent([a, b], 0, situation(vars()), 1, [], rng(`d${i}`))).toBeNull();
  });

  it('at 100% always fires when something is eligible, and never an ineligible event', () => {
    for (let i = 0; i < 50; i++)
      expect(drawEvent([a, b], 100, situation(vars({ morale: 50 })), 1, [], rng(`d${i}`))).toBe(a);
  });

  it('returns null when nothing is eligible', () => {
    for (let i = 0; i < 20; i++) {
      expect(drawEvent([b], 100, situation(vars({ morale: 50 })), 1, [], rng(`n${i}`))).toBeNull();
      expect(drawEvent([], 100, situation(vars()), 1, [], rng(`n${i}`))).toBeNull();
    }
  });

  it('picks among the eligible by weight', () => {
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 400; i++) {
      const e = drawEvent([a, b], 100, situation(vars({ morale: 10 })), 1, [], rng(`w${i}`));
      if (e?.id === 'a') counts.a++;
      else if (e?.id === 'b') counts.b++;
    }
    expect(counts.a + counts.b).toBe(400);
    expect(counts.b).toBeGreaterThan(40);
    expect(counts.a).toBeGreaterThan(counts.b * 2);
  });
});

describe('applyEvent', () => {
  function apply(e: SetupEvent, v: Vars, guard = 0, ms = members()) {
    const before = { ...v };
    const ledger = new Ledger();
    const r = applyEvent(e, v, ms, guard, ledger, rng());
    return { ...r, delta: (n: keyof Vars) => v[n] - before[n], causes: ledger.result(), ms };
  }

  it('applies the effects as event causes', () => {
    const r = apply(
      ruleEvent({
        id: 'x',
        effects: [
          { var: 'energy', amount: -7 },
          { var: 'progress', amount: 3 },
        ],
      }),
      vars(),
    );
    expect(r.delta('energy')).toBe(-7);
    expect(r.delta('progress')).toBe(3);
    expect(r.causes).toEqual([
      { var: 'energy', kind: 'event', source: 'x', amount: -7 },
      { var: 'progress', kind: 'event', source: 'x', amount: 3 },
    ]);
    expect(r.fact).toEqual({ type: 'event-occurred', event: 'x', member: null, cushioned: false, guarded: false });
    expect(r.guardUsed).toBe(false);
  });

  it('the cushion variable reduces losses: not at all at 0, by about two thirds at 100', () => {
    const e = ruleEvent({ id: 'x', effects: [{ var: 'execution', amount: -30 }], cushion: 'structure' });
    expect(apply(e, vars({ structure: 0 })).delta('execution')).toBe(-30);
    const full = apply(e, vars({ structure: 100 }));
    expect(full.delta('execution')).toBe(cushioned(-30, 100));
    expect(Math.abs(full.delta('execution') - -30 / 3)).toBeLessThanOrEqual(1);
    const mid = apply(e, vars({ structure: 50 })).delta('execution');
    expect(mid).toBe(cushioned(-30, 50));
    expect(mid).toBeGreaterThan(-30);
    expect(mid).toBeLessThan(full.delta('execution'));
    expect(full.fact.cushioned).toBe(true);
    expect(apply(e, vars({ structure: 0 })).fact.cushioned).toBe(true);
  });

  it('cushioned shrinks any loss toward zero, more with a higher cushion, never past zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 0 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (loss, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(cushioned(loss, 0)).toBe(loss);
          expect(cushioned(loss, lo)).toBeLessThanOrEqual(0);
          expect(cushioned(loss, lo)).toBeGreaterThanOrEqual(loss);
          expect(cushioned(loss, hi)).toBeGreaterThanOrEqual(cushioned(loss, lo));
          // Two thirds off, give or take the rounding of integer percentages.
          expect(Math.abs(cushioned(loss, 100) - loss / 3)).toBeLessThan(2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gains are never cushioned', () => {
    const e = ruleEvent({
      id: 'x',
      effects: [
        { var: 'progress', amount: 6 },
        { var: 'morale', amount: -8 },
      ],
      cushion: 'trust',
    });
    const r = apply(e, vars({ trust: 100 }));
    expect(r.delta('progress')).toBe(6);
    expect(r.delta('morale')).toBe(cushioned(-8, 100));
    const gainsOnly = apply(
      ruleEvent({ id: 'y', effects: [{ var: 'budget', amount: 8 }], cushion: 'control' }),
      vars({ control: 100 }),
    );
    expect(gainsOnly.delta('budget')).toBe(8);
    expect(gainsOnly.fact.cushioned).toBe(false);
  });

  it('the cushion is read before the effects change it', () => {
    const e = ruleEvent({
      id: 'x',
      effects: [
        { var: 'clarity', amount: -20 },
        { var: 'control', amount: -20 },
      ],
      cushion: 'clarity',
    });
    const r = apply(e, vars({ clarity: 100 }));
    expect(r.delta('clarity')).toBe(cushioned(-20, 100));
    // The second loss is cushioned by clarity as the first one left it.
    expect(r.delta('control')).toBe(cushioned(-20, 100 + r.delta('clarity')));
    expect(r.delta('control')).toBeLessThan(r.delta('clarity'));
  });

  it('a guard halves losses after the cushion, and only losses', () => {
    const e = ruleEvent({
      id: 'x',
      effects: [
        { var: 'execution', amount: -9 },
        { var: 'budget', amount: 4 },
      ],
      cushion: 'control',
    });
    const r = apply(e, vars({ control: 100 }), 1);
    expect(r.guardUsed).toBe(true);
    expect(r.fact.guarded).toBe(true);
    expect(r.delta('execution')).toBe(div(cushioned(-9, 100), 2));
    expect(r.delta('budget')).toBe(4);
    const plain = apply(ruleEvent({ id: 'y', effects: [{ var: 'execution', amount: -9 }] }), vars(), 1);
    expect(plain.delta('execution')).toBe(div(-9, 2));
  });

  it('a guard is not used by an event without losses', () => {
    const r = apply(ruleEvent({ id: 'x', effects: [{ var: 'budget', amount: 4 }] }), vars(), 2);
    expect(r.guardUsed).toBe(false);
    expect(r.fact.guarded).toBe(false);
  });

  it('touches the member with the lowest morale or the highest skill, skipping leavers', () => {
    const low = apply(ruleEvent({ id: 'x', member: { pick: 'lowest-morale', morale: -15, quits: false } }), vars());
    expect(low.fact.member).toBe('b');
    expect(low.ms.find((m) => m.id === 'b')!.morale).toBe(15);
    const high = apply(ruleEvent({ id: 'x', member: { pick: 'highest-skill', morale: 0, quits: true } }), vars());
    expect(high.fact.member).toBe('b');
    expect(high.ms.find((m) => m.id === 'b')!.status).toBe('gone');
    expect(high.ms.find((m) => m.id === 'c')!.status).toBe('gone');
    expect(high.delta('morale')).toBeLessThan(0);
    expect(causeSum(high.causes, { kind: 'member', source: 'b' })).toBeLessThan(0);
  });

  it('a random pick lands on someone still on the team', () => {
    for (let i = 0; i < 40; i++) {
      const ms = members();
      const r = applyEvent(
        ruleEvent({ id: 'x', member: { pick: 'random', morale: -1, quits: false } }),
        vars(),
        ms,
        0,
        new Ledger(),
        rng(`r${i}`),
      );
      expect(['a', 'b', 'd']).toContain(r.fact.member);
    }
  });

  it('touches nobody when everyone has left', () => {
    const ms = members().map((m) => ({ ...m, status: 'gone' as const }));
    const r = apply(ruleEvent({ id: 'x', member: { pick: 'lowest-morale', morale: -5, quits: true } }), vars(), 0, ms);
    expect(r.fact.member).toBeNull();
    expect(r.causes).toEqual([]);
  });
});

describe('events in the game', () => {
  it('a once event fires once and is remembered', () => {
    const s = withEvents(game(), [
      ruleEvent({ id: 'only-once', once: true, effects: [{ var: 'budget', amount: -3 }] }),
    ]);
    const t1 = ok(s, END);
    expect(t1.facts.some((e) => e.type === 'event-occurred' && e.event === 'only-once')).toBe(true);
    expect(t1.state.fired).toEqual(['only-once']);
    const t2 = ok(t1.state, END);
    expect(t2.facts.some((e) => e.type === 'event-occurred')).toBe(false);
    expect(t2.state.fired).toEqual(['only-once']);
  });

  it('a repeatable event fires every turn at 100% and is listed once', () => {
    const s = withEvents(game(), [ruleEvent({ id: 'again', effects: [{ var: 'budget', amount: -1 }] })]);
    const r = run(s, [END, END, END]);
    expect(r.facts.filter((e) => e.type === 'event-occurred')).toHaveLength(1);
    expect(r.state.fired).toEqual(['again']);
  });

  it('an event waits for its minTurn', () => {
    let st = withEvents(game(), [ruleEvent({ id: 'late', minTurn: 3, effects: [{ var: 'budget', amount: -1 }] })]);
    const fired: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = ok(st, END);
      if (r.facts.some((e) => e.type === 'event-occurred')) fired.push(st.turn);
      st = r.state;
    }
    expect(fired).toEqual([3, 4]);
  });

  it('at most one event per turn', () => {
    const s = withEvents(game(), [ruleEvent({ id: 'p' }), ruleEvent({ id: 'q' }), ruleEvent({ id: 'r' })]);
    let st = s;
    for (let i = 0; i < 5; i++) {
      const r = ok(st, END);
      expect(r.facts.filter((e) => e.type === 'event-occurred')).toHaveLength(1);
      st = r.state;
    }
  });
});

describe('isSetback', () => {
  it('calls an event a setback when it takes anything away, and good news only when it takes nothing', () => {
    const gain = [{ var: 'morale' as const, amount: 5 }];
    const person = (morale: number, quits = false) => ({ pick: 'random' as const, morale, quits });
    const event = (over: Partial<SetupEvent>): SetupEvent => ruleEvent({ id: 'news', effects: gain, ...over });
    expect(isSetback(event({}))).toBe(false);
    expect(isSetback(event({ effects: [...gain, { var: 'budget', amount: -1 }] }))).toBe(true);
    expect(isSetback(event({ member: person(-10) }))).toBe(true);
    expect(isSetback(event({ member: person(5, true) }))).toBe(true);
    expect(isSetback(event({ member: person(5) }))).toBe(false);
    expect(isSetback(event({ pressure: [{ var: 'clarity', amount: -2 }] }))).toBe(true);
    expect(isSetback(event({ pressure: [{ var: 'clarity', amount: 2 }] }))).toBe(false);
  });
});
