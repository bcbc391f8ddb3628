/**
 * Situations drawn from the seed: which shifts a game holds and when they strike, who on the team
 * plays which traits and starting morale, pulls that grow while unanswered, answers aimed at the
 * person a shift or call touched, and events that call for an answer.
 */
import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine/create';
import { pressureAmount } from '../../src/engine/shifts';
import { traitsOf, waiting, type GameState, type ShiftDef } from '../../src/engine';
import type { EventDef } from '../../src/engine/scenario-types';
import { parseScenario } from '../../src/scenarios/parse';
import { causeSum, choose, END, makeScenario, ok, run } from './helpers';

const SEEDS = Array.from({ length: 200 }, (_, i) => `deal-${i}`);

const shift = (id: string, over: Partial<ShiftDef> = {}): ShiftDef => ({
  id,
  title: `Shift ${id}`,
  text: 'Something changed.',
  from: 3,
  by: 7,
  effects: [],
  ...over,
});

/** Ends turns without acting until the given turn has been played. */
function endUntil(s: GameState, turn: number): GameState {
  while (s.turn <= turn && !s.over) s = ok(s, END).state;
  return s;
}

describe('the deck of shifts', () => {
  const deck = makeScenario({
    turns: 10,
    collapseAfter: 10,
    shifts: ['a', 'b', 'c', 'd'].map((id) => shift(id)),
    shiftsDrawn: 2,
  });

  it('deals exactly shiftsDrawn shifts, in the scenario order, each at a turn inside its window', () => {
    for (const seed of SEEDS) {
      const g = createGame(deck, seed);
      expect(g.situations.length).toBe(2);
      const order = g.situations.map((x) => 'abcd'.indexOf(x.shift));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const x of g.situations) {
        expect(x.turn).toBeGreaterThanOrEqual(3);
        expect(x.turn).toBeLessThanOrEqual(7);
        expect(x.member).toBeNull();
      }
    }
  });

  it('lets the seed decide which shifts strike and when: every shift and every turn of the window comes up', () => {
    const dealt = new Set<string>();
    const at = new Set<number>();
    const pairs = new Set<string>();
    for (const seed of SEEDS) {
      const g = createGame(deck, seed);
      for (const x of g.situations) {
        dealt.add(x.shift);
        at.add(x.turn);
      }
      pairs.add(g.situations.map((x) => x.shift).join('+'));
    }
    expect([...dealt].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...at].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(pairs.size).toBe(6);
  });

  it('strikes a dealt shift on its drawn turn (the next, when another took that turn) and never one left out', () => {
    for (const seed of SEEDS.slice(0, 30)) {
      let s = createGame(deck, seed);
      const plan = new Map(s.situations.map((x) => [x.shift, x.turn]));
      const struck = new Map<string, number>();
      while (!s.over) {
        const turn = s.turn;
        const r = ok(s, END);
        for (const f of r.facts) if (f.type === 'shift-occurred') struck.set(f.shift, turn);
        s = r.state;
      }
      expect([...struck.keys()].sort()).toEqual([...plan.keys()].sort());
      for (const [id, turn] of struck) {
        const drawn = plan.get(id)!;
        const waited = turn === drawn + 1 && [...struck].some(([other, t]) => other !== id && t === drawn);
        expect(turn === drawn || waited, `${seed}: ${id} drawn for ${drawn}, struck on ${turn}`).toBe(true);
      }
      // The state keeps the turn each struck, which is where its pull counts from.
      expect(new Map(s.situations.map((x) => [x.shift, x.turn]))).toEqual(struck);
    }
  });

  it('deals every shift, drawing nothing for it, when shiftsDrawn is absent', () => {
    const all = makeScenario({ shifts: [shift('a'), shift('b')] });
    const fixed = makeScenario({ shifts: [shift('a'), shift('b')], cast: 'fixed' });
    const g = createGame(fixed, 'x');
    expect(createGame(all, 'x').situations.map((x) => x.shift)).toEqual(['a', 'b']);
    expect(g.situations.map((x) => x.shift)).toEqual(['a', 'b']);
  });

  it('leaves a shift with conditions to the state: it comes on `by` at the latest, with no turn drawn', () => {
    const s = makeScenario({ shifts: [shift('a', { when: [{ var: 'morale', atLeast: 101 - 1 }] })] });
    for (const seed of SEEDS.slice(0, 20)) expect(createGame(s, seed).situations[0]!.turn).toBe(7);
  });

  it('refuses a deck that deals more shifts than it has, naming the field', () => {
    const file = { ...makeScenario({ shifts: [shift('a')] }), shiftsDrawn: 2 };
    const r = parseScenario(JSON.stringify(file), 'deck.json');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.join('\n')).toMatch(
        /deck\.json: \$\.shiftsDrawn .*at most the number of shifts \(1\), found 2/,
      );
  });
});

