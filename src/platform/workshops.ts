import { openDB, type IDBPDatabase } from 'idb';
import { mergeConflict, mergeRecords } from './session-merge';

/** One hand-in as the facilitator gave it: a code or a replay file's text, and where it came from. */
export interface StoredSubmission {
  readonly source: string;
  readonly text: string;
  /** Milliseconds since 1970, when it was added. */
  readonly at: number;
}

/**
 * A hand-in the facilitator removed (or brought back): kept with the session, so a merge with a
 * tab or file that still holds the hand-in does not bring it back.
 */
export interface Removal {
  /** The hand-in's key (see removalKey). */
  readonly key: string;
  /** Milliseconds since 1970, when it was removed or brought back. */
  readonly at: number;
  readonly removed: boolean;
}

/** The most hand-ins one session keeps: far more than a room of forty hands in, and what its file carries. */
export const MAX_SESSION_HAND_INS = 20_000;
/** The longest hand-in a session keeps, in characters: a replay file of a full game is a few kilobytes. */
export const MAX_HAND_IN_CHARS = 1_000_000;

/** A workshop session: what the room plays, and every hand-in collected so far. */
export interface WorkshopRecord {
  readonly room: string;
  readonly name: string;
  readonly scenario: string;
  readonly seed: string;
  /** Team names the facilitator listed (for one link per team); may be empty. */
  readonly teams: readonly string[];
  readonly createdAt: number;
  readonly submissions: readonly StoredSubmission[];
  /** Hand-ins removed from the room, and brought back; absent in sessions stored before removal existed. */
  readonly removals?: readonly Removal[];
}

/** Where workshop sessions are kept; every method says what went wrong by rejecting with a sentence. */
export interface WorkshopStore {
  /** False when the browser refused IndexedDB: sessions then last only while the page is open. */
  readonly persistent: boolean;
  list(): Promise<WorkshopRecord[]>;
  get(room: string): Promise<WorkshopRecord | null>;
  put(record: WorkshopRecord): Promise<void>;
  /**
   * Stores a copy of a room merged with what is stored for it (see session-merge.ts), in one
   * step no other tab can come between, and gives back what is now stored. Rejects, storing
   * nothing, when the stored room plays another scenario or seed.
   */
  merge(record: WorkshopRecord): Promise<WorkshopRecord>;
  remove(room: string): Promise<void>;
}

/** Two sessions with one room code that play different games: never merged, never replaced. */
export class SessionConflict extends Error {}

/** What is stored once `record` is merged into `stored` (or stored as it is, when nothing was). */
function merged(stored: WorkshopRecord | null | undefined, record: WorkshopRecord): WorkshopRecord {
  if (!stored) return record;
  const conflict = mergeConflict(stored, record);
  if (conflict) throw new SessionConflict(`These sessions cannot be one room: ${conflict}.`);
  return mergeRecords(stored, record);
}

const DB = 'momentum-workshops';
const STORE = 'sessions';

/** Why a write failed, in one sentence a facilitator can act on. */
function failure(e: unknown): Error {
  const name = e instanceof DOMException ? e.name : '';
  return new Error(
    name === 'QuotaExceededError'
      ? 'The browser’s storage is full, so this session is kept only while this page is open: export it as a file to keep it.'
      : 'The browser refused to store this session, so it is kept only while this page is open: export it as a file to keep it.',
  );
}

/** Sessions in IndexedDB (through idb); a browser that refuses it gets a store in memory instead. */
export async function openWorkshopStore(): Promise<WorkshopStore> {
  let db: IDBPDatabase;
  try {
    db = await openDB(DB, 1, {
      upgrade(d) {
        d.createObjectStore(STORE, { keyPath: 'room' });
      },
    });
  } catch {
    return memoryWorkshopStore(false);
  }
  return withMemoryFallback({
    persistent: true,
    async list() {
      try {
        return (await db.getAll(STORE)) as WorkshopRecord[];
      } catch {
        return [];
      }
    },
    async get(room) {
      try {
        return ((await db.get(STORE, room)) as WorkshopRecord | undefined) ?? null;
      } catch {
        return null;
      }
    },
    async put(record) {
      try {
        await db.put(STORE, record);
      } catch (e) {
        throw failure(e);
      }
    },
    async merge(record) {
      let next: WorkshopRecord;
      try {
        const tx = db.transaction(STORE, 'readwrite');
        const stored = (await tx.store.get(record.room)) as WorkshopRecord | undefined;
        next = merged(stored, record);
        await tx.store.put(next);
        await tx.done;
      } catch (e) {
        if (e instanceof SessionConflict) throw e;
        throw failure(e);
      }
      return next;
    },
    async remove(room) {
      try {
        await db.delete(STORE, room);
      } catch (e) {
        throw failure(e);
      }
    },
  });
}

/**
 * A store that keeps working when the browser's storage is full or refuses a write: a session it
 * could not store stays in this page's memory, where the dashboard reads, collects and exports it
 * as if it were stored, and the write still rejects with a sentence saying so. What the page holds
 * is merged over what the browser holds, so nothing already stored is hidden.
 */
export function withMemoryFallback(store: WorkshopStore): WorkshopStore {
  const held = memoryWorkshopStore(false);
  const combined = async (room: string): Promise<WorkshopRecord | null> => {
    const [mine, kept] = await Promise.all([held.get(room), store.get(room)]);
    if (mine && kept && !mergeConflict(kept, mine)) return mergeRecords(kept, mine);
    return mine ?? kept;
  };
  const hold = async (record: WorkshopRecord, e: unknown): Promise<never> => {
    if (e instanceof SessionConflict) throw e;
    const now = await combined(record.room);
    await held.put(now && !mergeConflict(now, record) ? mergeRecords(now, record) : record);
    throw e instanceof Error && !(e instanceof DOMException) ? e : failure(e);
  };
  return {
    persistent: store.persistent,
    async list() {
      const rooms = new Set([...(await store.list()), ...(await held.list())].map((r) => r.room));
      const all = await Promise.all([...rooms].map((room) => combined(room)));
      return all.filter((r): r is WorkshopRecord => r !== null);
    },
    get: combined,
    async put(record) {
      try {
        await store.put(record);
        await held.remove(record.room);
      } catch (e) {
        await hold(record, e);
      }
    },
    async merge(record) {
      let stored: WorkshopRecord;
      try {
        stored = await store.merge(record);
      } catch (e) {
        return hold(record, e);
      }
      // Storage takes writes again: what this page held goes in too.
      const mine = await held.get(record.room);
      if (!mine || mergeConflict(stored, mine)) return stored;
      try {
        const all = await store.merge(mine);
        await held.remove(record.room);
        return all;
      } catch {
        return mergeRecords(stored, mine);
      }
    },
    async remove(room) {
      await held.remove(room);
      await store.remove(room);
    },
  };
}

/** Sessions in memory: for tests, and for browsers that refuse IndexedDB. */
export function memoryWorkshopStore(persistent = false): WorkshopStore {
  const m = new Map<string, WorkshopRecord>();
  return {
    persistent,
    list: () => Promise.resolve([...m.values()]),
    get: (room) => Promise.resolve(m.get(room) ?? null),
    put: (r) => Promise.resolve(void m.set(r.room, structuredClone(r))),
    merge: (r) => {
      try {
        const next = merged(m.get(r.room), r);
        m.set(r.room, structuredClone(next));
        return Promise.resolve(structuredClone(next));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    },
    remove: (room) => Promise.resolve(void m.delete(room)),
  };
}
