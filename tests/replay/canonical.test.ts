/**
 * One run, one code: the decoder accepts only the exact bytes the encoder gives a run. Any other
 * spelling of the same run — a number padded with continuation bytes, a stray flag bit, an
 * over-long UTF-8 character, a version written "01" — is refused, even with its checksum
 * recomputed, and whatever the decoder does accept re-encodes to itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/engine/catalogue';
import { RULES_VERSION } from '../../src/engine/version';
import { fromBase64Url } from '../../src/replay/bytes';
import {
  codeOfRaw,
  decodeCode,
  encodeCode,
  encodeRaw,
  MAX_CODE_LENGTH,
  tryEncodeCode,
  type RawCode,
} from '../../src/replay/code';
import { recordReplay, type ReplayDocument } from '../../src/replay/document';
import { namedByPlayer } from '../../src/replay/player-words';
import { MAX_NAME_LENGTH, MAX_SEED_LENGTH } from '../../src/replay/seed';
import { verifyReplay } from '../../src/replay/verify';
import { ENTRIES, entry, expectAccepted, expectCleanReason, expectRefused, playRecorded, signCode } from './support';

const STANDARD = /not in its standard form/;

function codeOf(doc: ReplayDocument): string {
  return encodeCode(doc, entry(doc.scenario.id).scenario);
}

/** Real codes to respell: every scenario, with and without names. */
const CODES: readonly string[] = [
  codeOf(playRecorded('first-team', 'balanced', 'canon-1').doc),
  codeOf(playRecorded('idea-factory', 'random', 'canon-2', { player: 'Zoë' }).doc),
  codeOf(playRecorded('build-the-house', 'lead-only', 'canon-3', { team: 'Équipe α', date: '2025-03-01' }).doc),
  codeOf(playRecorded('stagnant-giant', 'manage-only', 'ünï 🌱', { player: 'A', team: 'B', date: 'C' }).doc),
  codeOf(playRecorded('producers-to-leaders', 'expert', 'canon-5', { player: '' }).doc),
];

/** The bytes a code's checksum covers. */
function bodyOf(code: string): Uint8Array {
  const bytes = fromBase64Url(code.slice(3));
  if (!bytes) throw new Error(`not base64url: ${code}`);
  return bytes.subarray(0, bytes.length - 4);
}

/**
 * Where every varint of a body starts and how long it is, found by walking the documented layout
 * independently of the decoder.
 */
function varints(body: Uint8Array): { at: number; length: number }[] {
  const out: { at: number; length: number }[] = [];
  let p = 0;
  const varint = (): number => {
    const at = p;
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = body[p++]!;
      value += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) break;
    }
    out.push({ at, length: p - at });
    return value;
  };
  const text = (): void => {
    const length = varint();
    p += length;
  };
  varint(); // rules
  text(); // scenario id
  p += 4; // hash prefix
  text(); // seed
  const turns = varint();
  for (let t = 0; t < turns; t++) p += body[p]! + 1 + 2;
  p += 8; // final fingerprint
  const flags = body[p++]!;
  for (const bit of [1, 2, 4]) if (flags & bit) text();
  expect(p, 'the layout walk reaches the end of the body').toBe(body.length);
  return out;
}

/** The same number written with `extra` needless continuation bytes. */
function padVarint(body: Uint8Array, spot: { at: number; length: number }, extra: number): Uint8Array {
  const end = spot.at + spot.length;
  const last = body[end - 1]!;
  const padding = [last | 0x80, ...Array<number>(extra - 1).fill(0x80), 0x00];
  return Uint8Array.from([...body.subarray(0, end - 1), ...padding, ...body.subarray(end)]);
}

function expectNotStandard(code: string): void {
  const d = decodeCode(code);
  expect(d.ok, `decoded ${code}`).toBe(false);
  if (!d.ok) expect(d.reason).toMatch(STANDARD);
  const r = expectRefused(verifyReplay(code, ENTRIES), 'corrupted');
  expect(r.reason).toMatch(STANDARD);
  expectCleanReason(r.reason);
}

