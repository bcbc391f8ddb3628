import type { Camera, Services } from './services';
import { h } from './dom';

/** Offers `text` as a file download named `name`; nothing leaves the page. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Private modes may refuse storage: the page then keeps its choices for this visit only.
    return null;
  }
}

/** The page's one sound context, made (or woken) on a click so that a later chime may sound. */
let audio: AudioContext | null = null;

function readyChime(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    // No audio here: the timer's face still shows that time is up.
  }
}

/** Two soft tones, made on the spot: no sound file is fetched or shipped. */
function chime(): void {
  try {
    readyChime();
    if (!audio) return;
    for (const [i, hz] of [660, 880].entries()) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      const at = audio.currentTime + i * 0.35;
      tone.frequency.value = hz;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.65);
    }
  } catch {
    // No audio here (or refused): the timer's face still shows that time is up.
  }
}

/** The QR scanner library, loaded only when a facilitator first asks for the camera. */
async function qrCamera(): Promise<Camera> {
  const { default: QrScanner } = await import('qr-scanner');
  return {
    available: () => QrScanner.hasCamera(),
    async start(video, onText) {
      const scanner = new QrScanner(video, (result) => onText(result.data), {
        returnDetailedScanResult: true,
        maxScansPerSecond: 5,
      });
      await scanner.start();
      return () => {
        scanner.stop();
        scanner.destroy();
      };
    },
  };
}

/** The browser's own services, for the page the game runs in. */
export function browserServices(): Services {
  return {
    clock: { now: () => Date.now(), elapsed: () => performance.now() },
    timers: {
      after(ms, run) {
        const id = window.setTimeout(run, ms);
        return () => window.clearTimeout(id);
      },
      every(ms, run) {
        const id = window.setInterval(run, ms);
        return () => window.clearInterval(id);
      },
    },
    address: {
      get origin() {
        return window.location.origin;
      },
      get pathname() {
        return window.location.pathname;
      },
      get search() {
        return window.location.search;
      },
      get hash() {
        return window.location.hash;
      },
      reload: () => window.location.reload(),
      replace: (url) => window.history.replaceState(null, '', url),
    },
    print: () => window.print(),
    chime,
    readyChime,
    matchMedia: (query) => window.matchMedia(query),
    copyText,
    download,
    tabStorage: tabStorage(),
    drafts: () => import('../platform/lab-drafts').then((m) => m.openDraftStore()),
    balanceWorker: () =>
      typeof Worker === 'function'
        ? new Worker(new URL('../lab/balance-worker.ts', import.meta.url), { type: 'module', name: 'balance' })
        : null,
    cores: Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2)),
    channel: (name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null),
    camera: qrCamera,
    worldCode: () => import('./world'),
    liveCode: () => import('../live/client'),
    webSocket: globalThis.WebSocket,
    siteRelay: async () => {
      // `npm start` serves relay.json beside the site; a static host has none.
      try {
        const answer = await fetch('./relay.json', { cache: 'no-store' });
        if (!answer.ok) return null;
        const { port } = (await answer.json()) as { port?: unknown };
        return Number.isInteger(port) ? `ws://${location.hostname}:${String(port)}` : null;
      } catch {
        return null;
      }
    },
  };
}
