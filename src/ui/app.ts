import { closeLiveTeams } from './live-team';
import { queryString } from '../platform/links';
import type { Store } from '../platform/storage';
import type { WorkshopStore } from '../platform/workshops';
import type { ScenarioEntry } from '../replay/verify';
import { announcer } from './announce';
import type { AppContext } from './context';
import { drawScreen } from './draw-screen';
import { h, mount } from './dom';
import { launchScreen } from './launch';
import { navigation } from './navigation';
import { Notices } from './notices';
import { listenToPage } from './page-events';
import { initPresenter } from './presenter';
import { scenarioList } from './scenario-list';
import type { Services } from './services';
import { watchForUpdates, type WorkerEvents } from './updates';
import { WorldHost } from './world-host';

export interface Platform {
  readonly store: Store;
  readonly workshops: () => Promise<WorkshopStore>;
  readonly services: Services;
  /** The page's service workers, for news of a new version; the browser's own when left out, none when null. */
  readonly workers?: WorkerEvents | null;
}

/**
 * Builds the app into `root` and opens the screen the address asks for. Returns a way to stop it
 * hearing the page's events, for a host that starts another app in the same page (as tests do).
 */
export function startApp(
  root: HTMLElement,
  live: HTMLElement,
  platform: Platform,
  entries: readonly ScenarioEntry[],
  problems: readonly string[],
): () => void {
  const { services } = platform;
  initPresenter(services.address.search, services.tabStorage);
  const world = new WorldHost(services.matchMedia('(prefers-reduced-motion: reduce)'), services.worldCode);
  const announce = announcer(live, services.timers);
  const notices = new Notices(announce);
  // Notices stand above every screen; screens are drawn into their own element below them.
  const screenRoot = h('div', { class: 'screen-root' });
  root.replaceChildren(notices.element, screenRoot);
  watchForUpdates(
    platform.workers === undefined ? navigator.serviceWorker : (platform.workers ?? undefined),
    notices,
    () => services.address.reload(),
  );
  // Custom scenarios from the lab join the shipped ones for this visit.
  const scenarios = scenarioList(entries);
  const nav = navigation(screenRoot, (screen) => drawScreen(ctx, screen));
  const ctx: AppContext = {
    root: screenRoot,
    store: platform.store,
    entries: scenarios.entries,
    addEntry: scenarios.add,
    workshops: platform.workshops,
    services,
    world,
    announce,
    notices,
    go: nav.go,
    onLeave: nav.onLeave,
    onKey: nav.onKey,
    setQuery: (params) => replaceQuery(services, params),
  };
  const unlisten = listenToPage(root, screenRoot, services, nav);
  // Stopped (a test's page is done with it): the screen is left and live connections close.
  const stop = (): void => {
    unlisten();
    nav.leave();
    closeLiveTeams();
  };

  if (entries.length === 0) {
    mount(screenRoot, noScenarios(problems));
    return stop;
  }
  for (const p of problems) console.warn(p);
  nav.go(launchScreen(ctx));
  return stop;
}

/** Puts `params` in the address bar without a reload, when they change it. */
function replaceQuery(services: Services, params: Record<string, string> | null): void {
  const { address } = services;
  const query = params ? `?${queryString(params)}` : '';
  const url = `${address.pathname}${query}`;
  if (url !== `${address.pathname}${address.search}`) address.replace(url);
}

/** The page shown when not one scenario could be read: each problem, as it was reported. */
function noScenarios(problems: readonly string[]): HTMLElement {
  return h(
    'section',
    { class: 'screen' },
    h('h1', {}, 'Momentum'),
    h('p', { class: 'notice', role: 'alert' }, 'No scenario could be loaded.'),
    ...problems.map((p) => h('pre', {}, p)),
  );
}
