import type { WorkshopRecord, WorkshopStore } from '../../platform/workshops';
import type { ScenarioEntry } from '../../replay/verify';
import { tryEncodeCode } from '../../replay/code';
import { recordReplay } from '../../replay/document';
import { BYTE_ORDER_MARK, collectRoom, roomCsv, summaryCsv } from '../../workshop';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { onPresenterChange, presenting } from '../presenter';
import { clip } from '../clip';
import { collectPanel } from './collect-panel';
import { dashboardHeader, handout, joinView, type LiveParams } from './handout';
import { liveLinkParams, roomLiveOf, showLiveInAddress, teamLinkParams, watchLive } from './live-room';
import { RoomKeeper } from './room-keeper';
import { roomViews } from './room-views';
import { sessionFileText } from './session-file';
import { roundTimer } from './timer';

/** The channel dashboard tabs of this site tell each other on that they stored a room's hand-ins. */
const TABS_CHANNEL = 'momentum-workshop-rooms';

/** A room's files are named after its code, kept to characters every file system takes. */
const fileStem = (room: string): string => `momentum-workshop-${room.replace(/[^A-Za-z0-9_-]+/g, '_')}`;

/**
 * The facilitator's dashboard of one session: the teams' link, collecting hand-ins, the
 * comparison and the debrief. The room's state lives in a RoomKeeper; this wires it to the
 * page's parts (header and handout, collecting, views) and to the room's other tabs.
 */
export async function workshopScreen(ctx: AppContext, roomCode: string): Promise<void> {
  const opened = await openRoom(ctx, roomCode);
  if (!opened) return ctx.go({ kind: 'workshop-setup' });
  const { store, found, entry } = opened;
  const scenario = entry.scenario;
  ctx.setQuery({ workshop: found.room });
  const live = roomLiveOf(ctx, found.room);
  if (live) showLiveInAddress(ctx, live);
  const liveParams: LiveParams | null = live
    ? { shared: liveLinkParams(live), teams: await teamLinkParams(live, found.teams) }
    : null;
  let tabs: BroadcastChannel | null = null;

  const exportSession = (): void =>
    ctx.services.download(`${fileStem(keeper.record.room)}.json`, 'application/json', sessionFileText(keeper.record));
  const keeper: RoomKeeper = new RoomKeeper(ctx.entries, store, found, {
    clock: ctx.services.clock,
    timers: ctx.services.timers,
    changed: () => draw(),
    progress: (done, of) => panel.progress(done, of),
    stored: () => {
      ctx.notices.close('workshop-save');
      tabs?.postMessage({ room: keeper.record.room });
    },
    storeFailed: (message) =>
      ctx.notices.show({
        id: 'workshop-save',
        text: message,
        actions: [{ label: 'Export the session', run: exportSession }],
      }),
  });
  const views = roomViews(scenario, presenting(), () =>
    joinView(keeper.record, scenario, ctx.services.address, liveParams),
  );
  const panel = collectPanel(ctx, keeper, () => draw());
  function draw(): void {
    panel.draw();
    views.draw({ room: keeper.room, loading: keeper.loading, handIns: keeper.record.submissions.length });
  }

  const liveHost = h('div', { class: 'no-print live-host' });
  /** Shows the round timer on the teams' screens, once the live room is watched. */
  let liveTimer: ((endsAt: number | null) => void) | null = null;
  const copy = async (link: string): Promise<void> =>
    panel.say(
      (await ctx.services.copyText(link))
        ? 'The teams’ link is copied.'
        : 'Copying was refused: select the link and copy it by hand.',
    );
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen workshop-screen' },
      dashboardHeader(found, scenario, {
        exportSession,
        // Once every hand-in is verified: an export during the first pass would miss teams.
        exportCsv: (which) =>
          void keeper.whole().then(() => {
            const [suffix, text] =
              which === 'turns'
                ? ['', roomCsv(keeper.room, scenario)]
                : ['-per-team', summaryCsv(keeper.room, scenario)];
            ctx.services.download(`${fileStem(found.room)}${suffix}.csv`, 'text/csv', BYTE_ORDER_MARK + text);
          }),
        allSessions: () => ctx.go({ kind: 'workshop-setup' }),
        print: () => ctx.services.print(),
        guide: () => ctx.go({ kind: 'guide', room: found.room }),
      }),
      handout(found, scenario, ctx.services.address, (link) => void copy(link), liveParams),
      liveHost,
      panel.element,
      h('div', { class: 'no-print picker-host' }, views.picker),
      views.results,
      h(
        'div',
        { class: 'no-print timer-host' },
        roundTimer({
          announce: ctx.announce,
          timers: ctx.services.timers,
          chime: () => ctx.services.chime(),
          readyChime: () => ctx.services.readyChime(),
          now: () => ctx.services.clock.now(),
          onRun: (endsAt) => liveTimer?.(endsAt),
        }),
      ),
    ),
  );
  ctx.onKey(null);
  ctx.onLeave(onPresenterChange((on) => views.present(on)));
  // Every view prints, whatever the screen shows, and from the browser's own print too; a phone's
  // print does not wait, so the view comes back only once printing is over.
  const beforePrint = (): void => views.printing(true);
  const afterPrint = (): void => views.printing(false);
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  ctx.onLeave(() => {
    window.removeEventListener('beforeprint', beforePrint);
    window.removeEventListener('afterprint', afterPrint);
  });
  draw();
  void keeper.refresh().then(draw);
  if (live) {
    const watching = await watchLive(ctx, found.room, live, keeper, draw, scenario.turns);
    liveHost.replaceChildren(watching.element);
    liveTimer = watching.timer;
    ctx.onLeave(watching.stop);
  }
  warmVerifier(ctx, found, entry.hash);

  tabs = followOtherTabs(ctx, keeper, panel.say);
  // A save that ends after the dashboard is left has no tabs to tell (the channel is closed).
  ctx.onLeave(() => (tabs = null));
  if (!store.persistent)
    ctx.notices.show({
      id: 'workshop-memory',
      text: 'This browser refuses to keep workshop sessions (private mode?): this one lasts while the page is open. Export it as a file to keep it.',
      actions: [{ label: 'Export the session', run: exportSession }],
    });
}

