import type { GameState, MemberState, PendingEffect } from './state-types';
import type { Vars } from './variables';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// A turn's private working copy: everything a turn may change, copied; the setup, shared.
// The lists of ids a turn seldom changes stay shared and are replaced when one is added.
export interface Draft extends Omit<Mutable<GameState>, 'vars' | 'members' | 'pending' | 'heat' | 'profile'> {
  vars: Vars;
  members: Mutable<MemberState>[];
  pending: PendingEffect[];
  heat: number[];
  profile: { lead: number[]; manage: number[] };
}

// Every field of a state, shared, in one object literal: a spread of this many keys costs
// several times as much, and steps copy a state at every choice.
export function copyState(s: GameState): Mutable<GameState> {
  return {
    setup: s.setup,
    turn: s.turn,
    time: s.time,
    budget: s.budget,
    plan: s.plan,
    vars: s.vars,
    members: s.members,
    cast: s.cast,
    situations: s.situations,
    calls: s.calls,
    pending: s.pending,
    heat: s.heat,
    profile: s.profile,
    guard: s.guard,
    l: s.l,
    m: s.m,
    lHigh: s.lHigh,
    mHigh: s.mHigh,
    regime: s.regime,
    streak: s.streak,
    momentumTurns: s.momentumTurns,
    fired: s.fired,
    shifted: s.shifted,
    settled: s.settled,
    rng: s.rng,
    over: s.over,
    early: s.early,
    ending: s.ending,
    score: s.score,
  };
}

// The same state with other dice: how a search player imagines a turn ending without reading
// the game's own seeded future.
export function withRng(s: GameState, rng: GameState['rng']): GameState {
  const next = copyState(s);
  next.rng = rng;
  return next;
}

// Copies the state so a turn can be resolved by plain assignment without touching the input:
// the parts a turn changes in place are copied, the rest shared.
export function draftOf(s: GameState): Draft {
  const d = copyState(s) as Draft;
  d.vars = copyVars(s.vars);
  d.members = s.members.map(copyMember);
  d.pending = s.pending.slice();
  d.heat = s.heat.slice();
  d.profile = { lead: s.profile.lead.slice(), manage: s.profile.manage.slice() };
  return d;
}

// Field by field in the state's key order, like copyState: cheaper than a spread, every turn.
function copyVars(v: Vars): Vars {
  return {
    morale: v.morale,
    execution: v.execution,
    innovation: v.innovation,
    trust: v.trust,
    clarity: v.clarity,
    structure: v.structure,
    control: v.control,
    energy: v.energy,
    progress: v.progress,
    budget: v.budget,
  };
}

function copyMember(m: MemberState): Mutable<MemberState> {
  return { id: m.id, morale: m.morale, skill: m.skill, status: m.status, low: m.low };
}
