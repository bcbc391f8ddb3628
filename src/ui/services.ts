import type { DraftStore } from '../platform/lab-drafts';
import type { createWorld } from './world';

/** Wall-clock and elapsed time, in milliseconds. */
export interface Clock {
  /** Milliseconds since 1970: what saves, drafts and removal marks are stamped with. */
  now(): number;
  /** A monotonic time, for measuring how long something took. */
  elapsed(): number;
}

/** Timers that hand back their own cancel, so a screen cleans up by calling what it got. */
export interface Timers {
  /** Runs `run` once after `ms`; the result cancels it. */
  after(ms: number, run: () => void): () => void;
  /** Runs `run` every `ms`; the result stops it. */
  every(ms: number, run: () => void): () => void;
}

/** The parts of the address the app reads and writes. */
interface Address {
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  reload(): void;
  /** Changes the address without a reload (history.replaceState). */
  replace(url: string): void;
}

/** A device camera that reads QR codes into text. */
export interface Camera {
  /** False when the device has no camera at all. */
  available(): Promise<boolean>;
  /** Starts reading codes shown to the camera into `video`; the result stops and releases it. */
  start(video: HTMLVideoElement, onText: (text: string) => void): Promise<() => void>;
}

/**
 * Everything the screens ask of the browser beyond the page itself, passed in through the app's
 * context: screens then run in Node tests (happy-dom) with stand-ins, and the browser's own
 * versions live in one file (browser-services.ts).
 */
export interface Services {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly address: Address;
  /** Opens the browser's print dialog for the page. */
  print(): void;
  /** A short chime, for a round timer that runs out; silent where the browser plays no sound. */
  chime(): void;
  /**
   * Readies the chime's sound on a click (sound ticked, a timer started): browsers allow sound to
   * start only after a click, and the chime comes minutes later, from a timer.
   */
  readyChime(): void;
  matchMedia(query: string): MediaQueryList;
  /** Copies text to the clipboard; false when the browser refused. */
  copyText(text: string): Promise<boolean>;
  /** Offers `text` as a file download named `name`; nothing leaves the page. */
  download(name: string, type: string, text: string): void;
  /** This tab's own storage (sessionStorage), null when the browser refuses it. */
  readonly tabStorage: Storage | null;
  /** The lab's draft store (IndexedDB, or memory when refused). */
  drafts(): Promise<DraftStore>;
  /** A new balance worker for the lab, null where the browser runs no workers. */
  balanceWorker(): Worker | null;
  /** How many cores the device offers for balance workers. */
  readonly cores: number;
  /** A channel to this site's other tabs, null where the browser has none. */
  channel(name: string): BroadcastChannel | null;
  /** The QR camera, its library loaded on first need. */
  camera(): Promise<Camera>;
  /** The animated world's code (Phaser), loaded on first need; a refusal leaves the still picture. */
  worldCode(): Promise<{ readonly createWorld: typeof createWorld }>;
  /** The live rooms' client (Yjs and Hocuspocus), loaded only for a room with a relay. */
  liveCode(): Promise<typeof import('../live/client')>;
  /** The WebSocket class live rooms connect with. */
  readonly webSocket: unknown;
  /** The address of the relay started beside this site (`npm start`), or null where none was. */
  siteRelay(): Promise<string | null>;
}
