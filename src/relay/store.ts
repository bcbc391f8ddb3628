import { open, type RootDatabase } from 'lmdb';

/** What the relay keeps of a room besides its documents: its key and the facilitator key's hash. */
export interface RoomRecord {
  readonly roomKey: string;
  readonly facilitatorHash: string;
}

/** Where the rooms' keys are kept: in the database, or in Redis when relays share rooms. */
export interface RoomKeys {
  room(room: string): Promise<RoomRecord | undefined>;
  /** Records a room on its facilitator's first visit; false when another claimed it first. */
  claimRoom(room: string, record: RoomRecord): Promise<boolean>;
}

/**
 * The relay's embedded database (LMDB: transactional, crash-safe, one folder): the rooms' keys
 * and every document's Yjs state. Nothing else is kept.
 */
export interface RelayStore extends RoomKeys {
  document(name: string): Uint8Array | null;
  storeDocument(name: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export function openStore(folder: string): RelayStore {
  const root: RootDatabase = open({ path: folder, compression: false });
  const rooms = root.openDB<RoomRecord, string>({ name: 'rooms' });
  const docs = root.openDB<Buffer, string>({ name: 'documents', encoding: 'binary' });
  return {
    room: async (room) => rooms.get(room),
    claimRoom: (room, record) => rooms.ifNoExists(room, () => void rooms.put(room, record)),
    document(name) {
      const found = docs.get(name);
      return found ? new Uint8Array(found) : null;
    },
    async storeDocument(name, state) {
      await docs.put(name, Buffer.from(state));
    },
    close: () => root.close(),
  };
}
