import { openDB, type IDBPDatabase } from 'idb';

/**
 * The scenario lab's draft: the editor's text, kept in IndexedDB after every edit so a reload or
 * a closed tab loses nothing. A browser that refuses IndexedDB keeps it in memory for the visit.
 */
export interface LabDraft {
  readonly text: string;
  /** Where the text came from, shown above the editor ("support-desk.json", "a shared link"). */
  readonly source: string;
  readonly savedAt: number;
}

export interface DraftStore {
  /** False when drafts live only in memory: the lab says a reload will lose them. */
  readonly persistent: boolean;
  get(): Promise<LabDraft | null>;
  put(draft: LabDraft): Promise<boolean>;
}

// Not the lab's run-time cache name (momentum-lab-code): workbox keeps its own IndexedDB under that.
const DB = 'momentum-lab-drafts';
const STORE = 'drafts';
const KEY = 'current';

export async function openDraftStore(): Promise<DraftStore> {
  let db: IDBPDatabase;
  try {
    db = await openDB(DB, 1, {
      upgrade(d) {
        d.createObjectStore(STORE);
      },
    });
  } catch {
    return memoryDraftStore();
  }
  return {
    persistent: true,
    async get() {
      try {
        return ((await db.get(STORE, KEY)) as LabDraft | undefined) ?? null;
      } catch {
        return null;
      }
    },
    async put(draft) {
      try {
        await db.put(STORE, draft, KEY);
        return true;
      } catch {
        return false;
      }
    },
  };
}

export function memoryDraftStore(): DraftStore {
  let held: LabDraft | null = null;
  return {
    persistent: false,
    get: () => Promise.resolve(held),
    put: (d) => Promise.resolve(((held = d), true)),
  };
}
