/** Local storage that never throws: a refusal is a return value the caller must handle. */
export interface Store {
  get(key: string): string | null;
  /** False when the browser refused to keep it (storage full, disabled or private mode). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** Every key held, in no particular order; empty when storage cannot be read. */
  keys(): string[];
  /** Calls `listener` when another tab changes a key; returns a function that stops listening. */
  watch(listener: (key: string, value: string | null) => void): () => void;
}

export function browserStore(): Store {
  return {
    get(key) {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        window.localStorage.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing to remove from a store that cannot be read.
      }
    },
    keys() {
      try {
        const out: string[] = [];
        for (let i = 0; i < window.localStorage.length; i++) {
          const k = window.localStorage.key(i);
          if (k !== null) out.push(k);
        }
        return out;
      } catch {
        return [];
      }
    },
    watch(listener) {
      // The storage event fires in every other tab of this site when a key changes.
      const on = (e: StorageEvent): void => {
        if (e.key !== null) listener(e.key, e.newValue);
      };
      window.addEventListener('storage', on);
      return () => window.removeEventListener('storage', on);
    },
  };
}

/** A store in memory, for tests and for browsers that refuse storage. */
export function memoryStore(): Store {
  const m = new Map<string, string>();
  return {
    get: (k) => m.get(k) ?? null,
    set: (k, v) => (m.set(k, v), true),
    remove: (k) => void m.delete(k),
    keys: () => [...m.keys()],
    watch: () => () => undefined,
  };
}
