import { fromBase64Url, toBase64Url } from '../replay/bytes';
import { wellFormed } from '../replay/seed';

/**
 * A scenario shared as a link: the file's exact text, packed with deflate and written in URL-safe
 * base64 after `#lab=`. The part after `#` never reaches a server, so no server sees or limits it;
 * what bounds the link is what people can paste into a chat or an e-mail and still open. Chat tools
 * such as Slack and Teams carry tens of thousands of characters; those that cut far shorter (Discord
 * at 2,000, Outlook's links at 1,024) cannot carry even a shipped scenario: there, share the file.
 */

/** The fragment key: a link to the lab with a scenario in it ends in `#lab=DATA`. */
export const SHARE_KEY = 'lab';

/** Browsers take far more (Chromium 2 MB, Firefox 1 MB, Safari ~80,000); 8,000 is what RFC 9110 asks every tool to pass. */
export const MAX_LINK_LENGTH = 8000;

/** A link never unpacks past this: a real scenario is a few kilobytes, a "zip bomb" is not read to its end. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/** Compressed bytes fed to the unpacker at a time, so no step unpacks more than about a megabyte at once. */
const FEED_BYTES = 1024;

export type ShareResult =
  | { readonly ok: true; readonly fragment: string; readonly length: number }
  | { readonly ok: false; readonly reason: string };

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** 12345 as "12,345": numbers in sentences read the same in every browser and language setting. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return joined(chunks);
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const fed = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const [out] = await Promise.all([bytesOf(stream.readable), fed]);
  return out;
}

/**
 * Packs a scenario file's text into a link fragment (`#lab=…`). `base`, when given, is the address
 * the fragment will be added to (the lab's own page), so the length checked is the whole link's.
 * Refuses, in one sentence that offers the file instead, text a link cannot carry.
 */
export async function shareFragment(text: string, options: { readonly base?: string } = {}): Promise<ShareResult> {
  if (!wellFormed(text)) {
    return {
      ok: false,
      reason:
        'This scenario holds a broken character (half of an emoji or other symbol) that a link cannot carry: fix it, or share the file instead.',
    };
  }
  if (typeof CompressionStream !== 'function') {
    return { ok: false, reason: 'This browser cannot pack a scenario into a link: share the file instead.' };
  }
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      reason: `This scenario is ${megabytes(bytes.length)}, more than the ${megabytes(MAX_SCENARIO_BYTES)} a link can carry: share the file instead.`,
    };
  }
  const fragment = `#${SHARE_KEY}=${toBase64Url(await deflate(bytes))}`;
  const base = options.base === undefined ? '' : options.base.split('#')[0]!;
  const length = base.length + fragment.length;
  if (length > MAX_LINK_LENGTH) {
    return {
      ok: false,
      reason: `This scenario makes a link of ${grouped(length)} characters, more than the ${grouped(MAX_LINK_LENGTH)} a link can safely carry: share the file instead.`,
    };
  }
  return { ok: true, fragment, length };
}

const DAMAGED_DATA =
  'This link is damaged or cut short: the scenario data in it has characters or a length the lab never writes; ask for the link again, or for the file.';
const CUT_SHORT =
  'This link is damaged or cut short: the scenario in it cannot be unpacked; ask for the link again, or for the file.';
const TOO_LARGE = `This link unpacks to more than ${megabytes(MAX_SCENARIO_BYTES)}, far more than any scenario, so it was not opened.`;
const NOT_TEXT =
  'This link is damaged: the scenario in it is not readable text; ask for the link again, or for the file.';
const NO_UNPACKER = 'This browser cannot unpack a scenario from a link: open the scenario file instead.';
const EMPTY = `This link holds no scenario: nothing follows #${SHARE_KEY}=.`;

/** Unpacks at most MAX_SCENARIO_BYTES, or says why not. */
async function inflate(data: Uint8Array): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // Fed a slice at a time and read concurrently, so a bomb stops growing once the reader stops.
  const feed = (async () => {
    for (let at = 0; at < data.length && !stopped; at += FEED_BYTES) {
      await writer.ready;
      await writer.write(data.slice(at, at + FEED_BYTES));
    }
    if (!stopped) await writer.close();
  })().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_SCENARIO_BYTES) {
        stopped = true;
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        return { ok: false, reason: TOO_LARGE };
      }
      chunks.push(value);
    }
  } catch {
    stopped = true;
    await writer.abort().catch(() => undefined);
    return { ok: false, reason: CUT_SHORT };
  } finally {
    await feed;
  }
  return { ok: true, bytes: joined(chunks) };
}

/**
 * The scenario text a link fragment carries (`#lab=…`, with or without the `#`), or one sentence
 * saying why it cannot be read; null when the fragment holds no lab data at all. Never throws.
 * Whether the text is a valid scenario is for the lab to show, not for the link to decide.
 */
export async function readShareFragment(hash: string): Promise<ReadResult | null> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHARE_KEY}=`;
  if (!body.startsWith(prefix)) return null;
  const data = body.slice(prefix.length);
  if (data === '') return { ok: false, reason: EMPTY };
  const packed = fromBase64Url(data);
  if (!packed) return { ok: false, reason: DAMAGED_DATA };
  if (typeof DecompressionStream !== 'function') return { ok: false, reason: NO_UNPACKER };
  const r = await inflate(packed).catch(() => ({ ok: false as const, reason: CUT_SHORT }));
  if (!r.ok) return r;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(r.bytes) };
  } catch {
    return { ok: false, reason: NOT_TEXT };
  }
}
