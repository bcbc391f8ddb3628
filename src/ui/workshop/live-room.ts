import { teamKey } from '../../live/keys';
import type { LiveRoom } from '../../live/client';
import type { Pace, RosterEntry } from '../../live/shapes';
import type { Store } from '../../platform/storage';
import type { AppContext } from '../context';
import { h } from '../dom';
import type { RoomKeeper } from './room-keeper';

/** A live room as its facilitator holds it: the relay, the room's key and the facilitator's own. */
export interface RoomLive {
  readonly url: string;
  readonly roomKey: string;
  readonly facilitatorKey: string;
}

const keyOf = (room: string): string => `momentum.live.facilitator.${room}`;

export function rememberRoomLive(store: Store, room: string, live: RoomLive): void {
  store.set(keyOf(room), JSON.stringify(live));
}

const isRoomLive = (x: unknown): x is RoomLive =>
  typeof x === 'object' &&
  x !== null &&
  ['url', 'roomKey', 'facilitatorKey'].every((k) => typeof (x as Record<string, unknown>)[k] === 'string');

/**
 * The room's live settings: from the dashboard address's fragment (the facilitator key travels
 * there, never in a query a team could see), else from this browser, where the setup kept them.
 */
export function roomLiveOf(ctx: AppContext, room: string): RoomLive | null {
  const fragment = new URLSearchParams(ctx.services.address.hash.replace(/^#/, ''));
  const fromAddress = { url: fragment.get('relay'), roomKey: fragment.get('rk'), facilitatorKey: fragment.get('fk') };
  if (isRoomLive(fromAddress)) {
    rememberRoomLive(ctx.store, room, fromAddress);
    return fromAddress;
  }
  try {
    const kept: unknown = JSON.parse(ctx.store.get(keyOf(room)) ?? 'null');
    return isRoomLive(kept) ? kept : null;
  } catch {
    return null;
  }
}

/** Puts the live settings in the dashboard's address, so it opens on another of the facilitator's devices. */
export function showLiveInAddress(ctx: AppContext, live: RoomLive): void {
  const { address } = ctx.services;
  const fragment = new URLSearchParams({ relay: live.url, rk: live.roomKey, fk: live.facilitatorKey });
  address.replace(`${address.pathname}${address.search}#${fragment.toString()}`);
}

/** What the teams' shared link adds for a live room: the relay and the room's key. */
export const liveLinkParams = (live: RoomLive): Record<string, string> => ({ relay: live.url, rk: live.roomKey });

/** What each named team's own link adds: the relay and a key that opens that team's document only. */
export async function teamLinkParams(
  live: RoomLive,
  teams: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  const keys = await Promise.all(teams.map((t) => teamKey(live.roomKey, t)));
  return new Map(teams.map((t, i) => [t, { relay: live.url, tk: keys[i]! }]));
}

/**
 * Watches the room on its relay: each team's run, as it arrives, is added to the room as a
 * pasted code would be, so it is verified by re-playing it before it is shown as verified; the
 * relay is never trusted. Returns the status line to show, and how to stop.
 */
export async function watchLive(
  ctx: AppContext,
  room: string,
  live: RoomLive,
  keeper: RoomKeeper,
  redraw: () => void,
  turns: number,
): Promise<{ element: HTMLElement; stop: () => void; timer: (endsAt: number | null) => void }> {
  const status = h(
    'p',
    { class: 'live-status', 'data-testid': 'live-status', role: 'status' },
    'Live room: connecting to the relay…',
  );
  const { watchRoom } = await ctx.services.liveCode();
  const seen = new Set<string>();
  let joined: readonly RosterEntry[] = [];
  let state = 'connecting';
  const say = (): void => {
    const names = joined.map((e) => e.team).join(', ');
    status.textContent =
      state === 'connected'
        ? `Live room: ${joined.length === 1 ? '1 team' : `${joined.length} teams`} joined${names ? ` (${names})` : ''}. Runs arrive as teams play.`
        : state === 'refused'
          ? 'Live room: the relay refused this dashboard’s keys. Codes pasted, dropped or scanned still work.'
          : 'Live room: the relay cannot be reached now; it is tried again on its own. Codes pasted, dropped or scanned still work.';
  };
  const watch = watchRoom({
    url: live.url,
    room,
    roomKey: live.roomKey,
    facilitatorKey: live.facilitatorKey,
    WebSocket: ctx.services.webSocket,
    onStatus: (s) => {
      state = s;
      say();
    },
  });
  let adding = Promise.resolve();
  watch.onRoster((entries) => {
    joined = entries;
    say();
    const fresh = entries.flatMap((e) =>
      e.run && !seen.has(e.run.code) ? [{ source: `live room (${e.team})`, text: e.run.code }] : [],
    );
    for (const f of fresh) seen.add(f.text);
    if (fresh.length === 0) return;
    // One add at a time, in arrival order: each verifies its codes before the rows show them.
    adding = adding.then(async () => {
      const r = await keeper.add(fresh, ctx.services.clock.now());
      if (!r.ok) return;
      redraw();
      await keeper.save();
    });
  });
  const pacing = paceControls(ctx, watch, turns);
  return {
    element: h('div', { class: 'live-room' }, status, pacing),
    stop: () => watch.close(),
    timer: (endsAt) => watch.setPace({ timerEnds: endsAt }),
  };
}

/** How the room is paced, in words. */
function paceWords(pace: Pace): string {
  if (pace.paused) return 'Paused: no team can end a turn until you resume.';
  if (pace.open !== null) return `Teams may play up to turn ${pace.open}; each then waits for you.`;
  return 'Teams play at their own pace.';
}

/**
 * The facilitator's pacing: open turns up to N, pause and resume every team, let them play on,
 * and send one message to every team.
 */
function paceControls(ctx: AppContext, room: LiveRoom, turns: number): HTMLElement {
  const said = h('p', { class: 'pace-state', 'data-testid': 'pace-state' }, paceWords(room.pace()));
  const turn = h('input', {
    id: 'pace-turn',
    type: 'number',
    min: '1',
    max: String(turns),
    value: '1',
    'data-testid': 'pace-turn',
  });
  const pause = h('button', { type: 'button', class: 'secondary', 'data-testid': 'pace-pause' }, 'Pause all teams');
  const message = h('input', {
    id: 'pace-message',
    type: 'text',
    maxlength: '280',
    'data-testid': 'pace-message',
    placeholder: 'Five minutes left in this round',
  });
  const set = (change: Partial<Pace>, words: string): void => {
    room.setPace(change);
    ctx.announce(words);
  };
  const redraw = (): void => {
    const pace = room.pace();
    said.textContent = paceWords(pace);
    pause.textContent = pace.paused ? 'Resume' : 'Pause all teams';
  };
  pause.addEventListener('click', () => {
    const paused = !room.pace().paused;
    set({ paused }, paused ? 'Every team is paused.' : 'Teams may play again.');
  });
  room.onPace(redraw);
  const open = (): void => {
    const n = Math.trunc(Number(turn.value));
    if (!Number.isInteger(n) || n < 1 || n > turns) {
      ctx.announce(`Choose a turn from 1 to ${turns}.`);
      turn.focus();
      return;
    }
    set({ open: n, paused: false }, `Turns up to ${n} are open.`);
  };
  const send = (): void => {
    const text = message.value.trim().slice(0, 280);
    if (text === '') return;
    set({ message: { id: ctx.services.clock.now(), text } }, 'Your message was sent to every team.');
    message.value = '';
  };
  return h(
    'section',
    { class: 'pace', 'aria-labelledby': 'pace-title' },
    h('h2', { id: 'pace-title' }, 'Pace the room'),
    said,
    h(
      'div',
      { class: 'inline' },
      h('label', { for: 'pace-turn' }, 'Open turns up to'),
      turn,
      h('button', { type: 'button', class: 'primary', 'data-testid': 'pace-open', onclick: open }, 'Open'),
      pause,
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-testid': 'pace-release',
          onclick: () => set({ open: null, paused: false }, 'Teams play at their own pace.'),
        },
        'Let teams play on',
      ),
    ),
    h(
      'form',
      {
        class: 'inline',
        onsubmit: (e: Event) => {
          e.preventDefault();
          send();
        },
      },
      h('label', { for: 'pace-message' }, 'Message to every team'),
      message,
      h('button', { type: 'submit', class: 'secondary', 'data-testid': 'pace-send' }, 'Send'),
    ),
  );
}
