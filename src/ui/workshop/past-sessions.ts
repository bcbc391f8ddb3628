import type { WorkshopRecord, WorkshopStore } from '../../platform/workshops';
import type { AppContext } from '../context';
import { h, mount } from '../dom';

/** "Your sessions": those this browser keeps, newest first, each to open or delete (with an undo). */
export function pastSessions(ctx: AppContext): { readonly element: HTMLElement; show(): void } {
  const element = h('section', { class: 'saved-list' });

  async function draw(store: WorkshopStore): Promise<void> {
    const list = (await store.list()).sort((a, b) => b.createdAt - a.createdAt);
    if (!element.isConnected) return;
    mount(
      element,
      h('h2', {}, 'Your sessions'),
      store.persistent
        ? null
        : h(
            'p',
            { class: 'notice' },
            'This browser refuses to keep sessions (private mode?): they last while this page is open. Export each one as a file to keep it.',
          ),
      list.length === 0
        ? h('p', { class: 'muted' }, 'None yet.')
        : h('ul', {}, ...list.map((r) => sessionLine(ctx, r, () => void remove(store, r)))),
    );
  }

  /** Deletes a session from this browser, with an undo that puts it back as it was. */
  async function remove(store: WorkshopStore, r: WorkshopRecord): Promise<void> {
    try {
      await store.remove(r.room);
    } catch (err) {
      ctx.notices.show({ id: 'workshop-save', text: (err as Error).message });
      return;
    }
    const words = `The session “${r.name}” (room ${r.room}, ${r.submissions.length} hand-ins) was deleted from this browser.`;
    ctx.announce(words);
    ctx.notices.show({
      id: 'workshop-deleted',
      text: words,
      actions: [
        {
          label: 'Undo',
          run: () =>
            void store
              .merge(r)
              .catch((err: Error) => ctx.notices.show({ id: 'workshop-save', text: err.message }))
              .then(() => {
                ctx.notices.close('workshop-deleted');
                ctx.announce(`The session “${r.name}” is back.`);
                return draw(store);
              }),
        },
      ],
    });
    await draw(store);
  }

  return { element, show: () => void ctx.workshops().then((store) => draw(store)) };
}

/** One session of the list: what it is, with Open and Delete. */
function sessionLine(ctx: AppContext, r: WorkshopRecord, remove: () => void): HTMLElement {
  return h(
    'li',
    { class: 'saved-game' },
    h(
      'span',
      { class: 'saved-what' },
      `${r.name} · room ${r.room} · ${new Date(r.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} · ${r.submissions.length} hand-ins`,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary small',
        'aria-label': `Open ${r.name}, room ${r.room}`,
        onclick: () => ctx.go({ kind: 'workshop', room: r.room }),
      },
      'Open',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary small',
        'data-testid': `delete-session-${r.room}`,
        'aria-label': `Delete ${r.name}, room ${r.room}, from this browser`,
        onclick: remove,
      },
      'Delete',
    ),
  );
}