describe('the decoder accepts only the standard form', () => {
  it('accepts every real code as it is', () => {
    for (const code of CODES) expectAccepted(verifyReplay(code, ENTRIES));
  });

  it('refuses every varint padded with continuation bytes, checksum recomputed', () => {
    let tried = 0;
    for (const code of CODES) {
      const body = bodyOf(code);
      const spots = varints(body);
      expect(spots.length).toBeGreaterThanOrEqual(4);
      for (const spot of spots) {
        for (let extra = 1; spot.length + extra <= 5; extra++) {
          const padded = padVarint(body, spot, extra);
          // The padding keeps the value: a reader that ignores it gets the same run.
          expect(padded.length).toBe(body.length + extra);
          expectNotStandard(signCode(padded));
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(CODES.length * 4);
  });

  it('refuses padded varints at random places of random real runs (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTRIES.map((e) => e.scenario.id)),
        fc.constantFrom('balanced', 'random', 'lead-only'),
        fc.string({ maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        (id, policy, seed, pick, extra) => {
          const body = bodyOf(codeOf(playRecorded(id, policy, seed).doc));
          const spots = varints(body);
          const spot = spots[pick % spots.length]!;
          fc.pre(spot.length + extra <= 5);
          expectNotStandard(signCode(padVarint(body, spot, extra)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses stray bits in the names flag byte', () => {
    for (const code of CODES) {
      const body = bodyOf(code);
      const spots = varints(body);
      // The flag byte sits after the last turn and the final fingerprint: find it by walking again.
      const flagsAt = flagPosition(body, spots);
      // Bits 1, 2, 4 and 8 mark the player, team, date and room, 16 a branch's lineage (which
      // then must follow); the rest mean nothing.
      for (const bit of [16, 32, 64, 128]) {
        const edited = Uint8Array.from(body);
        edited[flagsAt] = edited[flagsAt]! | bit;
        const d = decodeCode(signCode(edited));
        expect(d.ok, `accepted flag bit ${bit}`).toBe(false);
        if (!d.ok) expectCleanReason(d.reason);
      }
      const edited = Uint8Array.from(body);
      edited[flagsAt] = edited[flagsAt]! | 32;
      expectNotStandard(signCode(edited));
    }
  });

  it('refuses an over-long UTF-8 spelling of a character in the seed', () => {
    const { doc } = playRecorded('first-team', 'balanced', 'xyz');
    const body = bodyOf(codeOf(doc));
    const spots = varints(body);
    const seedLength = spots[2]!; // rules, scenario id, seed
    const start = seedLength.at + 1;
    expect(body[seedLength.at]).toBe(3);
    expect(body[start]).toBe(0x78); // "x"
    // "x" (U+0078) written in two bytes instead of one.
    const edited = Uint8Array.from([...body.subarray(0, seedLength.at), 4, 0xc1, 0xb8, ...body.subarray(start + 1)]);
    const d = decodeCode(signCode(edited));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(/UTF-8/);
  });

  it('refuses the format version written with a leading zero', () => {
    const code = CODES[0]!;
    expectNotStandard(`M01.${code.slice(3)}`);
    expectNotStandard(`M001.${code.slice(3)}`);
  });
});

/** Position of the flag byte: after the turns and the 8-byte final fingerprint. */
function flagPosition(body: Uint8Array, spots: { at: number; length: number }[]): number {
  const turnCount = spots[3]!;
  let p = turnCount.at + turnCount.length;
  let turns = 0;
  let scale = 1;
  for (let i = turnCount.at; i < p; i++) {
    turns += (body[i]! & 0x7f) * scale;
    scale *= 128;
  }
  for (let t = 0; t < turns; t++) p += body[p]! + 1 + 2;
  return p + 8;
}

describe('whatever decodes re-encodes to itself', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 16 }),
    fc.string({ unit: 'binary', maxLength: 16 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );
  const hex = (bytes: number): fc.Arbitrary<string> =>
    fc
      .uint8Array({ minLength: bytes, maxLength: bytes })
      .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));
  const raw: fc.Arbitrary<RawCode> = fc
    .record({
      rules: fc.oneof(fc.constant(RULES_VERSION), fc.nat({ max: 2 ** 31 })),
      scenarioId: fc.oneof(fc.constantFrom(...ENTRIES.map((e) => e.scenario.id)), text),
      hashPrefix: hex(4),
      seed: text,
      turns: fc.array(
        fc.record({
          choices: fc.array(
            fc.record({
              action: fc.nat({ max: CATALOGUE.length - 1 }),
              member: fc.option(fc.nat({ max: 7 }), { nil: null }),
            }),
            { maxLength: 8 },
          ),
          check: hex(2),
        }),
        { maxLength: 30 },
      ),
      final: hex(8),
      meta: fc.option(fc.record({ player: text, team: text, date: text, room: text }, { requiredKeys: [] }), {
        nil: undefined,
      }),
      lineage: fc.option(fc.record({ atTurn: fc.nat({ max: 30 }), parentFinal: hex(8) }), { nil: undefined }),
    })
    // A branch leaves its parent within its own turns.
    .map((p) =>
      p.lineage ? { ...p, lineage: { ...p.lineage, atTurn: Math.min(p.lineage.atTurn, p.turns.length) } } : p,
    );

  it('a code built from any parts decodes and re-encodes to the same code (property)', () => {
    fc.assert(
      fc.property(raw, (parts) => {
        const code = codeOfRaw(parts);
        const d = decodeCode(code);
        if (!d.ok) throw new Error(`refused its own code: ${d.reason}`);
        expect(codeOfRaw(d.raw)).toBe(code);
        expect(encodeRaw(d.raw)).toStrictEqual(bodyOf(code));
      }),
      { numRuns: 300 },
    );
  });

  it('any edit of a real code that still decodes re-encodes to exactly the edited code (property)', () => {
    let decoded = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...CODES),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 }), fc.constantFrom('set', 'insert', 'delete')), {
          minLength: 1,
          maxLength: 3,
        }),
        (code, edits) => {
          const bytes = [...bodyOf(code)];
          for (const [at, value, how] of edits) {
            const i = at % (bytes.length + 1);
            if (how === 'set' && i < bytes.length) bytes[i] = value;
            else if (how === 'insert') bytes.splice(i, 0, value);
            else bytes.splice(i, 1);
          }
          const edited = signCode(Uint8Array.from(bytes));
          const d = decodeCode(edited);
          if (d.ok) {
            decoded++;
            expect(codeOfRaw(d.raw)).toBe(edited);
          } else expectCleanReason(d.reason);
        },
      ),
      { numRuns: 400 },
    );
    // Edits inside the seed, names or fingerprints still decode: the property must have been tested.
    expect(decoded).toBeGreaterThan(20);
  });
});

