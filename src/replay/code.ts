import { actionIndex, CATALOGUE, hash64, type Scenario } from '../engine';
import { ByteReader, ByteWriter, fromBase64Url, toBase64Url, Truncated } from './bytes';
import type { ReplayDocument } from './document';

/**
 * Replay code: `M1.` then base64url of
 *   rules version · scenario id · first 4 bytes of the scenario hash · seed · number of turns ·
 *   per turn (number of choices, one byte per choice, first 2 bytes of the turn's fingerprint) ·
 *   final fingerprint (8 bytes) · optional metadata · checksum (4 bytes of the hash of all before).
 * A choice byte is action index × 9 + (member index + 1), or × 9 + 0 for untargeted actions.
 */
export const CODE_PREFIX = 'M';
export const CODE_VERSION = 1;
const MAX_MEMBERS = 8;

export interface RawCode {
  readonly rules: number;
  readonly scenarioId: string;
  readonly hashPrefix: string;
  readonly seed: string;
  readonly turns: readonly {
    readonly choices: readonly { action: number; member: number | null }[];
    readonly check: string;
  }[];
  readonly final: string;
  readonly meta: ReplayDocument['meta'] | undefined;
}

export type DecodeResult = { ok: true; raw: RawCode } | { ok: false; reason: string };

export function encodeCode(doc: ReplayDocument, scenario: Scenario): string {
  const texts = [doc.seed, doc.meta?.player ?? '', doc.meta?.team ?? '', doc.meta?.date ?? ''];
  if (!texts.every(wellFormed)) throw new Error('the seed or a name holds malformed text (a lone surrogate)');
  const w = new ByteWriter()
    .varint(doc.rules)
    .string(doc.scenario.id)
    .hex(doc.scenario.hash.slice(0, 8))
    .string(doc.seed)
    .varint(doc.turns.length);
  doc.turns.forEach((t, i) => {
    w.byte(t.actions.length);
    for (const c of t.actions) {
      const a = actionIndex(c.action);
      const m = c.target === undefined ? -1 : scenario.members.findIndex((x) => x.id === c.target);
      w.byte(a * (MAX_MEMBERS + 1) + (m + 1));
    }
    w.hex((doc.checkpoints[i]?.fingerprint ?? '0000').slice(0, 4));
  });
  w.hex(doc.final);
  const meta = doc.meta ?? {};
  const flags =
    (meta.player !== undefined ? 1 : 0) | (meta.team !== undefined ? 2 : 0) | (meta.date !== undefined ? 4 : 0);
  w.byte(flags);
  if (meta.player !== undefined) w.string(meta.player);
  if (meta.team !== undefined) w.string(meta.team);
  if (meta.date !== undefined) w.string(meta.date);
  const body = w.result();
  const sum = new ByteWriter().bytes(body).hex(checksum(body)).result();
  return `${CODE_PREFIX}${CODE_VERSION}.${toBase64Url(sum)}`;
}

function checksum(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return hash64(text).slice(0, 8);
}

/** Codes carry text as UTF-8, which cannot hold a lone half of a surrogate pair. */
export function wellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** Far longer than any real code: refused before any work is done on it. */
export const MAX_CODE_LENGTH = 4000;

/** Decodes a code's bytes; every failure is a reason a person can act on, never an exception. */
export function decodeCode(input: string): DecodeResult {
  const text = input.trim();
  if (text.length > MAX_CODE_LENGTH)
    return { ok: false, reason: `This is too long to be a replay code (${text.length} characters).` };
  const m = /^([A-Za-z])(\d+)\.(.*)$/s.exec(text);
  if (!m || m[1] !== CODE_PREFIX)
    return { ok: false, reason: 'This is not a Momentum replay code (it should start with "M1.").' };
  if (Number(m[2]) !== CODE_VERSION) {
    return {
      ok: false,
      reason: `This replay code has format version ${m[2]}; this version of the game reads version ${CODE_VERSION}.`,
    };
  }
  const bytes = fromBase64Url(m[3]!);
  if (bytes === null)
    return { ok: false, reason: 'The replay code is corrupted: it contains characters that cannot be part of a code.' };
  if (bytes.length < 4 + 12)
    return { ok: false, reason: 'The replay code is truncated: it is too short to hold a run.' };
  const body = bytes.subarray(0, bytes.length - 4);
  const sum = Array.from(bytes.subarray(bytes.length - 4), (x) => x.toString(16).padStart(2, '0')).join('');
  if (sum !== checksum(body)) {
    return { ok: false, reason: 'The replay code is corrupted, truncated or altered: its checksum does not match.' };
  }
  try {
    const r = new ByteReader(body);
    const rules = r.varint();
    const scenarioId = r.string();
    const hashPrefix = r.hex(4);
    const seed = r.string();
    const count = r.varint();
    if (count > 100) throw new Truncated('it lists more turns than any game has');
    const turns = [];
    for (let i = 0; i < count; i++) {
      const n = r.byte();
      const choices = [];
      for (let j = 0; j < n; j++) {
        const b = r.byte();
        const action = Math.floor(b / (MAX_MEMBERS + 1));
        if (action >= CATALOGUE.length) throw new Truncated(`turn ${i + 1} names an action this game does not have`);
        const member = (b % (MAX_MEMBERS + 1)) - 1;
        choices.push({ action, member: member < 0 ? null : member });
      }
      turns.push({ choices, check: r.hex(2) });
    }
    const final = r.hex(8);
    const flags = r.byte();
    const meta: { player?: string; team?: string; date?: string } = {};
    if (flags & 1) meta.player = r.string();
    if (flags & 2) meta.team = r.string();
    if (flags & 4) meta.date = r.string();
    if (r.remaining !== 0 || flags > 7) throw new Truncated('it has unexpected data at the end');
    return { ok: true, raw: { rules, scenarioId, hashPrefix, seed, turns, final, meta: flags ? meta : undefined } };
  } catch (e) {
    if (e instanceof Truncated) return { ok: false, reason: `The replay code is malformed: ${e.message}.` };
    throw e;
  }
}
