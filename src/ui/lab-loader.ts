import type { AppContext } from './context';
import { h, mount } from './dom';

/** The lab (CodeMirror, balance workers) is loaded on first use only, so the game never downloads it. */
export function openLab(ctx: AppContext): void {
  // Read before the address is rewritten: a shared scenario rides in the fragment.
  const hash = ctx.services.address.hash;
  ctx.setQuery({ lab: '' });
  const waiting = h(
    'section',
    { class: 'screen' },
    h('h1', { tabindex: -1 }, 'Scenario lab'),
    h('p', {}, 'Opening the lab…'),
  );
  mount(ctx.root, waiting);
  import('./lab/lab-screen')
    .then(({ labScreen }) => {
      if (waiting.isConnected) return labScreen(ctx, hash);
    })
    .catch(() => {
      if (waiting.isConnected) mount(ctx.root, labFailure(ctx));
    });
}

/**
 * Why the lab did not load: a site updated since the page was opened (its old chunk is gone),
 * or no network for a lab never downloaded.
 */
function labFailure(ctx: AppContext): HTMLElement {
  return h(
    'section',
    { class: 'screen' },
    h('h1', { tabindex: -1 }, 'Scenario lab'),
    h(
      'p',
      { class: 'notice', role: 'alert' },
      navigator.onLine
        ? 'The scenario lab could not be loaded: the site has been updated since this page was opened. Reload to get the new version (saved games, drafts and workshop sessions are kept).'
        : 'The scenario lab could not be loaded: it is downloaded on first use, so connect to the network once and try again.',
    ),
    navigator.onLine
      ? h('button', { type: 'button', class: 'primary', onclick: () => ctx.services.address.reload() }, 'Reload')
      : null,
    h('button', { type: 'button', class: 'secondary', onclick: () => ctx.go({ kind: 'title' }) }, 'Back to the title'),
  );
}
