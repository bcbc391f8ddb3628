import type { Screen } from './context';
import type { Services } from './services';

/** What the page's own events reach: the screen switch and the current screen's keys. */
interface PageTargets {
  go(screen: Screen): void;
  /** True when the current screen used the key. */
  key(e: KeyboardEvent): boolean;
}

/**
 * The page's events beyond any one screen: lab links that change only the fragment, the skip
 * link, and key presses, handed to the current screen. Returns a way to stop listening.
 */
export function listenToPage(
  root: HTMLElement,
  screenRoot: HTMLElement,
  services: Services,
  targets: PageTargets,
): () => void {
  const stop = new AbortController();
  const { signal } = stop;
  // A lab link opened in a tab already at the lab's address changes only the fragment, so the
  // page is not loaded again: the lab opens it all the same (putting aside the draft, as ever).
  window.addEventListener(
    'hashchange',
    () => {
      if (services.address.hash.startsWith('#lab=')) targets.go({ kind: 'lab' });
    },
    { signal },
  );

  // The skip link goes to the turn's cards when a game is on, otherwise to the screen's heading.
  document.querySelector<HTMLAnchorElement>('a.skip')?.addEventListener(
    'click',
    (e) => {
      e.preventDefault();
      const target =
        screenRoot.querySelector<HTMLElement>('#cards .card:not([disabled])') ??
        screenRoot.querySelector<HTMLElement>('h1') ??
        root;
      if (target.tagName === 'H1' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    },
    { signal },
  );

  document.addEventListener(
    'keydown',
    (e) => {
      if (!e.defaultPrevented && targets.key(e)) e.preventDefault();
    },
    { signal },
  );
  return () => stop.abort();
}
