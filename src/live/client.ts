import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { docName } from './names';
import { NO_PACE, readPace, readTeamRun, type Pace, type RosterEntry, type TeamRun } from './shapes';
import { tokenText, type LiveToken } from './token';

/** How a connection stands: the game and dashboard say so in words. */
export type LiveStatus = 'connecting' | 'connected' | 'offline' | 'refused';

interface Connection {
  readonly doc: Y.Doc;
  close(): void;
}

export interface LiveOptions {
  /** The relay's address, ws:// or wss://. */
  readonly url: string;
  /** A WebSocket class where the platform has none (Node before 22). */
  readonly WebSocket?: unknown;
  /** Told each time the connection's standing changes, with the relay's reason for a refusal. */
  readonly onStatus?: (status: LiveStatus, reason?: string) => void;
}

/** How long a refused connection waits before asking again: the facilitator may open the room later. */
const RETRY_REFUSED_MS = 5000;

/**
 * One document kept in step with the relay. The document outlives its connections: when the
 * relay refuses it (a room not opened yet, say), a new connection asks again a little later,
 * carrying whatever was written meanwhile.
 */
function connect(options: LiveOptions, name: string, token: LiveToken): Connection {
  const doc = new Y.Doc();
  let provider: HocuspocusProvider | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    if (!provider) return;
    const socket = provider.configuration.websocketProvider;
    provider.destroy();
    socket.destroy();
    provider = null;
  };
  const open = (): void => {
    const socket = new HocuspocusProviderWebsocket({
      url: options.url,
      ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket } : {}),
      // Reconnect on its own, every few seconds at most, for as long as the page is open.
      delay: 500,
      minDelay: 250,
      factor: 2,
      maxDelay: 5000,
      maxAttempts: 0,
    });
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: doc,
      token: tokenText(token),
      onAuthenticationFailed: ({ reason }) => {
        options.onStatus?.('refused', reason);
        retry = setTimeout(() => {
          stop();
          open();
        }, RETRY_REFUSED_MS);
      },
      onStatus: ({ status }) => {
        if (status !== 'connected') options.onStatus?.(status === 'connecting' ? 'connecting' : 'offline');
      },
      onSynced: () => options.onStatus?.('connected'),
    });
    provider.attach();
  };
  open();
  return {
    doc,
    close() {
      clearTimeout(retry);
      stop();
    },
  };
}

function close(...connections: Connection[]): void {
  for (const c of connections) c.close();
}

const paceOf = (doc: Y.Doc): Pace => readPace(doc.getMap('pace').toJSON());

export interface LiveTeam {
  /** Publishes the team's run so far; the latest one wins, and waits for the relay if it is away. */
  publish(run: TeamRun): void;
  /** Called with the facilitator's pacing now and whenever it changes. */
  onPace(listener: (pace: Pace) => void): void;
  close(): void;
}

/** A team's connection: its own document to publish to, and the room's pace to follow. */
export function joinAsTeam(
  options: LiveOptions & {
    readonly room: string;
    readonly team: string;
    readonly key: { readonly teamKey: string } | { readonly roomKey: string };
  },
): LiveTeam {
  const token: LiveToken = { role: 'team', room: options.room, team: options.team, ...options.key } as LiveToken;
  const own = connect(options, docName({ kind: 'team', room: options.room, team: options.team }), token);
  const pace = connect({ ...options, onStatus: undefined }, docName({ kind: 'pace', room: options.room }), token);
  return {
    publish(run) {
      own.doc.transact(() => {
        const map = own.doc.getMap('run');
        for (const [k, v] of Object.entries(run)) if (map.get(k) !== v) map.set(k, v);
      });
    },
    onPace(listener) {
      listener(paceOf(pace.doc));
      pace.doc.getMap('pace').observe(() => listener(paceOf(pace.doc)));
    },
    close: () => close(own, pace),
  };
}

export interface LiveRoom {
  /** Called with every team the relay has seen and its latest run, now and on every change. */
  onRoster(listener: (entries: RosterEntry[]) => void): void;
  /** Called whenever the room's pacing changes (here or on the facilitator's other devices). */
  onPace(listener: () => void): void;
  pace(): Pace;
  setPace(change: Partial<Pace>): void;
  close(): void;
}

/** The facilitator's connection: the roster to watch and the pace to set. */
export function watchRoom(
  options: LiveOptions & { readonly room: string; readonly roomKey: string; readonly facilitatorKey: string },
): LiveRoom {
  const token: LiveToken = {
    role: 'facilitator',
    room: options.room,
    roomKey: options.roomKey,
    facilitatorKey: options.facilitatorKey,
  };
  const roster = connect(options, docName({ kind: 'roster', room: options.room }), token);
  const pace = connect({ ...options, onStatus: undefined }, docName({ kind: 'pace', room: options.room }), token);
  const entries = (): RosterEntry[] =>
    [...roster.doc.getMap<{ run: unknown }>('teams').entries()].map(([team, v]) => ({
      team,
      run: readTeamRun(v?.run),
    }));
  return {
    onRoster(listener) {
      listener(entries());
      roster.doc.getMap('teams').observe(() => listener(entries()));
    },
    onPace(listener) {
      pace.doc.getMap('pace').observe(() => listener());
    },
    pace: () => paceOf(pace.doc),
    setPace(change) {
      pace.doc.transact(() => {
        const map = pace.doc.getMap('pace');
        for (const [k, v] of Object.entries({ ...NO_PACE, ...paceOf(pace.doc), ...change })) map.set(k, v);
      });
    },
    close: () => close(roster, pace),
  };
}
