import type { ActionDef } from '../../engine';
import { cardIndexForKey } from '../panels/cards';

/** What the play screen's keys do. */
export interface PlayKeyActions {
  /** A dialog of the turn (the member picker, the hand-in) has the keys while it is open. */
  dialogOpen(): boolean;
  /** The cards on offer this turn, in the order the digit keys pick them. */
  offered(): readonly ActionDef[];
  pick(def: ActionDef): void;
  endTurn(): void;
  undo(): void;
}

/**
 * The turn's keys: 1–9 and 0 (with Shift, the rest) pick cards, Backspace undoes, and Enter
 * ends the turn when no control has focus. Returns true when the key was used.
 */
export function playKeys(actions: PlayKeyActions): (e: KeyboardEvent) => boolean {
  return (e) => {
    if (actions.dialogOpen() || e.ctrlKey || e.metaKey || e.altKey) return false;
    const target = e.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable]');
    if (typing) return false;
    const i = cardIndexForKey(e);
    if (i >= 0) {
      const def = actions.offered()[i];
      if (def) actions.pick(def);
      return true;
    }
    // Enter ends the turn only when no control has focus: on a control it does what that control says.
    if (e.key === 'Enter' && !target?.closest('button, a, summary, details, [role="button"], [tabindex="0"]')) {
      actions.endTurn();
      return true;
    }
    if (e.key === 'Backspace') {
      actions.undo();
      return true;
    }
    return false;
  };
}