/** The session `roomCode` and its scenario; null, with a notice saying why, when either is missing here. */
async function openRoom(
  ctx: AppContext,
  roomCode: string,
): Promise<{ store: WorkshopStore; found: WorkshopRecord; entry: ScenarioEntry } | null> {
  const store = await ctx.workshops();
  const found = await store.get(roomCode);
  if (!found) {
    ctx.notices.show({
      id: 'workshop-missing',
      text: `There is no workshop session “${clip(roomCode, 40)}” in this browser. Create one, or import its file.`,
    });
    return null;
  }
  const entry = ctx.entries.find((e) => e.scenario.id === found.scenario);
  if (!entry) {
    ctx.notices.show({
      id: 'workshop-missing',
      text: `The session “${found.name}” plays a scenario this version does not have (“${clip(found.scenario, 40)}”).`,
    });
    return null;
  }
  return { store, found, entry };
}

/**
 * Other dashboard tabs on this room say when they stored hand-ins; this one brings them in and
 * says what changed. Returns the channel to tell them in turn, null where the browser has none.
 */
function followOtherTabs(ctx: AppContext, keeper: RoomKeeper, say: (text: string) => void): BroadcastChannel | null {
  const channel = ctx.services.channel(TABS_CHANNEL);
  if (!channel) return null;
  const room = keeper.record.room;
  channel.onmessage = (e: MessageEvent<{ room?: string }>) => {
    if (e.data.room !== room) return;
    void keeper.takeIn().then((change) => {
      if (change === null) return;
      const n = Math.abs(change);
      say(
        change > 0
          ? `${n} hand-in${n === 1 ? '' : 's'} added or brought back in another window of this room ${n === 1 ? 'is' : 'are'} shown here too.`
          : change < 0
            ? `${n} hand-in${n === 1 ? '' : 's'} removed in another window of this room ${n === 1 ? 'is' : 'are'} removed here too.`
            : 'What another window of this room changed is shown here too.',
      );
    });
  };
  ctx.onLeave(() => channel.close());
  return channel;
}

/**
 * Verifies a short run of the session's own scenario a few times while the facilitator reads the
 * page: the browser compiles the verifier then, so the first paste of a whole room is checked at
 * full speed rather than paying for that compilation.
 */
function warmVerifier(ctx: AppContext, record: WorkshopRecord, hash: string): void {
  const entry = ctx.entries.find((e) => e.scenario.id === record.scenario);
  if (!entry) return;
  ctx.services.timers.after(50, () => {
    const doc = recordReplay(entry.scenario, hash, record.seed, [[], [], []], { room: record.room });
    const code = tryEncodeCode(doc, entry.scenario);
    if (!code.ok) return;
    const expectation = { scenario: record.scenario, seed: record.seed, room: record.room };
    for (let i = 0; i < 30; i++) collectRoom(ctx.entries, expectation, [{ source: 'warm-up', text: code.code }]);
  });
}
