import { actionIndex, CATALOGUE, hash64, type Scenario } from '../engine';
import { ByteReader, ByteWriter, fromBase64Url, RanOut, toBase64Url, Truncated, looseBytesOf } from './bytes';
import type { Lineage, ReplayDocument } from './document';
import { CONTROL, wellFormed } from './seed';

/**
 * Replay code: `M1.` then base64url of
 *   rules version · scenario id · first 4 bytes of the scenario hash · seed · number of turns ·
 *   per turn (number of choices, one byte per choice, first 2 bytes of the turn's fingerprint) ·
 *   final fingerprint (8 bytes) · flags · the texts the flags announce (player, team, date, room) ·
 *   on a branch (flag 16) the turn it left its parent and the parent's final fingerprint (8 bytes) ·
 *   checksum (4 bytes of the hash of all before).
 * A choice byte is action index × 9 + (member index + 1), or × 9 + 0 for untargeted actions.
 * Numbers are minimal varints and texts UTF-8, so one run has exactly one code: the decoder
 * re-encodes what it read and refuses any other spelling of the same run.
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
  /**
   * The player's own words (player, team, date), carried as typed. Anyone can change them and
   * recompute the checksum, so they are never part of what verifying a code proves.
   */
  readonly meta: ReplayDocument['meta'] | undefined;
  /** Where a branch left its parent; like the names, a claim the checksum does not prove. */
  readonly lineage: Lineage | undefined;
}

export type DecodeResult = { ok: true; raw: RawCode } | { ok: false; reason: string };

/** The parts of a document a code carries. */
function rawCodeOf(doc: ReplayDocument, scenario: Scenario): RawCode {
  const meta = doc.meta ?? {};
  const flags = metaFlags(meta);
  const lineage = doc.lineage;
  return {
    rules: doc.rules,
    scenarioId: doc.scenario.id,
    hashPrefix: doc.scenario.hash.slice(0, 8),
    seed: doc.seed,
    turns: doc.turns.map((t, i) => ({
      choices: t.actions.map((c) => ({
        action: actionIndex(c.action),
        member: c.target === undefined ? null : scenario.members.findIndex((x) => x.id === c.target),
      })),
      check: (doc.checkpoints[i]?.fingerprint ?? '0000').slice(0, 4),
    })),
    final: doc.final,
    meta: flags === 0 ? undefined : { ...meta },
    lineage: lineage === undefined ? undefined : { atTurn: lineage.atTurn, parentFinal: lineage.parentFinal },
  };
}

const LINEAGE_FLAG = 16;

function metaFlags(meta: NonNullable<ReplayDocument['meta']>): number {
  return (
    (meta.player !== undefined ? 1 : 0) |
    (meta.team !== undefined ? 2 : 0) |
    (meta.date !== undefined ? 4 : 0) |
    (meta.room !== undefined ? 8 : 0)
  );
}

/** The bytes of a code before its checksum, laid out as documented above. */
export function encodeRaw(raw: RawCode): Uint8Array {
  const w = new ByteWriter()
    .varint(raw.rules)
    .string(raw.scenarioId)
    .hex(raw.hashPrefix)
    .string(raw.seed)
    .varint(raw.turns.length);
  for (const t of raw.turns) {
    w.byte(t.choices.length);
    for (const c of t.choices) w.byte(c.action * (MAX_MEMBERS + 1) + (c.member === null ? 0 : c.member + 1));
    w.hex(t.check);
  }
  w.hex(raw.final);
  const meta = raw.meta ?? {};
  w.byte(metaFlags(meta) | (raw.lineage ? LINEAGE_FLAG : 0));
  if (meta.player !== undefined) w.string(meta.player);
  if (meta.team !== undefined) w.string(meta.team);
  if (meta.date !== undefined) w.string(meta.date);
  if (meta.room !== undefined) w.string(meta.room);
  if (raw.lineage) w.varint(raw.lineage.atTurn).hex(raw.lineage.parentFinal);
  return w.result();
}

/** A code's text around its body: prefix, version, base64url of the body and its checksum. */
export function codeOfRaw(raw: RawCode): string {
  const body = encodeRaw(raw);
  const sum = new ByteWriter().bytes(body).hex(checksum(body)).result();
  return `${CODE_PREFIX}${CODE_VERSION}.${toBase64Url(sum)}`;
}

/**
 * The code of a run. Throws when the run holds text no code can carry or comes out longer than
 * the decoder reads; seeds and names that pass seedProblem and metaProblem never do.
 */
export function encodeCode(doc: ReplayDocument, scenario: Scenario): string {
  const r = tryEncodeCode(doc, scenario);
  if (!r.ok) throw new Error(r.reason);
  return r.code;
}

/** The code of a run, or the one sentence saying why this run cannot have one. */
export function tryEncodeCode(
  doc: ReplayDocument,
  scenario: Scenario,
): { ok: true; code: string } | { ok: false; reason: string } {
  const texts = [doc.seed, doc.meta?.player ?? '', doc.meta?.team ?? '', doc.meta?.date ?? '', doc.meta?.room ?? ''];
  if (!texts.every(wellFormed)) {
    return { ok: false, reason: 'This run cannot have a replay code: its seed or a name holds a broken character.' };
  }
  const code = codeOfRaw(rawCodeOf(doc, scenario));
  if (code.length > MAX_CODE_LENGTH) {
    return {
      ok: false,
      reason: `This run cannot have a replay code: its seed and names make it ${code.length} characters long, more than the ${MAX_CODE_LENGTH} a code may have.`,
    };
  }
  return { ok: true, code };
}

