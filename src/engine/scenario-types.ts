import type { Regime } from './state-types';
import type { Vars, VarName } from './variables';

// Traits change how one member reacts to particular actions (see members.ts).
export const TRAITS = ['ambitious', 'steady', 'creative', 'anxious', 'independent', 'social'] as const;
// A member's trait, which makes them like some cards and dislike others.
export type Trait = (typeof TRAITS)[number];

// How hard a scenario is meant to be: the balance report's bands depend on it.
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
// One of DIFFICULTIES.
export type Difficulty = (typeof DIFFICULTIES)[number];

// Counts a condition may test besides the variables.
export const STATS = ['members-lost', 'momentum-turns', 'leadership', 'management'] as const;
// One of STATS: a count a condition may test.
export type Stat = (typeof STATS)[number];

interface MemberDef {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly traits: readonly Trait[];
  readonly skill: number;
  readonly morale: number;
}

// Holds while the variable (or the stat) is within [atLeast, atMost]; exactly one of var and stat.
export interface Condition {
  readonly var?: VarName;
  readonly stat?: Stat;
  readonly atLeast?: number;
  readonly atMost?: number;
}

interface EventEffect {
  readonly var: VarName;
  readonly amount: number;
}

// Who an event or a shift touches on the team, and how.
export interface EventMemberEffect {
  readonly pick: 'lowest-morale' | 'highest-skill' | 'random';
  readonly morale?: number;
  readonly quits?: boolean;
}

// An event as a scenario file writes it: when it may happen, what it changes, and what answers it if it waits for an answer.
export interface EventDef {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly weight: number;
  readonly minTurn?: number;
  readonly once?: boolean;
  readonly when: readonly Condition[];
  readonly effects: readonly EventEffect[];
  // A variable that softens the losses: at 100 it takes two thirds off.
  readonly cushion?: VarName;
  readonly member?: EventMemberEffect;
  // A call for an answer, as a shift's: pulled at the end of every later turn until one of
  // `settledBy` is taken, `growth` percent harder each further turn. Only for `once` events.
  readonly pressure?: readonly EventEffect[];
  readonly growth?: number;
  readonly settledBy?: readonly string[];
}

// A change in the situation that changes what the team needs. The seed deals which shifts a game
// holds and, for each without conditions, the turn from `from` to `by` when it strikes; one with
// conditions strikes from turn `from` as soon as every condition holds, on `by` at the latest.
export interface ShiftDef {
  readonly id: string;
  readonly title: string;
  // What happened and what the team now needs: the briefing's update.
  readonly text: string;
  readonly from?: number;
  readonly by?: number;
  readonly when?: readonly Condition[];
  // Applied once, when the shift happens.
  readonly effects: readonly EventEffect[];
  // Applied at the end of every later turn until one of `settledBy` is taken.
  readonly pressure?: readonly EventEffect[];
  // Percent of the pressure added for each further turn it is left unanswered.
  readonly growth?: number;
  // The answers; a targeted one must be aimed at the member the shift touched, if any.
  readonly settledBy?: readonly string[];
  // A new time budget per turn from the next turn on.
  readonly timeBudget?: number;
  readonly member?: EventMemberEffect;
}

// One way a game can end. The first ending whose outcome, collapse flag and conditions all match
// the final state is shown, so every claim its text makes is a condition checked here.
interface EndingDef {
  readonly id: string;
  readonly outcome: Regime;
  // true: only when chaos or stagnation ended the game early; false: only at the last turn.
  readonly early?: boolean;
  readonly when?: readonly Condition[];
  readonly text: string;
}

// A whole scenario as loaded from its file: the team, the start, the cards offered, events, shifts and endings.
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly tagline: string;
  readonly briefing: string;
  readonly difficulty: Difficulty;
  readonly turns: number;
  readonly timeBudget: number;
  // Consecutive turns of chaos or stagnation that end the game early.
  readonly collapseAfter: number;
  // Percent chance that an eligible event happens in a turn.
  readonly eventChance: number;
  readonly goal: { readonly label: string; readonly visual: string };
  readonly start: Vars;
  readonly actions: readonly string[];
  readonly members: readonly MemberDef[];
  readonly events: readonly EventDef[];
  readonly shifts: readonly ShiftDef[];
  // How many of the shifts the seed deals into a game (all of them when absent).
  readonly shiftsDrawn?: number;
  // 'dealt': the seed deals the members' traits and starting morale among them (names, roles and
  // skill stay); 'fixed': every game starts with the team as written. Dealt when absent.
  readonly cast?: 'dealt' | 'fixed';
  readonly endings: readonly EndingDef[];
}
