import WebSocket from 'ws';
import { memoryDraftStore } from '../../src/platform/lab-drafts';
import type { Camera, Services } from '../../src/ui/services';

/** A storage held in memory, as sessionStorage would be. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/** What the stand-in services were asked to do, for tests to read. */
interface ServiceLog {
  readonly copied: string[];
  readonly downloads: { name: string; type: string; text: string }[];
  /** Every address the page was moved to without a reload. */
  readonly addresses: string[];
  prints: number;
  chimes: number;
  reloads: number;
}

/** Stand-in services whose time moves only when a test says so. */
export interface TestServices extends Services {
  readonly log: ServiceLog;
  /** Moves the clock on by `ms`, running every timer that falls due on the way, in time order. */
  advance(ms: number): void;
  /** Lets promises waiting on the page settle (a few turns of the microtask queue). */
  settle(): Promise<void>;
}

interface Pending {
  at: number;
  run: () => void;
  every: number | null;
  id: number;
}

/**
 * Services for screens under test in Node: a clock starting at `start` that moves only with
 * `advance`, timers run by `advance`, an address at `url`, a clipboard that accepts (or refuses,
 * with `clipboard: false`), downloads and prints written down, no workers, no other tabs and no camera.
 */
export function testServices(
  options: {
    readonly url?: string;
    readonly start?: number;
    readonly clipboard?: boolean;
    readonly camera?: Camera;
    readonly reducedMotion?: boolean;
    /** A touch screen: no hover, a coarse pointer. */
    readonly touch?: boolean;
    /** The relay the site was started with. */
    readonly relay?: string;
  } = {},
): TestServices {
  let now = options.start ?? Date.UTC(2026, 0, 15, 9, 30);
  let elapsed = 0;
  let nextId = 1;
  let pending: Pending[] = [];
  const url = new URL(options.url ?? 'https://momentum.example/');
  const log: ServiceLog = { copied: [], downloads: [], addresses: [], prints: 0, chimes: 0, reloads: 0 };
  const schedule = (ms: number, run: () => void, every: number | null): (() => void) => {
    const id = nextId++;
    pending.push({ at: elapsed + Math.max(0, ms), run, every, id });
    return () => void (pending = pending.filter((p) => p.id !== id));
  };
  const noCamera: Camera = {
    available: () => Promise.resolve(false),
    start: () => Promise.reject(new Error('no camera')),
  };
  return {
    log,
    clock: { now: () => now, elapsed: () => elapsed },
    timers: {
      after: (ms, run) => schedule(ms, run, null),
      every: (ms, run) => schedule(ms, run, Math.max(1, ms)),
    },
    advance(ms) {
      const end = elapsed + ms;
      for (;;) {
        const due = pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        now += due.at - elapsed;
        elapsed = due.at;
        if (due.every === null) pending = pending.filter((p) => p !== due);
        else due.at += due.every;
        due.run();
      }
      now += end - elapsed;
      elapsed = end;
    },
    async settle() {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    },
    address: {
      get origin() {
        return url.origin;
      },
      get pathname() {
        return url.pathname;
      },
      get search() {
        return url.search;
      },
      get hash() {
        return url.hash;
      },
      reload: () => void log.reloads++,
      replace(to) {
        const next = new URL(to, url);
        url.pathname = next.pathname;
        url.search = next.search;
        url.hash = next.hash;
        log.addresses.push(`${next.pathname}${next.search}${next.hash}`);
      },
    },
    print: () => void log.prints++,
    chime: () => void log.chimes++,
    readyChime: () => undefined,
    matchMedia: (query) => {
      const matches = query.includes('prefers-reduced-motion')
        ? (options.reducedMotion ?? true)
        : query.includes('pointer: coarse')
          ? (options.touch ?? false)
          : false;
      const list = new EventTarget() as MediaQueryList;
      Object.assign(list, { matches, media: query, onchange: null, addListener() {}, removeListener() {} });
      return list;
    },
    copyText: (text) => {
      if (options.clipboard === false) return Promise.resolve(false);
      log.copied.push(text);
      return Promise.resolve(true);
    },
    download: (name, type, text) => void log.downloads.push({ name, type, text }),
    tabStorage: new MemoryStorage(),
    drafts: () => Promise.resolve(memoryDraftStore()),
    balanceWorker: () => null,
    cores: 1,
    channel: () => null,
    camera: () => Promise.resolve(options.camera ?? noCamera),
    // No WebGL in Node: the world is the still picture, as in a browser without it.
    worldCode: () => Promise.resolve({ createWorld: () => Promise.reject(new Error('no WebGL here')) }),
    liveCode: () => import('../../src/live/client'),
    webSocket: WebSocket,
    siteRelay: () => Promise.resolve(options.relay ?? null),
  };
}
