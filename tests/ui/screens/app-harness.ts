import { memoryStore, type Store } from '../../../src/platform/storage';
import { memoryWorkshopStore, type WorkshopStore } from '../../../src/platform/workshops';
import { scenarioHash } from '../../../src/replay/scenario-hash';
import { bundledScenarios } from '../../../src/scenarios/bundled';
import { startApp } from '../../../src/ui/app';
import type { Services } from '../../../src/ui/services';
import { testServices, type TestServices } from '../test-services';

/** The page's shell as index.html has it: the skip link, the app's root and the live region. */
const SHELL =
  '<a class="skip" href="#app">Skip to the cards</a><main id="app" tabindex="-1"></main>' +
  '<div id="live" class="sr-only" role="status" aria-live="polite" aria-atomic="true"></div>';

export interface OpenApp {
  readonly services: TestServices;
  readonly store: Store;
  readonly root: HTMLElement;
  /** The polite live region screen readers hear turn results through. */
  readonly live: HTMLElement;
  /** The element with `data-testid` `id`; fails when there is none. */
  byTestId<T extends HTMLElement = HTMLElement>(id: string): T;
  /** Every element matching `selector` in the app. */
  all<T extends HTMLElement = HTMLElement>(selector: string): T[];
  /** The first button whose text contains `text`; fails when there is none. */
  button(text: string | RegExp): HTMLButtonElement;
  /** Presses `key` on the focused element (or the body), as a keyboard would. */
  press(key: string, init?: KeyboardEventInit): void;
  /** The element matching `selector`; fails when there is none. */
  field<T extends HTMLElement = HTMLInputElement>(selector: string): T;
  /** Lets the page's promises and zero-delay timers run until `done`; fails, naming `what`, if it never is. */
  until(done: () => boolean, what: string): Promise<void>;
}

/**
 * Starts the whole app in happy-dom at `url` (a path with its query, as a link would open it),
 * with stand-in services (tests/ui/test-services.ts), a store in memory and the shipped scenarios.
 */
/** Stops the app opened last from hearing the page's events, once the next one opens. */
let stopLast = (): void => undefined;

/** Stops the app opened last, as a page closing would: its screen is left and its connections close. */
export function closeApp(): void {
  stopLast();
  stopLast = () => undefined;
}

export function openApp(
  url = '/',
  options: {
    readonly store?: Store;
    readonly clipboard?: boolean;
    /** A touch screen: no hover, a coarse pointer. */
    readonly touch?: boolean;
    /** Services a test chooses (drafts, balance workers, cores…) in place of the stand-ins'. */
    readonly services?: Partial<Services>;
    /** The relay the site was started with (what `npm start` would say at ./relay.json). */
    readonly relay?: string;
    /** The browser's workshop sessions, kept from an earlier page of the same browser. */
    readonly workshops?: WorkshopStore;
  } = {},
): OpenApp {
  document.body.innerHTML = SHELL;
  delete document.body.dataset.world;
  const root = document.getElementById('app')!;
  const live = document.getElementById('live')!;
  const services: TestServices = {
    ...testServices({
      url: new URL(url, 'https://momentum.example/').href,
      clipboard: options.clipboard,
      touch: options.touch,
      relay: options.relay,
    }),
    ...options.services,
  };
  const store = options.store ?? memoryStore();
  const { scenarios, problems } = bundledScenarios();
  const entries = scenarios.map((s) => ({ scenario: s.scenario, hash: scenarioHash(s.text) }));
  const workshops = options.workshops ?? memoryWorkshopStore();
  // One app per page: the previous test's app stops hearing keys and address changes.
  stopLast();
  stopLast = startApp(
    root,
    live,
    { store, workshops: () => Promise.resolve(workshops), services, workers: null },
    entries,
    problems,
  );
  const byTestId = <T extends HTMLElement>(id: string): T => {
    const found = root.querySelector<T>(`[data-testid="${id}"]`);
    if (!found) throw new Error(`no element with data-testid="${id}" on the screen`);
    return found;
  };
  return {
    services,
    store,
    root,
    live,
    byTestId,
    all: <T extends HTMLElement>(selector: string) => [...root.querySelectorAll<T>(selector)],
    button(text) {
      const found = [...root.querySelectorAll('button')].find((b) =>
        typeof text === 'string' ? (b.textContent ?? '').includes(text) : text.test(b.textContent ?? ''),
      );
      if (!found) throw new Error(`no button with the text ${String(text)}`);
      return found;
    },
    field<T extends HTMLElement>(selector: string): T {
      const found = root.querySelector<T>(selector);
      if (!found) throw new Error(`no ${selector} on the screen`);
      return found;
    },
    async until(done, what) {
      for (let i = 0; i < 500; i++) {
        if (done()) return;
        await services.settle();
        services.advance(0);
      }
      throw new Error(`still waiting for ${what}`);
    },
    press(key, init = {}) {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
    },
  };
}
