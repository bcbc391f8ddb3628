/**
 * Replay codes: a document survives the trip through a code exactly, codes stay short and
 * URL-safe, and any damage to a code — one changed character, a cut — is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_PREFIX, CODE_VERSION, decodeCode, encodeCode } from '../../src/replay/code';
import { recordReplay, type ReplayDocument } from '../../src/replay/document';
import { verifyReplay } from '../../src/replay/verify';
import {
  choicesOf,
  encodeRaw,
  ENTRIES,
  entry,
  expectAccepted,
  expectRefused,
  SAMPLES,
  playRecorded,
  POLICIES,
} from './support';

const URL_SAFE = /^M1\.[A-Za-z0-9_-]+$/;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SEEDS = Array.from({ length: 30 }, (_, i) => `seed-${i}`);

function codeOf(doc: ReplayDocument): string {
  return encodeCode(doc, entry(doc.scenario.id).scenario);
}

/** Codes to damage: every sample run (the golden runs re-recorded, with metadata) plus bot runs with and without it. */
const TARGETS: readonly { name: string; code: string }[] = [
  ...SAMPLES.map((g) => ({ name: g.file, code: codeOf(g.doc) })),
  { name: 'random bot, no meta', code: codeOf(playRecorded('producers-to-leaders', 'random', 'damage').doc) },
  {
    name: 'balanced bot, unicode meta',
    code: codeOf(
      playRecorded('stagnant-giant', 'balanced', 'dämage-🌱', { player: 'Zoë', team: 'Équipe α', date: '2025-03-01' })
        .doc,
    ),
  },
];

