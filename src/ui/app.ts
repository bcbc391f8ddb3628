import { queryString, readLaunch } from '../platform/links';
import type { Store } from '../platform/storage';
import type { WorkshopStore } from '../platform/workshops';
import type { ScenarioEntry } from '../replay/verify';
import { announcer } from './announce';
import type { AppContext, Screen } from './context';
import { h, mount } from './dom';
import { briefingScreen } from './screens/briefing';
import { compareScreen } from './screens/compare';
import { endScreen } from './screens/end';
import { pickerScreen } from './screens/picker';
import { playScreen } from './screens/play';
import { replayScreen } from './screens/replay';
import { teamScreen } from './screens/team';
import { titleScreen } from './screens/title';
import { workshopScreen } from './workshop/dashboard';
import { workshopSetupScreen } from './workshop/setup';
import { Notices } from './notices';
import { watchForUpdates, type WorkerEvents } from './updates';
import type { Services } from './services';
import { initPresenter } from './presenter';
import { nameProblem, seedProblem } from '../replay/seed';
import { gameFor, savedGames, type SavedGame } from './saves';
import { clip } from './clip';
import { newSession } from './session';
import { WorldHost } from './world-host';

export interface Platform {
  readonly store: Store;
  readonly workshops: () => Promise<WorkshopStore>;
  readonly services: Services;
  /** The page's service workers, for news of a new version; the browser's own when left out, none when null. */
  readonly workers?: WorkerEvents | null;
}

