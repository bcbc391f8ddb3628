import type { Vars, VarName } from './variables';

// Traits change how one member reacts to particular actions (see members.ts).
export const TRAITS = ['ambitious', 'steady', 'creative', 'anxious', 'independent', 'social'] as const;
export type Trait = (typeof TRAITS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface MemberDef {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly traits: readonly Trait[];
  readonly skill: number;
  readonly morale: number;
}

// An event is possible only while every condition holds.
export interface EventCondition {
  readonly var: VarName;
  readonly atLeast?: number;
  readonly atMost?: number;
}

export interface EventEffect {
  readonly var: VarName;
  readonly amount: number;
}

// Who an event touches on the team, and how.
export interface EventMemberEffect {
  readonly pick: 'lowest-morale' | 'highest-skill' | 'random';
  readonly morale?: number;
  readonly quits?: boolean;
}

export interface EventDef {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly weight: number;
  readonly minTurn?: number;
  readonly once?: boolean;
  readonly when: readonly EventCondition[];
  readonly effects: readonly EventEffect[];
  // A variable that softens the losses: at 100 it halves them.
  readonly cushion?: VarName;
  readonly member?: EventMemberEffect;
}

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
  readonly endings: Readonly<Record<'momentum' | 'chaos' | 'stagnation' | 'drift', string>>;
}
