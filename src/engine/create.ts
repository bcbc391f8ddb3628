import { freeze } from 'immer';
import { ASPECTS } from './aspects';
import { CATALOGUE } from './catalogue';
import { isHigh, leadershipIndex, managementIndex, regimeOf } from './regimes';
import { seedRng } from './rng';
import type { Scenario } from './scenario-types';
import type { GameState, Setup } from './state-types';
import { orderedVars } from './variables';

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
    events: s.events.map((e) => ({
      id: e.id,
      weight: e.weight,
      minTurn: e.minTurn ?? 1,
      once: e.once ?? false,
      when: e.when.map((c) => ({ var: c.var, atLeast: c.atLeast ?? 0, atMost: c.atMost ?? 100 })),
      effects: e.effects.map((x) => ({ var: x.var, amount: x.amount })),
      cushion: e.cushion ?? null,
      member: e.member ? { pick: e.member.pick, morale: e.member.morale ?? 0, quits: e.member.quits ?? false } : null,
    })),
  };
}

// A new game: the scenario's starting state with a generator seeded from any string.
export function createGame(scenario: Scenario, seed: string): GameState {
  const vars = orderedVars(scenario.start);
  const l = leadershipIndex(vars);
  const m = managementIndex(vars);
  const lHigh = isHigh(l, false);
  const mHigh = isHigh(m, false);
  return {
    // Frozen: shared by every later state, and its serialization is cached for fingerprints.
    setup: freeze(setupOf(scenario), true),
    turn: 1,
    time: scenario.timeBudget,
    plan: [],
    vars,
    members: scenario.members.map((x) => ({ id: x.id, morale: x.morale, skill: x.skill, status: 'engaged' })),
    pending: [],
    usage: CATALOGUE.map(() => 0),
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
    rng: seedRng(seed),
    over: false,
    ending: null,
    score: 0,
  };
}