describe('document → code → document', () => {
  it.each(SAMPLES.map((g) => [g.file, g.doc] as const))('%s round-trips exactly', (_file, doc) => {
    const code = codeOf(doc);
    const back = expectAccepted(verifyReplay(code, ENTRIES));
    expect(back.document).toStrictEqual(doc);
    expect(back.fingerprint).toBe(doc.final);
  });

  it('keeps unicode metadata and a unicode seed byte for byte', () => {
    const meta = {
      player: 'Zoë Ñúñez-李小龍 🚀👩🏽‍💻',
      team: 'Équipe «α», "the Rockets"; 🇫🇷',
      date: '2025-02-28T23:59:59+05:30',
    };
    const { doc } = playRecorded('first-team', 'balanced', 'ünïcödé 🏠 種', meta);
    const back = expectAccepted(verifyReplay(codeOf(doc), ENTRIES));
    expect(back.document).toStrictEqual(doc);
    expect(back.document.meta).toStrictEqual(meta);
    expect(back.document.seed).toBe('ünïcödé 🏠 種');
  });

  it.each([
    ['no metadata', undefined],
    ['only a player', { player: 'Ana' }],
    ['only a team', { team: 'Platform' }],
    ['only a date', { date: '2024-02-29' }],
    ['team and date', { team: 'Ops', date: '2024-12-31' }],
    ['empty strings', { player: '', team: '', date: '' }],
  ] as const)('round-trips a document with %s', (_name, meta) => {
    const { doc } = playRecorded('idea-factory', 'random', 'meta-shapes', meta);
    expect(expectAccepted(verifyReplay(codeOf(doc), ENTRIES)).document).toStrictEqual(doc);
  });

  it('accepts a document with an empty meta object; the code keeps the run (an empty meta may be dropped)', () => {
    const { doc } = playRecorded('first-team', 'manage-only', 'empty-meta', {});
    expect(doc.meta).toStrictEqual({});
    const back = expectAccepted(verifyReplay(codeOf(doc), ENTRIES));
    const { meta: _meta, ...rest } = doc;
    const { meta: backMeta, ...backRest } = back.document;
    expect(backRest).toStrictEqual(rest);
    expect(backMeta === undefined || Object.keys(backMeta).length === 0).toBe(true);
  });

  it('round-trips a run of zero turns and a run stopped part-way', () => {
    const { scenario, hash } = entry('build-the-house');
    const { run } = playRecorded('build-the-house', 'balanced', 'partial');
    for (const turns of [[], choicesOf(run).slice(0, 3)]) {
      const doc = recordReplay(scenario, hash, 'partial', turns, { player: 'p' });
      expect(expectAccepted(verifyReplay(codeOf(doc), ENTRIES)).document).toStrictEqual(doc);
    }
  });

  it('round-trips any well-formed seed and metadata (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 24 });
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTRIES.map((e) => e.scenario.id)),
        fc.constantFrom(...POLICIES),
        text,
        // At least one field: an empty `meta: {}` is covered separately below.
        fc.option(
          fc
            .record({ player: text, team: text, date: text }, { requiredKeys: [] })
            .filter((m) => Object.keys(m).length > 0),
          { nil: undefined },
        ),
        (id, policy, seed, meta) => {
          // fast-check builds records without a prototype; a document holds plain objects.
          const { doc } = playRecorded(id, policy, seed, meta && { ...meta });
          const code = codeOf(doc);
          expect(code).toMatch(URL_SAFE);
          expect(expectAccepted(verifyReplay(code, ENTRIES)).document).toStrictEqual(doc);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('follows the documented byte layout (re-encoding the decoded parts gives the same code)', () => {
    for (const { code } of TARGETS) {
      const decoded = decodeCode(code);
      if (!decoded.ok) throw new Error(decoded.reason);
      expect(encodeRaw(decoded.raw)).toBe(code);
    }
    expect(`${CODE_PREFIX}${CODE_VERSION}.`).toBe('M1.');
  });

  it('accepts a code pasted with surrounding whitespace', () => {
    const code = TARGETS[0]!.code;
    expectAccepted(verifyReplay(`  ${code}\n`, ENTRIES));
  });

  // A lone UTF-16 surrogate cannot be written as UTF-8: the encoder silently turns it into U+FFFD.
  // A run the verifier accepts as a document must either be refused by encodeCode or survive the code.
  it('does not turn a valid run with a lone surrogate in its seed into a code that fails as "diverged"', () => {
    const { scenario, hash } = entry('first-team');
    const doc = recordReplay(scenario, hash, 'seed\uD800', [[{ action: 'share-vision' }]]);
    expectAccepted(verifyReplay(doc, ENTRIES));
    let code: string;
    try {
      code = encodeCode(doc, scenario);
    } catch {
      return; // refusing to encode is an honest answer
    }
    expect(expectAccepted(verifyReplay(code, ENTRIES)).document).toStrictEqual(doc);
  });
});

describe('code size and alphabet', () => {
  it(`a full game of every scenario by every bot over ${SEEDS.length} seeds fits in 300 URL-safe characters`, () => {
    let longest = { length: 0, what: '' };
    for (const { scenario } of ENTRIES) {
      for (const policy of POLICIES) {
        for (const seed of SEEDS) {
          const { doc, run } = playRecorded(scenario.id, policy, seed);
          expect(run.state.over).toBe(true);
          const code = codeOf(doc);
          expect(code).toMatch(URL_SAFE);
          expect(encodeURIComponent(code)).toBe(code);
          if (code.length > longest.length) longest = { length: code.length, what: `${scenario.id}/${policy}/${seed}` };
        }
      }
    }
    expect(longest.length, `longest code: ${longest.what}`).toBeLessThanOrEqual(300);
  });

  it('stays within 300 characters with typical metadata attached', () => {
    const meta = { player: 'Alexandra Example', team: 'Platform & Tools', date: '2025-06-30' };
    for (const { scenario } of ENTRIES) {
      for (const policy of POLICIES) {
        const code = codeOf(playRecorded(scenario.id, policy, 'with-meta', meta).doc);
        expect(code).toMatch(URL_SAFE);
        expect(code.length).toBeLessThanOrEqual(300);
      }
    }
  });
});

describe('workshop codes', () => {
  it('carry the room and a 24-character team name within 300 characters, and read them back', () => {
    const meta = { team: 'Twenty-Four Letters Team', room: 'K7Q2XD' };
    expect([...meta.team].length).toBe(24);
    let longest = 0;
    for (const { scenario } of ENTRIES) {
      for (const policy of POLICIES) {
        const { doc } = playRecorded(scenario.id, policy, 'room-seed', meta);
        const code = codeOf(doc);
        longest = Math.max(longest, code.length);
        expect(expectAccepted(verifyReplay(code, ENTRIES)).document.meta).toEqual(meta);
      }
    }
    expect(longest).toBeLessThanOrEqual(300);
  });
});

describe('damaged codes', () => {
  it.each(TARGETS.map((t) => [t.name, t.code] as const))(
    '%s: changing any single character is refused',
    (_name, code) => {
      expectAccepted(verifyReplay(code, ENTRIES));
      let tried = 0;
      for (let i = 0; i < code.length; i++) {
        const original = code[i]!;
        const near = BASE64URL[(BASE64URL.indexOf(original) + 1) % BASE64URL.length]!;
        const far = BASE64URL[(BASE64URL.indexOf(original) + 32) % BASE64URL.length]!;
        for (const c of new Set([near, far, 'A', 'g', '_', '-', '0', 'm', 'N', '2', '.', '=', '+', '/', ' ', 'é'])) {
          if (c === original) continue;
          const damaged = code.slice(0, i) + c + code.slice(i + 1);
          const r = verifyReplay(damaged, ENTRIES);
          if (r.valid) throw new Error(`accepted ${JSON.stringify(damaged)} (position ${i}: ${original} → ${c})`);
          expectRefused(r);
          tried++;
        }
      }
      expect(tried).toBeGreaterThan(code.length * 10);
    },
  );

  it.each(TARGETS.map((t) => [t.name, t.code] as const))(
    '%s: cut at any point after "M1.", it is refused as cut short, naming its team once the name arrived',
    (_name, code) => {
      const decoded = decodeCode(code);
      if (!decoded.ok) throw new Error(decoded.reason);
      const team = decoded.raw.meta?.team;
      // The shortest cut that still holds the whole team name: every longer cut names the team.
      let firstNaming: number | null = null;
      for (let n = 3; n < code.length; n++) {
        const d = verifyReplay(code.slice(0, n), ENTRIES);
        if (d.valid) throw new Error(`accepted the first ${n} characters`);
        expect(d.reason, `the first ${n} characters`).toMatch(/is cut short: /);
        expect(d.team).toBe(d.reason.startsWith('The replay code of “') ? team : undefined);
        const names = team !== undefined && d.reason.startsWith(`The replay code of “${team}”`);
        if (names && firstNaming === null) firstNaming = n;
        if (!names && firstNaming !== null) throw new Error(`the first ${n} characters lost the team's name`);
      }
      if (team !== undefined) expect(firstNaming).not.toBeNull();
    },
  );

  it.each(TARGETS.map((t) => [t.name, t.code] as const))(
    '%s: a changed character is never taken for a cut unless it makes the bytes run out in the header',
    (_name, code) => {
      const decoded = decodeCode(code);
      if (!decoded.ok) throw new Error(decoded.reason);
      let cutClaims = 0;
      for (let i = 3; i < code.length; i++) {
        const c = code[i] === 'A' ? 'B' : 'A';
        const r = verifyReplay(code.slice(0, i) + c + code.slice(i + 1), ENTRIES);
        if (!r.valid && /cut short/.test(r.reason)) cutClaims++;
      }
      // Only a changed length byte in the scenario id or seed can leave nothing to check.
      expect(cutClaims).toBeLessThanOrEqual(3);
    },
  );

  it('a cut code says how far its turns got', () => {
    const { doc } = playRecorded('stagnant-giant', 'balanced', 'cut-turns');
    const code = codeOf(doc);
    const reasons = Array.from({ length: code.length - 3 }, (_, i) => {
      const d = verifyReplay(code.slice(0, i + 3), ENTRIES);
      return d.valid ? '' : d.reason;
    });
    const listed = doc.turns.length;
    // Every turn count from 1 to the last but one is named by some cut, in increasing order.
    const stops = reasons.flatMap((r) => {
      const m = /stops after turn (\d+) of the (\d+) it lists/.exec(r);
      return m ? [[Number(m[1]), Number(m[2])] as const] : [];
    });
    expect(stops.every(([, of]) => of === listed)).toBe(true);
    expect(new Set(stops.map(([t]) => t))).toEqual(new Set(Array.from({ length: listed - 1 }, (_, i) => i + 1)));
    expect(stops.map(([t]) => t)).toEqual([...stops.map(([t]) => t)].sort((a, b) => a - b));
    expect(reasons.at(-1)).toMatch(/its turns arrived, but its last characters are missing/);
  });

  it.each(TARGETS.map((t) => [t.name, t.code] as const))('%s: cutting it at any length is refused', (_name, code) => {
    for (let n = 0; n < code.length; n++) {
      const r = verifyReplay(code.slice(0, n), ENTRIES);
      if (r.valid) throw new Error(`accepted the first ${n} characters`);
      expectRefused(r);
      const d = decodeCode(code.slice(0, n));
      expect(d.ok, `decoded the first ${n} characters`).toBe(false);
    }
  });

  it.each(TARGETS.map((t) => [t.name, t.code] as const))('%s: deleting any one character is refused', (_name, code) => {
    for (let i = 0; i < code.length; i++) {
      const r = verifyReplay(code.slice(0, i) + code.slice(i + 1), ENTRIES);
      if (r.valid) throw new Error(`accepted the code without position ${i}`);
      expectRefused(r);
    }
  });

  it('names the damage: wrong prefix, wrong version, bad characters, cut short, checksum', () => {
    const code = TARGETS[0]!.code;
    const body = code.slice(3);
    expect(expectRefused(verifyReplay(`X1.${body}`, ENTRIES), 'not-a-replay').reason).toContain('"M1."');
    expect(expectRefused(verifyReplay(`M2.${body}`, ENTRIES), 'format-version').reason).toMatch(
      /version 2\b.*version 1\b/,
    );
    expect(expectRefused(verifyReplay(`M1.${body.slice(0, 5)}*${body.slice(6)}`, ENTRIES), 'corrupted').reason).toMatch(
      /cannot be part of a code/,
    );
    expect(expectRefused(verifyReplay('M1.AAAA', ENTRIES), 'corrupted').reason).toMatch(/truncated/);
    const flipped = body[10] === 'A' ? 'B' : 'A';
    expect(
      expectRefused(verifyReplay(`M1.${body.slice(0, 10)}${flipped}${body.slice(11)}`, ENTRIES), 'corrupted').reason,
    ).toMatch(/checksum/);
  });

  // decodeCode promises "every failure is a reason …, never an exception"; its checksum spreads
  // every byte into String.fromCharCode(...), which overflows the call stack for long input.
  it('decodeCode answers a very long paste with a reason instead of throwing', () => {
    const huge = `M1.${'A'.repeat(400_000)}`;
    let result: ReturnType<typeof decodeCode> | undefined;
    expect(() => {
      result = decodeCode(huge);
    }).not.toThrow();
    expect(result?.ok).toBe(false);
  });
});
