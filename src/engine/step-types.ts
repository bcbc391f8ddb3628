import type { CallAnswered } from './calls';
import type { Cause } from './causes';
import type { EventFact } from './events';
import type { MemberFact } from './members';
import type { ShiftFact } from './shifts';
import type { GameState, Regime } from './state-types';

// What the player can do: choose an action, take back the last choice, or end the turn.
export type Action =
  | { readonly type: 'choose'; readonly action: string; readonly target?: string }
  | { readonly type: 'undo' }
  | { readonly type: 'end-turn' };

// Facts about what happened, in the order it happened; the UI animates and narrates them.
export type Fact =
  | { readonly type: 'action-chosen'; readonly action: string; readonly target: string | null }
  | { readonly type: 'choice-undone'; readonly action: string; readonly target: string | null }
  | {
      readonly type: 'action-resolved';
      readonly action: string;
      readonly target: string | null;
      // Percent of full effect after diminishing returns.
      readonly strength: number;
      // For a calculated risk: whether it paid off.
      readonly success: boolean | null;
      // Whose morale the card moved through their traits, and by how much, in team order.
      readonly reactions: readonly { readonly member: string; readonly amount: number }[];
    }
  | { readonly type: 'delayed-effect-landed'; readonly action: string }
  | EventFact
  | ShiftFact
  | CallAnswered
  | MemberFact
  | {
      readonly type: 'turn-ended';
      readonly turn: number;
      readonly l: number;
      readonly m: number;
      readonly regime: Regime;
    }
  | { readonly type: 'regime-changed'; readonly from: Regime; readonly to: Regime }
  | {
      readonly type: 'game-ended';
      readonly outcome: Regime;
      readonly ending: string;
      readonly early: boolean;
      readonly score: number;
    };

// Why step refused an action, as a code a program can test.
export type StepErrorCode =
  | 'malformed-action'
  | 'game-over'
  | 'unknown-action'
  | 'unavailable-action'
  | 'not-enough-time'
  | 'target-required'
  | 'target-not-allowed'
  | 'unknown-target'
  | 'nothing-to-undo';

// A refused action: its code and one sentence for a person.
export interface StepError {
  readonly code: StepErrorCode;
  readonly message: string;
}

// What step gives: the next state with the facts and causes of the move, or the error.
export type StepResult =
  | {
      readonly ok: true;
      readonly state: GameState;
      readonly facts: readonly Fact[];
      readonly causes: readonly Cause[];
    }
  | { readonly ok: false; readonly error: StepError };