/** Builds the app into `root` and opens the screen the address asks for. */
export function startApp(
  root: HTMLElement,
  live: HTMLElement,
  platform: Platform,
  entries: readonly ScenarioEntry[],
  problems: readonly string[],
): void {
  const { services } = platform;
  initPresenter(services.address.search, services.tabStorage);
  let keyHandler: ((e: KeyboardEvent) => boolean) | null = null;
  let cleanups: (() => void)[] = [];
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
  // Custom scenarios from the lab join the shipped ones for this visit (main.ts adds kept ones at startup).
  const liveEntries = [...entries];
  const ctx: AppContext = {
    root: screenRoot,
    store: platform.store,
    entries: liveEntries,
    addEntry(entry) {
      const at = liveEntries.findIndex((e) => e.scenario.id === entry.scenario.id && !e.archived);
      const before = at >= 0 ? liveEntries[at]! : null;
      if (before) liveEntries[at] = entry;
      else liveEntries.push(entry);
      // The version it replaces stays for the games and codes made with it.
      if (before && before.hash !== entry.hash && !liveEntries.some((e) => e.hash === before.hash))
        liveEntries.push({ ...before, archived: true });
    },
    workshops: platform.workshops,
    services,
    world,
    announce,
    notices,
    go,
    onLeave: (cleanup) => void cleanups.push(cleanup),
    onKey: (handler) => (keyHandler = handler),
    setQuery(params) {
      const query = params ? `?${queryString(params)}` : '';
      const url = `${services.address.pathname}${query}`;
      if (url !== `${services.address.pathname}${services.address.search}`) services.address.replace(url);
    },
  };

  function go(screen: Screen): void {
    keyHandler = null;
    for (const c of cleanups) c();
    cleanups = [];
    window.scrollTo(0, 0);
    open(screen);
    // Every new screen hands focus to its heading or first control, never to the page's body.
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected || !document.contains(active)) {
      const heading = screenRoot.querySelector<HTMLElement>('h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  }

  /** Saved games that cannot be opened are said so on screen; they are kept, listed on the title. */
  function reportDamaged(saved: readonly SavedGame[]): void {
    const damaged = saved.flatMap((g) => (g.ok ? [] : [g]));
    if (damaged.length === 0) return;
    const first = damaged[0]!;
    notices.show({
      id: 'damaged-saves',
      text:
        damaged.length === 1
          ? `A saved game could not be opened: ${first.reason} It is kept; the title screen offers it as a file or deletes it.`
          : `${damaged.length} saved games could not be opened. They are kept; the title screen offers them as files or deletes them.`,
      actions: [{ label: 'Go to the title', run: () => go({ kind: 'title' }) }],
    });
  }

  function open(screen: Screen): void {
    switch (screen.kind) {
      case 'title':
        return titleScreen(ctx, screen.notice);
      case 'picker':
        return pickerScreen(ctx, screen.scenario, screen.seed);
      case 'team':
        return teamScreen(ctx, screen.session, screen.suggested);
      case 'briefing':
        return briefingScreen(ctx, screen.session);
      case 'play':
        return playScreen(ctx, screen.session);
      case 'end':
        return endScreen(ctx, screen.session);
      case 'replay':
        return replayScreen(ctx, screen.code);
      case 'compare':
        return compareScreen(ctx, screen.a, screen.b);
      case 'workshop-setup':
        return workshopSetupScreen(ctx);
      case 'workshop':
        return void workshopScreen(ctx, screen.room);
      case 'lab':
        return openLab();
    }
  }

  /** The lab (CodeMirror, balance workers) is loaded on first use only, so the game never downloads it. */
  function openLab(): void {
    // Read before the address is rewritten: a shared scenario rides in the fragment.
    const hash = services.address.hash;
    ctx.setQuery({ lab: '' });
    const waiting = h(
      'section',
      { class: 'screen' },
      h('h1', { tabindex: -1 }, 'Scenario lab'),
      h('p', {}, 'Opening the lab…'),
    );
    mount(screenRoot, waiting);
    import('./lab/lab-screen')
      .then(({ labScreen }) => {
        if (waiting.isConnected) return labScreen(ctx, hash);
      })
      .catch(() => {
        if (!waiting.isConnected) return;
        mount(
          screenRoot,
          h(
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
              ? h('button', { type: 'button', class: 'primary', onclick: () => services.address.reload() }, 'Reload')
              : null,
            h(
              'button',
              { type: 'button', class: 'secondary', onclick: () => go({ kind: 'title' }) },
              'Back to the title',
            ),
          ),
        );
      });
  }

  // A lab link opened in a tab already at the lab's address changes only the fragment, so the
  // page is not loaded again: the lab opens it all the same (putting aside the draft, as ever).
  window.addEventListener('hashchange', () => {
    if (services.address.hash.startsWith('#lab=')) go({ kind: 'lab' });
  });

  // The skip link goes to the turn's cards when a game is on, otherwise to the screen's heading.
  document.querySelector<HTMLAnchorElement>('a.skip')?.addEventListener('click', (e) => {
    e.preventDefault();
    const target =
      screenRoot.querySelector<HTMLElement>('#cards .card:not([disabled])') ??
      screenRoot.querySelector<HTMLElement>('h1') ??
      root;
    if (target.tagName === 'H1' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  });

  document.addEventListener('keydown', (e) => {
    if (keyHandler && !e.defaultPrevented && keyHandler(e)) e.preventDefault();
  });

  if (entries.length === 0) {
    mount(
      screenRoot,
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

  const launch = readLaunch(services.address.search);
  if (launch.kind === 'replay') return go({ kind: 'replay', code: launch.code });
  if (launch.kind === 'compare') return go({ kind: 'compare', a: launch.a, b: launch.b });
  if (launch.kind === 'lab') return go({ kind: 'lab' });
  if (launch.kind === 'workshop')
    return go(launch.room ? { kind: 'workshop', room: launch.room } : { kind: 'workshop-setup' });
  if (launch.kind === 'game') {
    const entry = entries.find((e) => e.scenario.id === launch.scenario);
    if (!entry) {
      return go({ kind: 'title', notice: `There is no scenario called “${clip(launch.scenario)}”. Choose one below.` });
    }
    const problem = seedProblem(launch.seed);
    if (problem) {
      notices.show({ id: 'link-seed', text: `This link’s seed cannot be used. ${problem} Choose a seed below.` });
      return go({ kind: 'picker', scenario: entry.scenario.id });
    }
    // The link's game, saved, reopens where it was left (a finished one at its result); other
    // saved games are never touched, and a new one gets its own save.
    const saved = savedGames(platform.store, entries);
    reportDamaged(saved);
    const room = launch.room?.trim();
    const roomProblem = room === undefined ? null : room === '' ? 'The room code is empty.' : nameProblem(room, 'room');
    if (roomProblem) {
      notices.show({
        id: 'link-room',
        text: `This link’s room code cannot be used. ${roomProblem} Ask your facilitator for the link again.`,
      });
      return go({ kind: 'title' });
    }
    const game = gameFor(saved, entry.scenario.id, launch.seed, room, launch.branch);
    if (!game && launch.branch !== undefined) {
      notices.show({
        id: 'link-branch',
        text: 'The branch this link names is not saved in this browser: it was played in another browser or deleted. Your saved games are listed below.',
      });
      return go({ kind: 'title' });
    }
    if (game) return go(game.state.over ? { kind: 'end', session: game } : { kind: 'play', session: game });
    // In a workshop room the team names itself before turn 1.
    if (room)
      return go({
        kind: 'team',
        session: newSession(entry, launch.seed, { meta: { room } }),
        suggested: launch.team ?? '',
      });
    return go({ kind: 'play', session: newSession(entry, launch.seed) });
  }
  go({ kind: 'title' });
}