describe('texts survive the code exactly', () => {
  it('keeps a seed and names that start with U+FEFF (a decoder must not drop it as a byte-order mark)', () => {
    const { doc } = playRecorded('first-team', 'balanced', '\uFEFFbom', { player: '\uFEFFname' });
    const back = expectAccepted(verifyReplay(codeOf(doc), ENTRIES));
    expect(back.document.seed).toBe('\uFEFFbom');
    expect(back.document.meta?.player).toBe('\uFEFFname');
    expect(back.fingerprint).toBe(doc.final);
  });

  it('tryEncodeCode answers a lone surrogate with one sentence instead of throwing', () => {
    const { scenario, hash } = entry('first-team');
    for (const [seed, meta] of [
      ['seed\uD800', undefined],
      ['ok', { team: '\uDC00team' }],
    ] as const) {
      const doc = recordReplay(scenario, hash, seed, [[{ action: 'share-vision' }]], meta);
      const r = tryEncodeCode(doc, scenario);
      expect(r.ok).toBe(false);
      if (!r.ok) expectCleanReason(r.reason);
      expect(() => encodeCode(doc, scenario)).toThrow(/broken character/);
    }
  });
});

describe('the length budget', () => {
  it('the longest run with the longest seed and names the game accepts stays well inside what the decoder reads', () => {
    const longestId = ENTRIES.map((e) => e.scenario.id).reduce((a, b) => (b.length > a.length ? b : a));
    const cheapest = Math.min(...CATALOGUE.map((a) => a.cost));
    // Schema limits: at most 30 turns and 20 hours a turn.
    const choicesPerTurn = Math.floor(20 / cheapest);
    const wide = '🚀'; // four bytes of UTF-8 per character, the most any character takes
    const worst: RawCode = {
      rules: RULES_VERSION,
      scenarioId: longestId,
      hashPrefix: 'ffffffff',
      seed: wide.repeat(MAX_SEED_LENGTH),
      turns: Array.from({ length: 30 }, () => ({
        choices: Array.from({ length: choicesPerTurn }, () => ({ action: CATALOGUE.length - 1, member: 7 })),
        check: 'ffff',
      })),
      final: 'ffffffffffffffff',
      meta: {
        player: wide.repeat(MAX_NAME_LENGTH),
        team: wide.repeat(MAX_NAME_LENGTH),
        date: wide.repeat(MAX_NAME_LENGTH),
        room: wide.repeat(MAX_NAME_LENGTH),
      },
      lineage: { atTurn: 29, parentFinal: 'ffffffffffffffff' },
    };
    const code = codeOfRaw(worst);
    expect(code.length).toBeLessThanOrEqual(MAX_CODE_LENGTH * 0.8);
    const d = decodeCode(code);
    expect(d.ok).toBe(true);
  });

  it('tryEncodeCode refuses, in one sentence, a run whose seed makes a code longer than the decoder reads', () => {
    const { scenario, hash } = entry('first-team');
    const doc = recordReplay(scenario, hash, 'x'.repeat(MAX_CODE_LENGTH), []);
    const r = tryEncodeCode(doc, scenario);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expectCleanReason(r.reason);
      expect(r.reason).toContain(String(MAX_CODE_LENGTH));
    }
  });
});

describe("names are the player's own words", () => {
  it('verifying a code keeps the names under meta, and words them as not verified', () => {
    const meta = { player: 'Ana', team: 'Verified by the facilitator', date: '2025-06-30' };
    const back = expectAccepted(verifyReplay(codeOf(playRecorded('first-team', 'random', 'names', meta).doc), ENTRIES));
    expect(back.document.meta).toStrictEqual(meta);
    const words = namedByPlayer(back.document.meta);
    expect(words).toMatch(/^Named by the player \(not verified\): /);
    for (const v of Object.values(meta)) expect(words).toContain(`“${v}”`);
  });

  it('says nothing when a run carries no names', () => {
    expect(namedByPlayer(undefined)).toBeNull();
    expect(namedByPlayer({})).toBeNull();
    expect(namedByPlayer({ player: '' })).toBeNull();
  });
});
