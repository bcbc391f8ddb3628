import type { Store } from '../platform/storage';
import type { LiveTeam } from '../live/client';
import type { Pace } from '../live/shapes';
import type { AppContext } from './context';
import { h } from './dom';
import { replayOf, type Session } from './session';

/** A team link's way into its room's live relay: the address and the team's (or room's) key. */
export interface LiveLink {
  readonly url: string;
  readonly roomKey?: string;
  readonly teamKey?: string;
}

const keyOf = (room: string): string => `momentum.live.${room}`;

/** Keeps a room's live link on this device, so a reload or a game reopened later still publishes. */
export function rememberLiveLink(store: Store, room: string, link: LiveLink): void {
  store.set(keyOf(room), JSON.stringify(link));
}

function liveLinkOf(store: Store, room: string): LiveLink | null {
  try {
    const raw = JSON.parse(store.get(keyOf(room)) ?? 'null') as Partial<LiveLink> | null;
    if (!raw || typeof raw.url !== 'string') return null;
    if (typeof raw.teamKey === 'string') return { url: raw.url, teamKey: raw.teamKey };
    if (typeof raw.roomKey === 'string') return { url: raw.url, roomKey: raw.roomKey };
  } catch {
    // A damaged entry: the game hands in by code, as without a relay.
  }
  return null;
}

/** This page's connection for each game, opened on its first turn and kept while the page is open. */
const open = new Map<string, Promise<LiveTeam | null>>();
/** The facilitator's latest pacing for each game, and who redraws when it changes. */
const paces = new Map<string, Pace>();
const paceListeners = new Map<string, () => void>();
/** Messages to all teams already shown, by id, so a reconnect does not show one again. */
const heard = new Set<number>();

const OFFLINE =
  'Your facilitator’s live room cannot be reached right now. Play on: every turn is kept, it reaches the room when the connection is back, and you can always hand in your code.';

function connect(
  ctx: AppContext,
  session: Session,
  room: string,
  team: string,
  link: LiveLink,
): Promise<LiveTeam | null> {
  return ctx.services.liveCode().then(
    ({ joinAsTeam }) => {
      let said = false;
      const live = joinAsTeam({
        url: link.url,
        room,
        team,
        key: link.teamKey !== undefined ? { teamKey: link.teamKey } : { roomKey: link.roomKey! },
        WebSocket: ctx.services.webSocket,
        onStatus(status, reason) {
          if (status === 'connected') {
            ctx.notices.close('live-offline');
            if (!said) ctx.announce('Connected to your facilitator’s live room: each turn reaches it as you play.');
            said = true;
          } else if (status === 'offline' || status === 'refused') {
            ctx.notices.show({
              id: 'live-offline',
              text: status === 'refused' ? `${OFFLINE} (${reason ?? 'refused'})` : OFFLINE,
            });
          }
        },
      });
      live.onPace((pace) => {
        paces.set(session.key, pace);
        const m = pace.message;
        if (m && !heard.has(m.id)) {
          heard.add(m.id);
          ctx.notices.show({ id: 'facilitator-message', text: `From your facilitator: ${m.text}` });
          ctx.announce(`From your facilitator: ${m.text}`);
        }
        showTimer(ctx, pace.timerEnds);
        paceListeners.get(session.key)?.();
      });
      return live;
    },
    () => {
      ctx.notices.show({ id: 'live-offline', text: OFFLINE });
      return null;
    },
  );
}

/**
 * Publishes the game's run so far to its room's relay, when the team's link gave one; without a
 * relay it does nothing and the team hands in by code, as ever.
 */
export function publishRun(ctx: AppContext, session: Session): void {
  const room = session.meta?.room;
  const team = session.meta?.team;
  if (!room || !team) return;
  const link = liveLinkOf(ctx.store, room);
  if (!link) return;
  const { code } = replayOf(session);
  if (code === null) return;
  let live = open.get(session.key);
  if (!live) {
    live = connect(ctx, session, room, team, link);
    open.set(session.key, live);
  }
  const run = {
    code,
    turn: session.records.length,
    of: session.scenario.turns,
    regime: session.state.regime,
    over: session.state.over,
  };
  void live.then((t) => t?.publish(run));
}

/**
 * Why this game's turn cannot end now, or null when it can: the facilitator has paused the room,
 * or opened turns only up to the one just played.
 */
export function waitingWords(session: Session): string | null {
  const pace = paces.get(session.key);
  if (!pace || session.state.over) return null;
  const next = session.records.length + 1;
  if (pace.paused)
    return `Waiting for your facilitator: the room is paused, and turn ${next} opens soon. You can choose this turn’s cards meanwhile.`;
  if (pace.open !== null && next > pace.open)
    return `Waiting for your facilitator: turn ${next} opens soon. You can choose this turn’s cards meanwhile.`;
  return null;
}

/** Calls `redraw` whenever the facilitator's pacing of this game changes; the result stops it. */
export function followPace(session: Session, redraw: () => void): () => void {
  paceListeners.set(session.key, redraw);
  return () => {
    if (paceListeners.get(session.key) === redraw) paceListeners.delete(session.key);
  };
}

/** The round timer the facilitator runs, on a team's screen: one line, updated in place each second. */
let timer: { element: HTMLElement; stop: () => void } | null = null;

function showTimer(ctx: AppContext, endsAt: number | null): void {
  timer?.stop();
  timer = null;
  if (endsAt === null) return;
  const element = h('p', { class: 'live-timer', role: 'timer', 'data-testid': 'team-timer' });
  const draw = (): void => {
    const left = Math.max(0, Math.ceil((endsAt - ctx.services.clock.now()) / 1000));
    element.textContent =
      left === 0
        ? 'Round time is up'
        : `Round time left ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    element.classList.toggle('time-up', left === 0);
  };
  draw();
  document.body.append(element);
  const stopTicking = ctx.services.timers.every(1000, draw);
  timer = {
    element,
    stop: () => {
      stopTicking();
      element.remove();
    },
  };
}

/** Closes every live connection this page opened, and the round timer with them. */
export function closeLiveTeams(): void {
  for (const live of open.values()) void live.then((t) => t?.close());
  open.clear();
  paces.clear();
  timer?.stop();
  timer = null;
}
