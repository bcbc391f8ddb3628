import type { Side } from './aspects';
import type { Stat, Trait } from './scenario-types';
import type { VarName, Vars } from './variables';

// The four regimes, in the order the game lists them.
export const REGIMES = ['momentum', 'chaos', 'stagnation', 'drift'] as const;
// Where the team stands: momentum, chaos, stagnation or drift.
export type Regime = (typeof REGIMES)[number];

// Whether a member is engaged, disengaged or gone.
export type MemberStatus = 'engaged' | 'disengaged' | 'gone';

// A member's state: morale, skill, status, and how long they have been disengaged.
export interface MemberState {
  readonly id: string;
  readonly morale: number;
  readonly skill: number;
  readonly status: MemberStatus;
  // Consecutive turns ended disengaged: the longer, the likelier they leave.
  readonly low: number;
}

// A choice made this turn and not yet resolved; it can still be undone.
export interface Choice {
  readonly action: string;
  readonly target?: string;
}

// An effect a card promised for a later turn (a delayed pay-off), with the turn it lands.
export interface PendingEffect {
  readonly due: number;
  readonly var: VarName;
  readonly amount: number;
  readonly source: string;
}

// A condition in the form the rules test: a variable or a stat, with both bounds filled in.
export interface SetupCondition {
  readonly var: VarName | null;
  readonly stat: Stat | null;
  readonly atLeast: number;
  readonly atMost: number;
}

// What an event does to one member: whom it picks, the morale it moves, whether they quit.
export interface SetupMemberEffect {
  readonly pick: 'lowest-morale' | 'highest-skill' | 'random';
  readonly morale: number;
  readonly quits: boolean;
}

// An event as the rules hold it, with every default filled in.
export interface SetupEvent {
  readonly id: string;
  readonly weight: number;
  readonly minTurn: number;
  readonly once: boolean;
  readonly when: readonly SetupCondition[];
  readonly effects: readonly { readonly var: VarName; readonly amount: number }[];
  readonly cushion: VarName | null;
  readonly member: SetupMemberEffect | null;
  readonly pressure: readonly { readonly var: VarName; readonly amount: number }[];
  readonly growth: number;
  readonly settledBy: readonly string[];
}

// A shift as the rules hold it: the turns it may strike, what it changes and what answers it.
export interface SetupShift {
  readonly id: string;
  readonly from: number;
  readonly by: number;
  readonly when: readonly SetupCondition[];
  readonly effects: readonly { readonly var: VarName; readonly amount: number }[];
  readonly pressure: readonly { readonly var: VarName; readonly amount: number }[];
  readonly growth: number;
  readonly settledBy: readonly string[];
  readonly timeBudget: number | null;
  readonly member: SetupMemberEffect | null;
}

// An ending as the rules hold it: the outcome and conditions it needs, and its words.
export interface SetupEnding {
  readonly id: string;
  readonly outcome: Regime;
  readonly early: boolean | null;
  readonly when: readonly SetupCondition[];
}

// The parts of a scenario the rules read, copied into the state so a step needs nothing else.
export interface Setup {
  readonly scenario: string;
  readonly turns: number;
  readonly timeBudget: number;
  readonly collapseAfter: number;
  readonly eventChance: number;
  readonly actions: readonly string[];
  // Each member profile's traits and starting morale, in the scenario's order; the seed deals
  // the profiles among the members when `dealt`.
  readonly traits: readonly (readonly Trait[])[];
  readonly morale: readonly number[];
  readonly dealt: boolean;
  readonly shiftsDrawn: number;
  readonly events: readonly SetupEvent[];
  readonly shifts: readonly SetupShift[];
  readonly endings: readonly SetupEnding[];
}

// The alea generator's state as integers: s0..s2 scaled by 2^32, c as is.
export interface RngState {
  readonly c: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}

// A shift the seed dealt into this game: the turn it strikes at the latest (turns + 1: only by its
// conditions), replaced by the turn it struck, and the member it touched then.
export interface DealtShift {
  readonly shift: string;
  readonly turn: number;
  readonly member: string | null;
}

// An event that called for an answer: the turn it happened, whom it touched, and whether it is
// still waiting for its answer.
export interface Call {
  readonly event: string;
  readonly turn: number;
  readonly member: string | null;
  readonly open: boolean;
}

// Everything a game is at one moment, integers only, the generator included: the same state always plays on the same way.
export interface GameState {
  readonly setup: Setup;
  // 1-based number of the turn being played; turns + 1 once a full game is over.
  readonly turn: number;
  // Time left this turn, and the whole budget of a turn (a shift can change it).
  readonly time: number;
  readonly budget: number;
  readonly plan: readonly Choice[];
  readonly vars: Vars;
  readonly members: readonly MemberState[];
  // The member profile each member plays, by index into the setup's traits and morale.
  readonly cast: readonly number[];
  // The shifts dealt into this game, in the setup's order.
  readonly situations: readonly DealtShift[];
  // The events so far that called for an answer, in the order they happened.
  readonly calls: readonly Call[];
  readonly pending: readonly PendingEffect[];
  // Recent use per catalogue action: 100 a use, cooling by a third each turn. Strength follows it.
  readonly heat: readonly number[];
  // Time spent per aspect, leadership then management, in ASPECTS order.
  readonly profile: { readonly lead: readonly number[]; readonly manage: readonly number[] };
  // Setbacks still to be softened by earlier risk mitigation.
  readonly guard: number;
  readonly l: number;
  readonly m: number;
  readonly lHigh: boolean;
  readonly mHigh: boolean;
  readonly regime: Regime;
  // Consecutive resolved turns that ended in the current regime.
  readonly streak: number;
  readonly momentumTurns: number;
  readonly fired: readonly string[];
  // Shifts that have happened, and those of them whose pressure the team has answered.
  readonly shifted: readonly string[];
  readonly settled: readonly string[];
  readonly rng: RngState;
  readonly over: boolean;
  // Whether chaos or stagnation ended the game before its last turn.
  readonly early: boolean;
  readonly ending: string | null;
  readonly score: number;
}

export type { Side };
