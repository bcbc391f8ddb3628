import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { savedGames } from '../saves';
import { titleActions } from './title-actions';
import { titleIntro } from './title-intro';
import { joinForm } from './title-join-form';
import { replayForm } from './title-replay-form';
import { savedLists } from './title-saves';

/** Title: start, resume any saved game, see past results, or open a replay code. */
export function titleScreen(ctx: AppContext, notice?: string): void {
  ctx.setQuery(null);
  const saved = savedGames(ctx.store, ctx.entries);
  // The game played last is offered first: to resume, or, finished, as its result.
  const newest = saved.flatMap((g) => (g.ok ? [g.session] : []))[0];

  /** Deletes a save, with a notice that can put it back. */
  const remove = (key: string, what: string): void => {
    const text = ctx.store.get(key);
    ctx.store.remove(key);
    ctx.notices.show({
      id: 'deleted',
      text: `Deleted: ${what}.`,
      actions:
        text === null
          ? []
          : [
              {
                label: 'Undo',
                run: () => {
                  if (ctx.store.set(key, text)) {
                    ctx.notices.close('deleted');
                    ctx.go({ kind: 'title' });
                  } else ctx.announce('The browser refused to keep it again: its storage is full.');
                },
              },
            ],
    });
    ctx.go({ kind: 'title' });
  };

  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen title-screen' },
      ...titleIntro(),
      notice ? h('p', { class: 'notice', role: 'alert' }, notice) : null,
      titleActions(ctx, newest),
      joinForm(ctx),
      ...savedLists(ctx, saved, remove),
      replayForm(ctx),
      h(
        'p',
        { class: 'muted small' },
        'Everything runs in this page: no account, no server. Each game is saved in this browser after every choice.',
      ),
    ),
  );
  ctx.onKey(null);
  (ctx.root.querySelector('button.primary') as HTMLElement | null)?.focus();
}