describe('the dealt cast', () => {
  const team = makeScenario({
    members: [
      { id: 'ada', name: 'Ada', role: 'Lead', traits: ['steady'], skill: 80, morale: 30 },
      { id: 'bo', name: 'Bo', role: 'Dev', traits: ['creative'], skill: 60, morale: 50 },
      { id: 'cy', name: 'Cy', role: 'Dev', traits: ['anxious'], skill: 55, morale: 60 },
      { id: 'di', name: 'Di', role: 'Ops', traits: [], skill: 45, morale: 70 },
    ],
  });

  it('gives every member one profile of the cast, traits and starting morale together; names, roles and skill stay', () => {
    for (const seed of SEEDS) {
      const g = createGame(team, seed);
      expect([...g.cast].sort()).toEqual([0, 1, 2, 3]);
      g.members.forEach((m, i) => {
        const profile = team.members[g.cast[i]!]!;
        expect(m.id).toBe(team.members[i]!.id);
        expect(m.skill).toBe(team.members[i]!.skill);
        expect(m.morale).toBe(profile.morale);
        expect(traitsOf(g, i)).toEqual(profile.traits);
      });
    }
  });

  it('changes who is the tired one with the seed', () => {
    const tired = new Set(SEEDS.map((seed) => createGame(team, seed).members.find((m) => m.morale === 30)!.id));
    expect([...tired].sort()).toEqual(['ada', 'bo', 'cy', 'di']);
  });

  it('keeps the team as written with "cast": "fixed"', () => {
    const fixed = { ...team, cast: 'fixed' as const };
    for (const seed of SEEDS.slice(0, 20)) {
      const g = createGame(fixed, seed);
      expect(g.cast).toEqual([0, 1, 2, 3]);
      expect(g.members.map((m) => m.morale)).toEqual([30, 50, 60, 70]);
    }
  });

  it('makes the dealt traits the ones that react: a steady member dislikes a change wherever the seed put them', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const g = createGame(team, seed);
      const steady = g.cast.indexOf(0);
      const plain = g.cast.indexOf(3);
      const changed = run(g, [choose('lead-change'), END]).state.members;
      const quiet = run(g, [END]).state.members;
      const felt = (i: number) => changed[i]!.morale - quiet[i]!.morale;
      // The same turn with and without the change: the steady one takes it harder than the one without traits.
      expect(felt(steady), seed).toBeLessThanOrEqual(felt(plain) - 3);
    }
  });
});

describe('pressure that grows while unanswered', () => {
  it('adds `growth` percent of the first pull for each further turn', () => {
    expect([1, 2, 3, 4].map((open) => pressureAmount(-4, 50, open))).toEqual([-4, -6, -8, -10]);
    expect([1, 2, 3].map((open) => pressureAmount(-3, 0, open))).toEqual([-3, -3, -3]);
    expect(pressureAmount(-5, 100, 3)).toBe(-15);
  });

  it('pulls harder each turn until answered, then stops', () => {
    const sc = makeScenario({
      turns: 10,
      collapseAfter: 10,
      shifts: [
        shift('slip', {
          from: 2,
          by: 2,
          pressure: [{ var: 'control', amount: -4 }],
          growth: 50,
          settledBy: ['make-plan'],
        }),
      ],
    });
    let s = endUntil(createGame(sc, 'grow'), 2);
    const pulls: number[] = [];
    for (let t = 0; t < 3; t++) {
      const r = ok(s, END);
      pulls.push(causeSum(r.causes, { kind: 'shift', source: 'slip', var: 'control' }));
      s = r.state;
    }
    expect(pulls).toEqual([-4, -6, -8]);
    const answered = run(s, [choose('make-plan'), END]);
    expect(causeSum(answered.causes, { kind: 'shift', source: 'slip' })).toBe(0);
    expect(answered.facts).toContainEqual({ type: 'shift-settled', shift: 'slip', action: 'make-plan' });
  });
});

