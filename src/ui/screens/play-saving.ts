import type { AppContext } from '../context';
import { trimResults, writeGame } from '../saves';
import { replayOf, resume, revOf, type Session } from '../session';
import { fileStem } from '../share';

/** The game a screen holds: read before each save, replaced by what the save made of it. */
interface HeldGame {
  get(): Session;
  set(session: Session): void;
}

/**
 * Saves the game of a play screen, and follows other tabs playing the same game. Returns the
 * screen's save: it saves the game, or says why it could not. A refusal keeps the game going in
 * this page and offers it as a file or code; a newer save from another tab replaces this tab's
 * game, so the tab never writes over turns it has not seen. The save returns false when this tab
 * was stale.
 */
export function gameSaver(ctx: AppContext, game: HeldGame): (next: Session) => boolean {
  const save = (next: Session): boolean => {
    const w = writeGame(ctx.store, next, ctx.services.clock.now());
    if (w.kind === 'stale') {
      takeNewer(
        ctx,
        game.get(),
        w.text,
        'This game was played on in another tab, so this tab now shows its latest turn; the choice made here was not kept.',
      );
      return false;
    }
    if (w.kind === 'saved') {
      game.set(w.session);
      ctx.notices.close('save-refused');
      if (w.session.state.over) trimResults(ctx.store, ctx.entries);
      return true;
    }
    game.set(next);
    if (!ctx.notices.has('save-refused')) {
      ctx.notices.show({
        id: 'save-refused',
        text: 'This browser refused to save the game (its storage is full or turned off). The game goes on in this page: keep it as a file or a code before you close it, or make room by deleting old games on the title screen.',
        actions: [
          { label: 'Download the run so far', run: () => downloadRun(ctx, game.get()) },
          { label: 'Copy its code', run: () => void copyRun(ctx, game.get()) },
        ],
      });
    }
    return true;
  };
  // Another tab saving this game makes this one stale: it follows at once.
  ctx.onLeave(
    ctx.store.watch((key, value) => {
      const session = game.get();
      if (key !== session.key || value === null) return;
      if ((revOf(value) ?? -1) > session.rev)
        takeNewer(ctx, session, value, 'This game was played on in another tab; this tab now shows its latest turn.');
    }),
  );
  return save;
}

/** Opens the newer save another tab wrote of this same game. */
function takeNewer(ctx: AppContext, session: Session, text: string, why: string): void {
  const r = resume(text, ctx.entries, session.key);
  if (!r.ok) {
    ctx.notices.show({
      id: 'other-tab',
      text: `Another tab changed this game, and its save cannot be opened: ${r.reason}`,
    });
    return;
  }
  ctx.notices.show({ id: 'other-tab', text: why });
  ctx.go(r.session.state.over ? { kind: 'end', session: r.session } : { kind: 'play', session: r.session });
}

function downloadRun(ctx: AppContext, session: Session): void {
  const { document: doc } = replayOf(session);
  ctx.services.download(
    `${fileStem(session.scenario.id, session.seed)}.replay.json`,
    'application/json',
    `${JSON.stringify(doc, null, 2)}\n`,
  );
}

async function copyRun(ctx: AppContext, session: Session): Promise<void> {
  const { code, problem } = replayOf(session);
  if (code === null) ctx.announce(`${problem ?? ''} Download the run instead.`);
  else
    ctx.announce(
      (await ctx.services.copyText(code))
        ? 'The code of the run so far is copied.'
        : `Copying was refused; the code is: ${code}`,
    );
}
