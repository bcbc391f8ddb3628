import { affordable, offeredCards, type ActionDef, type Action } from '../../engine';
import type { TurnRecord } from '../../replay/timeline';
import type { AppContext } from '../context';
import { followPace, publishRun, waitingWords } from '../live-team';
import { act, gameQuery, LAST_SCENARIO_KEY, type Session } from '../session';
import { choiceSaid, refusalSaid, turnSaid, warningWords } from './play-announcements';
import { turnDialogs } from './play-dialogs';
import { playKeys } from './play-keys';
import { gameSaver } from './play-saving';
import { playView } from './play-view';

/** The turn loop: cards, plan with undo, end turn, and why things happened. */
export function playScreen(ctx: AppContext, initial: Session): void {
  let session = initial;
  let last: TurnRecord | null = session.records[session.records.length - 1] ?? null;
  let error: string | null = null;
  const s = session.scenario;
  ctx.setQuery(gameQuery(session));
  // The picker offers the last scenario played first next time.
  ctx.store.set(LAST_SCENARIO_KEY, s.id);

  const dialogs = turnDialogs();
  const view = playView(ctx, {
    pick,
    undo,
    endTurn,
    menu: () => ctx.go({ kind: 'title' }),
    handIn: (opener) => dialogs.handIn(ctx, session, opener),
  });
  const save = gameSaver(ctx, { get: () => session, set: (next) => (session = next) });
  const render = (): void => view.draw({ session, last, error, waiting: waitingWords(session) });
  // In a live room the team's run so far reaches the facilitator: now, and after every turn.
  publishRun(ctx, session);
  ctx.onLeave(followPace(session, () => render()));

  function apply(action: Action): boolean {
    const r = act(session, action);
    if (!r.ok) {
      error = r.error.message;
      render();
      return false;
    }
    error = null;
    const before = session.state;
    if (!save(r.session)) return false;
    if (r.record) {
      last = r.record;
      publishRun(ctx, session);
      ctx.announce(turnSaid(s, r.record, session.state));
      if (session.state.over) {
        ctx.go({ kind: 'end', session });
        return true;
      }
      render();
      view.showSummary();
      return true;
    }
    const said = choiceSaid(s, action, before, session.state);
    if (said !== null) ctx.announce(said);
    render();
    return true;
  }

  function endTurn(): void {
    const waiting = waitingWords(session);
    if (waiting !== null) ctx.announce(waiting);
    else apply({ type: 'end-turn' });
  }

  function undo(): void {
    if (session.state.plan.length === 0) ctx.announce('Nothing to undo: no card is chosen this turn.');
    else apply({ type: 'undo' });
  }

  function pick(def: ActionDef): void {
    if (session.state.over) return;
    if (!affordable(session.state, def)) {
      ctx.announce(refusalSaid(def, session.state));
      return;
    }
    if (!def.targeted) {
      apply({ type: 'choose', action: def.id });
      return;
    }
    dialogs.memberPicker(def, session.state, s, (member) => apply({ type: 'choose', action: def.id, target: member }));
  }

  ctx.onKey(playKeys({ dialogOpen: dialogs.isOpen, offered: () => offeredCards(session.state), pick, endTurn, undo }));

  // A new game is saved from its first screen, so a reload finds it even before a choice. A
  // game read from storage is not written again until it changes: two tabs would echo forever.
  if (session.rev === 0 && !save(session)) return;
  render();
  if (session.state.over) ctx.go({ kind: 'end', session });
  else {
    view.focusHeading();
    const warned = warningWords(session.state);
    if (warned) ctx.announce(`Warning: ${warned}`);
  }
}
