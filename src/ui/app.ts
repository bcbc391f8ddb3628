import { readLaunch } from '../platform/links';
import type { Store } from '../platform/storage';
import type { ScenarioEntry } from '../replay/verify';
import { announcer } from './announce';
import type { AppContext, Screen } from './context';
import { h, mount } from './dom';
import { briefingScreen } from './screens/briefing';
import { endScreen } from './screens/end';
import { pickerScreen } from './screens/picker';
import { playScreen } from './screens/play';
import { replayScreen } from './screens/replay';
import { titleScreen } from './screens/title';
import { initPresenter } from './presenter';
import { newSession, resume, SAVE_KEY, SET_ASIDE_KEY } from './session';
import { WorldHost } from './world-host';

export interface Platform {
  readonly store: Store;
  readonly location: Location;
  readonly history: History;
}

/** Builds the app into `root` and opens the screen the address asks for. */
export function startApp(
  root: HTMLElement,
  live: HTMLElement,
  platform: Platform,
  entries: readonly ScenarioEntry[],
  problems: readonly string[],
): void {
  initPresenter(platform.location.search);
  let keyHandler: ((e: KeyboardEvent) => boolean) | null = null;
  const world = new WorldHost(window.matchMedia('(prefers-reduced-motion: reduce)'));
  const ctx: AppContext = {
    root,
    store: platform.store,
    entries,
    world,
    announce: announcer(live),
    go,
    onKey: (handler) => (keyHandler = handler),
    setQuery(params) {
      const query = params ? `?${new URLSearchParams(params).toString()}` : '';
      const url = `${platform.location.pathname}${query}`;
      if (url !== `${platform.location.pathname}${platform.location.search}`)
        platform.history.replaceState(null, '', url);
    },
  };

  function go(screen: Screen): void {
    keyHandler = null;
    window.scrollTo(0, 0);
    open(screen);
    // Every new screen hands focus to its heading or first control, never to the page's body.
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected || !document.contains(active)) {
      const heading = root.querySelector<HTMLElement>('h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  }

  function open(screen: Screen): void {
    switch (screen.kind) {
      case 'title':
        return titleScreen(ctx, screen.notice);
      case 'picker':
        return pickerScreen(ctx, screen.scenario, screen.seed);
      case 'briefing':
        return briefingScreen(ctx, screen.session);
      case 'play':
        return playScreen(ctx, screen.session);
      case 'end':
        return endScreen(ctx, screen.session);
      case 'replay':
        return replayScreen(ctx, screen.code);
    }
  }

  // The skip link goes to the turn's cards when a game is on, otherwise to the screen's heading.
  document.querySelector<HTMLAnchorElement>('a.skip')?.addEventListener('click', (e) => {
    e.preventDefault();
    const target =
      root.querySelector<HTMLElement>('#cards .card:not([disabled])') ?? root.querySelector<HTMLElement>('h1') ?? root;
    if (target.tagName === 'H1' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  });

  document.addEventListener('keydown', (e) => {
    if (keyHandler && !e.defaultPrevented && keyHandler(e)) e.preventDefault();
  });

  if (entries.length === 0) {
    mount(
      root,
      h(
        'section',
        { class: 'screen' },
        h('h1', {}, 'Momentum'),
        h('p', { class: 'notice', role: 'alert' }, 'No scenario could be loaded.'),
        ...problems.map((p) => h('pre', {}, p)),
      ),
    );
    return;
  }
  for (const p of problems) console.warn(p);

  const launch = readLaunch(platform.location.search);
  if (launch.kind === 'replay') return go({ kind: 'replay', code: launch.code });
  if (launch.kind === 'game') {
    const entry = entries.find((e) => e.scenario.id === launch.scenario);
    if (!entry) {
      return go({ kind: 'title', notice: `There is no scenario called “${launch.scenario}”. Choose one below.` });
    }
    // The same game as the saved one resumes it; any other starts afresh.
    const saved = platform.store.get(SAVE_KEY);
    if (saved !== null) {
      const r = resume(saved, entries);
      if (r.ok && r.session.scenario.id === entry.scenario.id && r.session.seed === launch.seed) {
        return go(r.session.state.over ? { kind: 'end', session: r.session } : { kind: 'play', session: r.session });
      }
      if (!r.ok) {
        platform.store.set(SET_ASIDE_KEY, saved);
        platform.store.remove(SAVE_KEY);
        go({ kind: 'play', session: newSession(entry, launch.seed) });
        ctx.announce(`${r.reason} It has been set aside.`);
        return;
      }
    }
    return go({ kind: 'play', session: newSession(entry, launch.seed) });
  }
  go({ kind: 'title' });
}