describe('answers aimed at the person a shift touched', () => {
  const sc = makeScenario({
    turns: 10,
    collapseAfter: 10,
    cast: 'fixed',
    shifts: [
      shift('crisis', {
        from: 2,
        by: 2,
        member: { pick: 'highest-skill', morale: -20 },
        pressure: [{ var: 'morale', amount: -2 }],
        settledBy: ['coach'],
      }),
    ],
    members: ['ada', 'bo', 'cy', 'di'].map((id, i) => ({
      id,
      name: id.toUpperCase(),
      role: 'Tester',
      traits: [],
      skill: 80 - 10 * i,
      morale: 60,
    })),
  });

  it('names the touched member as the one to aim at, and settles only when aimed at them', () => {
    const s = endUntil(createGame(sc, 'aim'), 2);
    expect(s.situations[0]!.member).toBe('ada');
    expect(waiting(s)).toEqual([{ kind: 'shift', id: 'crisis', turn: 2, settledBy: ['coach'], member: 'ada' }]);
    const wrong = run(s, [choose('coach', 'bo'), END]);
    expect(wrong.state.settled).toEqual([]);
    const right = run(s, [choose('coach', 'ada'), END]);
    expect(right.state.settled).toEqual(['crisis']);
    expect(waiting(right.state)).toEqual([]);
  });

  it('takes any aim once the touched member has left', () => {
    const s = endUntil(createGame(sc, 'aim'), 2);
    const gone: GameState = { ...s, members: s.members.map((m) => (m.id === 'ada' ? { ...m, status: 'gone' } : m)) };
    expect(waiting(gone)[0]!.member).toBeNull();
    expect(run(gone, [choose('coach', 'bo'), END]).state.settled).toEqual(['crisis']);
  });
});

describe('events that call for an answer', () => {
  const call: EventDef = {
    id: 'price-rise',
    title: 'Prices rise',
    text: 'Materials cost more.',
    weight: 1,
    once: true,
    when: [],
    effects: [],
    pressure: [{ var: 'budget', amount: -3 }],
    growth: 100,
    settledBy: ['set-budget', 'streamline'],
  };
  const sc = makeScenario({ turns: 10, collapseAfter: 10, eventChance: 100, events: [call] });

  it('opens a call when it happens, pulls each later turn harder, and an answer closes it', () => {
    let s = createGame(sc, 'call');
    const first = ok(s, END);
    expect(first.facts.some((f) => f.type === 'event-occurred' && f.event === 'price-rise')).toBe(true);
    expect(first.state.calls).toEqual([{ event: 'price-rise', turn: 1, member: null, open: true }]);
    expect(causeSum(first.causes, { kind: 'event', source: 'price-rise' })).toBe(0);
    s = first.state;
    const pulls: number[] = [];
    for (let t = 0; t < 2; t++) {
      const r = ok(s, END);
      pulls.push(causeSum(r.causes, { kind: 'event', source: 'price-rise', var: 'budget' }));
      s = r.state;
    }
    expect(pulls).toEqual([-3, -6]);
    expect(waiting(s).filter((w) => w.kind === 'call')).toEqual([
      { kind: 'call', id: 'price-rise', turn: 1, settledBy: ['set-budget', 'streamline'], member: null },
    ]);
    const answered = run(s, [choose('streamline'), END]);
    expect(answered.facts).toContainEqual({ type: 'call-answered', event: 'price-rise', action: 'streamline' });
    expect(causeSum(answered.causes, { kind: 'event', source: 'price-rise' })).toBe(0);
    expect(answered.state.calls[0]!.open).toBe(false);
    expect(waiting(answered.state).filter((w) => w.kind === 'call')).toEqual([]);
  });

  it('is refused in a file unless the event happens at most once, with the path named', () => {
    const file = makeScenario({ events: [{ ...call, once: false }] });
    const r = parseScenario(JSON.stringify(file), 'calls.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/calls\.json: \$\.events\[0\]\.once .*expected "once": true/);
  });
});
