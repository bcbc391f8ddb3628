import type { GameState, MemberState, PendingEffect } from './state-types';
import type { Vars } from './variables';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// A turn's private working copy: everything a turn may change, copied; the setup, shared.
export interface Draft extends Omit<
  Mutable<GameState>,
  'vars' | 'members' | 'pending' | 'heat' | 'profile' | 'fired' | 'shifted' | 'settled'
> {
  vars: Vars;
  members: Mutable<MemberState>[];
  pending: PendingEffect[];
  heat: number[];
  profile: { lead: number[]; manage: number[] };
  fired: string[];
  shifted: string[];
  settled: string[];
}

// Copies the state so a turn can be resolved by plain assignment without touching the input.
// Hand-written because a general copy-on-write proxy costs several times the turn itself.
export function draftOf(s: GameState): Draft {
  return {
    setup: s.setup,
    turn: s.turn,
    time: s.time,
    budget: s.budget,
    plan: s.plan,
    vars: { ...s.vars },
    members: s.members.map((m) => ({ ...m })),
    pending: s.pending.slice(),
    heat: s.heat.slice(),
    profile: { lead: s.profile.lead.slice(), manage: s.profile.manage.slice() },
    guard: s.guard,
    l: s.l,
    m: s.m,
    lHigh: s.lHigh,
    mHigh: s.mHigh,
    regime: s.regime,
    streak: s.streak,
    momentumTurns: s.momentumTurns,
    fired: s.fired.slice(),
    shifted: s.shifted.slice(),
    settled: s.settled.slice(),
    rng: s.rng,
    over: s.over,
    early: s.early,
    ending: s.ending,
    score: s.score,
  };
}
