import { freeze } from 'immer';
import { ASPECTS } from './aspects';
import { CATALOGUE } from './catalogue';
import { normalCondition } from './conditions';
import { isHigh, leadershipIndex, managementIndex, regimeOf } from './regimes';
import { restoreRng, seedRng, type Rng } from './rng';
import type { EventMemberEffect, Scenario } from './scenario-types';
import type { DealtShift, GameState, Setup, SetupMemberEffect } from './state-types';
import { orderedVars } from './variables';

function memberEffect(m: EventMemberEffect | undefined): SetupMemberEffect | null {
  return m ? { pick: m.pick, morale: m.morale ?? 0, quits: m.quits ?? false } : null;
}

const effectsOf = (list: readonly { var: Setup['events'][number]['effects'][number]['var']; amount: number }[]) =>
  list.map((x) => ({ var: x.var, amount: x.amount }));

// The prose-free part of a scenario that the rules read, in a fixed key order.
export function setupOf(s: Scenario): Setup {
  return {
    scenario: s.id,
    turns: s.turns,
    timeBudget: s.timeBudget,
    collapseAfter: s.collapseAfter,
    eventChance: s.eventChance,
    actions: [...s.actions],
    traits: s.members.map((m) => [...m.traits]),
    morale: s.members.map((m) => m.morale),
    dealt: (s.cast ?? 'dealt') === 'dealt',
    shiftsDrawn: Math.min(s.shiftsDrawn ?? s.shifts.length, s.shifts.length),
    events: s.events.map((e) => ({
      id: e.id,
      weight: e.weight,
      minTurn: e.minTurn ?? 1,
      once: e.once ?? false,
      when: e.when.map(normalCondition),
      effects: effectsOf(e.effects),
      cushion: e.cushion ?? null,
      member: memberEffect(e.member),
      pressure: effectsOf(e.pressure ?? []),
      growth: e.growth ?? 0,
      settledBy: [...(e.settledBy ?? [])],
    })),
    shifts: s.shifts.map((x) => ({
      id: x.id,
      from: x.from ?? 1,
      // Without conditions a shift happens on its `from` turn; with them, never by force unless `by` says.
      by: x.by ?? ((x.when ?? []).length > 0 ? s.turns + 1 : (x.from ?? 1)),
      when: (x.when ?? []).map(normalCondition),
      effects: effectsOf(x.effects),
      pressure: effectsOf(x.pressure ?? []),
      growth: x.growth ?? 0,
      settledBy: [...(x.settledBy ?? [])],
      timeBudget: x.timeBudget ?? null,
      member: memberEffect(x.member),
    })),
    endings: s.endings.map((e) => ({
      id: e.id,
      outcome: e.outcome,
      early: e.early ?? null,
      when: (e.when ?? []).map(normalCondition),
    })),
  };
}

// One frozen setup per scenario object: every game of a scenario shares it, so a batch neither
// rebuilds nor re-freezes it, and its serialization is cached once for fingerprints.
const setups = new WeakMap<Scenario, Setup>();

function frozenSetup(scenario: Scenario): Setup {
  let setup = setups.get(scenario);
  if (setup === undefined) {
    setup = freeze(setupOf(scenario), true);
    setups.set(scenario, setup);
    plainCopies.set(setup, setupOf(scenario));
  }
  return setup;
}

// V8 reads the elements of a frozen array several times slower than a plain one's, and the
// rules loop over the setup's lists at every step: they read a plain copy of a setup made
// here, which never changes because the setup it copies cannot. Any other setup is read as is.
const plainCopies = new WeakMap<Setup, Setup>();

// The copy of a setup the rules read (a plain one when the setup is frozen): the same values.
export function plainSetup(setup: Setup): Setup {
  return plainCopies.get(setup) ?? setup;
}

// The actions a setup offers, as a set: every choice is checked against them.
const offeredSets = new WeakMap<Setup, ReadonlySet<string>>();

// The cards a setup offers, as a set: every choice is checked against it.
export function offered(setup: Setup): ReadonlySet<string> {
  let set = offeredSets.get(setup);
  if (set === undefined) {
    set = new Set(setup.actions);
    offeredSets.set(setup, set);
  }
  return set;
}

// The seed's deal, drawn before the first turn from the game's own generator: which member plays
// which profile, which shifts the game holds and when each strikes at the latest.
function deal(setup: Setup, rng: Rng): { cast: number[]; situations: DealtShift[] } {
  const cast = setup.traits.map((_, i) => i);
  if (setup.dealt) {
    for (let i = cast.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [cast[i], cast[j]] = [cast[j]!, cast[i]!];
    }
  }
  // A partial shuffle of the shifts' places picks which are dealt; they keep the setup's order.
  // Dealing every shift draws nothing.
  const order = setup.shifts.map((_, i) => i);
  for (let i = 0; i < setup.shiftsDrawn && setup.shiftsDrawn < order.length; i++) {
    const j = i + rng.int(order.length - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const picked = order.slice(0, setup.shiftsDrawn).sort((a, b) => a - b);
  const situations = picked.map((i) => {
    const x = setup.shifts[i]!;
    // A shift with conditions strikes by the state, on `by` at the latest: it has no turn to draw.
    const turn = x.when.length > 0 || x.by > setup.turns ? x.by : x.from + rng.int(x.by - x.from + 1);
    return { shift: x.id, turn, member: null };
  });
  return { cast, situations };
}

// A new game: the scenario's starting state with a generator seeded from any string.
export function createGame(scenario: Scenario, seed: string): GameState {
  const vars = orderedVars(scenario.start);
  const setup = frozenSetup(scenario);
  const rng = restoreRng(seedRng(seed));
  const { cast, situations } = deal(setup, rng);
  const l = leadershipIndex(vars);
  const m = managementIndex(vars);
  const lHigh = isHigh(l, false);
  const mHigh = isHigh(m, false);
  return {
    // Frozen: shared by every later state, and its serialization is cached for fingerprints.
    setup,
    turn: 1,
    time: scenario.timeBudget,
    budget: scenario.timeBudget,
    plan: [],
    vars,
    members: scenario.members.map((x, i) => ({
      id: x.id,
      morale: setup.morale[cast[i]!]!,
      skill: x.skill,
      status: 'engaged',
      low: 0,
    })),
    cast,
    situations,
    calls: [],
    pending: [],
    heat: CATALOGUE.map(() => 0),
    profile: { lead: ASPECTS.map(() => 0), manage: ASPECTS.map(() => 0) },
    guard: 0,
    l,
    m,
    lHigh,
    mHigh,
    regime: regimeOf(lHigh, mHigh),
    streak: 0,
    momentumTurns: 0,
    fired: [],
    shifted: [],
    settled: [],
    rng: rng.state(),
    over: false,
    early: false,
    ending: null,
    score: 0,
  };
}
