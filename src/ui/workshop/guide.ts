import type { AppContext } from '../context';
import { h, mount } from '../dom';

/**
 * The facilitator guide (session plans, introducing leading and managing, the scenarios), opened
 * from a room's dashboard, printable on its own, with the way back to the room.
 */
export async function guideScreen(ctx: AppContext, room: string): Promise<void> {
  ctx.setQuery({ workshop: room, guide: '' });
  const back = (): void => ctx.go({ kind: 'workshop', room });
  const article = h(
    'article',
    { class: 'guide-text', 'data-testid': 'guide' },
    h('p', { class: 'muted' }, 'Opening the guide…'),
  );
  const actions = (): HTMLElement =>
    h(
      'div',
      { class: 'inline no-print' },
      h('button', { type: 'button', class: 'secondary', onclick: back }, 'Back to the dashboard'),
      h('button', { type: 'button', class: 'secondary', onclick: () => ctx.services.print() }, 'Print the guide'),
    );
  mount(ctx.root, h('section', { class: 'screen guide-screen' }, actions(), article, actions()));
  ctx.onKey(null);
  try {
    const { guideHtml } = await import('./guide-text');
    // The project's own Markdown, rendered: see guide-text.ts.
    article.innerHTML = guideHtml();
    article.querySelector('h1')?.setAttribute('tabindex', '-1');
    (article.querySelector('h1') as HTMLElement | null)?.focus();
  } catch {
    article.replaceChildren(
      h('p', { class: 'notice' }, 'The guide could not be loaded: check the connection and open it again.'),
    );
  }
}
