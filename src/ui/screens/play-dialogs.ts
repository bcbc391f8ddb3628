import type { ActionDef, GameState, Scenario } from '../../engine';
import type { AppContext } from '../context';
import { openHandIn } from '../panels/hand-in';
import { openMemberPicker } from '../panels/member-picker';
import type { Session } from '../session';

/**
 * The turn's dialogs, the member picker and the hand-in: while one is open the screen's keys
 * wait, and closing it gives focus back to what opened it.
 */
export function turnDialogs(): {
  isOpen(): boolean;
  memberPicker(def: ActionDef, state: GameState, s: Scenario, onChoose: (member: string) => void): void;
  handIn(ctx: AppContext, session: Session, opener: HTMLElement): void;
} {
  let open = false;
  const opened = (opener: HTMLElement | null): (() => void) => {
    open = true;
    return () => {
      open = false;
      if (opener?.isConnected) opener.focus();
    };
  };
  return {
    isOpen: () => open,
    memberPicker(def, state, s, onChoose) {
      openMemberPicker(def, state, s, onChoose, opened(document.activeElement as HTMLElement | null));
    },
    handIn(ctx, session, opener) {
      // Back on End turn, not on "Hand in progress": the game's Enter then ends the turn, as
      // everywhere else, rather than opening the hand-in again.
      const endTurn = ctx.root.querySelector<HTMLButtonElement>('[data-testid="end-turn"]:not(:disabled)');
      openHandIn(ctx, session, opened(endTurn ?? opener));
    },
  };
}
