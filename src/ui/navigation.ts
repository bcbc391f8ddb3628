import type { Screen } from './context';

/** Moving between screens: what the screen being left must undo, and whose keys are live. */
export interface Navigation {
  go(screen: Screen): void;
  /** Runs `cleanup` when the current screen is left. */
  onLeave(cleanup: () => void): void;
  onKey(handler: ((e: KeyboardEvent) => boolean) | null): void;
  /** Hands a key press to the current screen; true when it used the key. */
  key(e: KeyboardEvent): boolean;
  /** Leaves the current screen for none: the app is stopping. */
  leave(): void;
}

/**
 * Screen switching for the app: leaving a screen stops its listeners and timers and drops its
 * keys before `draw` puts up the next one in `screenRoot`.
 */
export function navigation(screenRoot: HTMLElement, draw: (screen: Screen) => void): Navigation {
  let keyHandler: ((e: KeyboardEvent) => boolean) | null = null;
  let cleanups: (() => void)[] = [];
  const leave = (): void => {
    keyHandler = null;
    for (const c of cleanups) c();
    cleanups = [];
  };
  return {
    go(screen) {
      leave();
      window.scrollTo(0, 0);
      draw(screen);
      focusScreen(screenRoot);
    },
    onLeave: (cleanup) => void cleanups.push(cleanup),
    onKey: (handler) => void (keyHandler = handler),
    key: (e) => keyHandler !== null && keyHandler(e),
    leave,
  };
}

/** Every new screen hands focus to its heading or first control, never to the page's body. */
function focusScreen(screenRoot: HTMLElement): void {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected && document.contains(active)) return;
  const heading = screenRoot.querySelector<HTMLElement>('h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}
