import { openDB, type IDBPDatabase } from 'idb';

/**
 * The scenario lab's draft: the editor's text, kept in IndexedDB after every edit so a reload or
 * a closed tab loses nothing. A browser that refuses IndexedDB keeps it in memory for the visit.
 */
interface LabDraft {
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
  /** The draft put aside when a shared link took the editor, so opening a link never loses one. */
  getAside(): Promise<LabDraft | null>;
  putAside(draft: LabDraft): Promise<boolean>;
}

// Not the lab's run-time cache name (momentum-lab-code): workbox keeps its own IndexedDB under that.
const DB = 'momentum-lab-drafts';
const STORE = 'drafts';
const KEY = 'current';
const ASIDE = 'aside';

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
  const read = async (key: string): Promise<LabDraft | null> => {
    try {
      return ((await db.get(STORE, key)) as LabDraft | undefined) ?? null;
    } catch {
      return null;
    }
  };
  const write = async (key: string, draft: LabDraft): Promise<boolean> => {
    try {
      await db.put(STORE, draft, key);
      return true;
    } catch {
      return false;
    }
  };
  return {
    persistent: true,
    get: () => read(KEY),
    put: (draft) => write(KEY, draft),
    getAside: () => read(ASIDE),
    putAside: (draft) => write(ASIDE, draft),
  };
}

export function memoryDraftStore(): DraftStore {
  let held: LabDraft | null = null;
  let aside: LabDraft | null = null;
  return {
    persistent: false,
    get: () => Promise.resolve(held),
    put: (d) => Promise.resolve(((held = d), true)),
    getAside: () => Promise.resolve(aside),
    putAside: (d) => Promise.resolve(((aside = d), true)),
  };
}