function checksum(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return hash64(text).slice(0, 8);
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
  if (m[2] !== String(CODE_VERSION)) return notStandard();
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
  let raw: RawCode;
  try {
    raw = readRaw(body);
  } catch (e) {
    if (e instanceof Truncated) return { ok: false, reason: `The replay code is malformed: ${e.message}.` };
    throw e;
  }
  return sameBytes(encodeRaw(raw), body) ? { ok: true, raw } : notStandard();
}

function notStandard(): DecodeResult {
  return {
    ok: false,
    reason:
      'The replay code is not in its standard form: it was altered or made by another program, and the game only accepts the one code it gives each run.',
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** How far reading a code got: what a code cut short can still say about itself. */
interface Progress {
  header: Pick<RawCode, 'rules' | 'scenarioId' | 'hashPrefix' | 'seed'> | null;
  turns: RawCode['turns'][number][];
  turnsListed: number | null;
  team: string | null;
  final: string | null;
  /** Set when a field holds what the game never writes: a cut code's reading is then noise. */
  odd: boolean;
  /** The texts read so far: a cut code's must look like the game's own, or it was altered. */
  texts: { scenarioId?: string; seed?: string; names: string[] };
}

function readRaw(body: Uint8Array): RawCode {
  const r = new ByteReader(body);
  const raw = readFields(r, emptyProgress());
  if (r.remaining !== 0) throw new Truncated('it has unexpected data at the end');
  return raw;
}

/** Reads a code's fields in order, noting in `seen` how far it got. */
function readFields(r: ByteReader, seen: Progress): RawCode {
  const rules = r.varint();
  // A text longer than the game ever writes there (a scenario id, a seed of 100 characters, a name of 60).
  const text = (most: number): string => {
    const at = r.mark();
    if (r.varint() > most) seen.odd = true;
    r.rewind(at);
    return r.string();
  };
  const scenarioId = (seen.texts.scenarioId = text(64));
  const hashPrefix = r.hex(4);
  const seed = (seen.texts.seed = text(400));
  seen.header = { rules, scenarioId, hashPrefix, seed };
  const count = r.varint();
  if (count > 100) throw new Truncated('it lists more turns than any game has');
  seen.turnsListed = count;
  const turns = seen.turns;
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
  const final = (seen.final = r.hex(8));
  const flags = r.byte();
  if (flags > 31) seen.odd = true;
  const meta: { player?: string; team?: string; date?: string; room?: string } = {};
  const name = (): string => {
    const t = text(240);
    seen.texts.names.push(t);
    return t;
  };
  if (flags & 1) meta.player = name();
  if (flags & 2) seen.team = meta.team = name();
  if (flags & 4) meta.date = name();
  if (flags & 8) meta.room = name();
  let lineage: Lineage | undefined;
  if (flags & LINEAGE_FLAG) {
    const atTurn = r.varint();
    if (atTurn > count) throw new Truncated(`it says the run left its parent at turn ${atTurn}, after its last turn`);
    lineage = { atTurn, parentFinal: r.hex(8) };
  }
  // Unknown flag bits are left for the re-encoding to refuse: they are a non-standard spelling.
  const named = flags & 15;
  return { rules, scenarioId, hashPrefix, seed, turns, final, meta: named ? meta : undefined, lineage };
}

function emptyProgress(): Progress {
  return { header: null, turns: [], turnsListed: null, team: null, final: null, odd: false, texts: { names: [] } };
}

/** What a code that was cut short still shows: its start, the turns that arrived whole, its team if kept. */
export interface CutCode {
  /** The scenario and seed, when that much arrived. */
  readonly header: Pick<RawCode, 'rules' | 'scenarioId' | 'hashPrefix' | 'seed'> | null;
  readonly turns: RawCode['turns'];
  readonly turnsListed: number | null;
  /** The final fingerprint, when all of it arrived. */
  readonly final: string | null;
  readonly team: string | null;
}

/**
 * What a code holds up to where its bytes run out, when they run out before the run it began is
 * complete (or inside the checksum after it) and what was read looks like the game's own writing;
 * otherwise null. A changed length byte can also make the bytes run out, so only a re-simulation
 * of the turns read (see verify) proves a code was cut rather than altered.
 */
export function cutCode(input: string): CutCode | null {
  const m = /^M1\.([A-Za-z0-9_-]*)$/.exec(input.trim());
  const bytes = m ? looseBytesOf(m[1]!) : null;
  if (!bytes) return null;
  const seen = emptyProgress();
  const r = new ByteReader(bytes);
  let ranOut = false;
  try {
    readFields(r, seen);
  } catch (e) {
    if (!(e instanceof RanOut)) return null;
    ranOut = true;
  }
  // Whole fields and a whole checksum after them: not cut (altered, if it failed to decode).
  if (!ranOut && r.remaining >= 4) return null;
  if (seen.odd || !gameLike(seen.texts)) return null;
  const { header, turns, turnsListed, final, team } = seen;
  return { header, turns, turnsListed, final, team };
}

/** Texts the game itself could have written: a scenario id's letters, seeds and names without controls. */
function gameLike(texts: Progress['texts']): boolean {
  if (texts.scenarioId !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(texts.scenarioId)) return false;
  const plain = (t: string): boolean => wellFormed(t) && !CONTROL.test(t);
  return (texts.seed === undefined || plain(texts.seed)) && texts.names.every(plain);
}
