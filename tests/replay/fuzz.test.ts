/**
 * Fuzzing verifyReplay: whatever it is given — random bytes, random text, damaged codes,
 * arbitrary JSON, documents with wrong types at random places — it never throws, refuses with
 * one non-empty line, and accepts only runs that re-simulate to the fingerprint it reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/engine/catalogue';
import { RULES_VERSION } from '../../src/engine/version';
import { toBase64Url } from '../../src/replay/bytes';
import { encodeCode, type RawCode } from '../../src/replay/code';
import type { ReplayDocument } from '../../src/replay/document';
import { verifyReplay, type RefusalKind, type VerifyResult } from '../../src/replay/verify';
import { jsonPath } from '../../src/scenarios/parse';
import {
  encodeRaw,
  ENTRIES,
  entry,
  expectCleanReason,
  SAMPLES,
  playRecorded,
  resimulatedFingerprint,
  signCode,
} from './support';

const RUNS = { numRuns: 300 };

const KINDS: readonly RefusalKind[] = [
  'not-a-replay',
  'corrupted',
  'format-version',
  'rules-version',
  'unknown-scenario',
  'scenario-changed',
  'illegal-action',
  'diverged',
  'summary-mismatch',
];

/** Valid runs to start from: the sample runs plus bot runs with and without metadata. */
const DOCS: readonly ReplayDocument[] = [
  ...SAMPLES.map((g) => g.doc),
  playRecorded('first-team', 'random', 'fuzz-1').doc,
  playRecorded('stagnant-giant', 'lead-only', 'fuzz-2', { player: 'Zoë', team: 'α β', date: '2025-01-01' }).doc,
];
const CODES: readonly string[] = DOCS.map((d) => encodeCode(d, entry(d.scenario.id).scenario));

/** The contract every answer keeps, whatever the input. */
function check(input: unknown): VerifyResult {
  const r = verifyReplay(input, ENTRIES);
  if (r.valid) {
    expect(r.fingerprint).toBe(resimulatedFingerprint(r.document));
    expect(r.fingerprint).toBe(r.document.final);
    expect(r.summary.fingerprint).toBe(r.fingerprint);
  } else {
    expect(KINDS).toContain(r.kind);
    expectCleanReason(r.reason);
    if (r.divergedAtTurn !== undefined) {
      expect(Number.isInteger(r.divergedAtTurn) && r.divergedAtTurn >= 1).toBe(true);
    }
  }
  return r;
}

function refused(input: unknown): Extract<VerifyResult, { valid: false }> {
  const r = check(input);
  if (r.valid) throw new Error(`accepted ${JSON.stringify(input)}`);
  return r;
}

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) out.push(...pathsOf(x, [...at, k]));
  }
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) v = (v as Record<string | number, unknown>)[p];
  return v;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
}

function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Every place inside each valid document (not the document itself). */
const PLACES: readonly { doc: number; path: Path }[] = DOCS.flatMap((d, doc) =>
  pathsOf(d)
    .filter((p) => p.length > 0)
    .map((path) => ({ doc, path })),
);

/** Text made of characters that tend to break messages quoting it. */
const awkward = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\r', '\u2028', '\t'), maxLength: 6 });

const hex = (bytes: number): fc.Arbitrary<string> =>
  fc
    .uint8Array({ minLength: bytes, maxLength: bytes })
    .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));

describe('verifyReplay never throws and answers cleanly', () => {
  it('random bytes after "M1."', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        refused(`M1.${toBase64Url(bytes)}`);
      }),
      RUNS,
    );
  });

  it('random bytes with a valid checksum (reaching the decoder)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        check(signCode(bytes));
      }),
      RUNS,
    );
  });

  it('random but well-formed codes (reaching the simulation)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary-ascii', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      awkward,
    );
    const kinds = new Set<string>();
    const raw: fc.Arbitrary<RawCode> = fc.record({
      rules: fc.oneof({ weight: 5, arbitrary: fc.constant(RULES_VERSION) }, { weight: 1, arbitrary: fc.nat() }),
      scenarioId: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...ENTRIES.map((e) => e.scenario.id)) },
        { weight: 1, arbitrary: text },
      ),
      hashPrefix: hex(4),
      seed: text,
      turns: fc.array(
        fc.record({
          choices: fc.array(
            fc.record({
              action: fc.nat({ max: CATALOGUE.length - 1 }),
              member: fc.option(fc.nat({ max: 7 }), { nil: null }),
            }),
            { maxLength: 6 },
          ),
          check: hex(2),
        }),
        { maxLength: 14 },
      ),
      final: hex(8),
      meta: fc.option(fc.record({ player: text, team: text, date: text }, { requiredKeys: [] }), { nil: undefined }),
      lineage: fc.option(fc.record({ atTurn: fc.nat({ max: 14 }), parentFinal: hex(8) }), { nil: undefined }),
    });
    fc.assert(
      fc.property(raw, fc.boolean(), (parts, realHash) => {
        const known = ENTRIES.find((e) => e.scenario.id === parts.scenarioId);
        const edited = realHash && known ? { ...parts, hashPrefix: known.hash.slice(0, 8) } : parts;
        const r = check(encodeRaw(edited));
        kinds.add(r.valid ? 'valid' : r.kind);
      }),
      RUNS,
    );
    // The generator is only useful if it gets past the checksum to every later check.
    for (const k of ['rules-version', 'unknown-scenario', 'scenario-changed', 'illegal-action', 'diverged']) {
      expect(kinds).toContain(k);
    }
  });

  it('random strings of every kind', () => {
    const strings = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'binary-ascii' }),
    );
    fc.assert(
      fc.property(
        strings,
        fc.constantFrom('', 'M1.', 'M', '{', ' {"format":"momentum-replay",', 'M99999999999.'),
        (s, prefix) => {
          check(prefix + s);
        },
      ),
      RUNS,
    );
  });

  it('truncated codes are refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODES), fc.nat(), (code, n) => {
        refused(code.slice(0, n % code.length));
      }),
      RUNS,
    );
  });

  it('codes with one character changed are refused', () => {
    const replacement = fc.oneof(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...CODES), fc.nat(), replacement, (code, n, c) => {
        const i = n % code.length;
        fc.pre(code[i] !== c);
        refused(code.slice(0, i) + c + code.slice(i + 1));
      }),
      RUNS,
    );
  });

  it('arbitrary JSON values, as values and as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        check(v);
        check(JSON.stringify(v));
      }),
      RUNS,
    );
  });

  it('arbitrary JavaScript values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        (v) => {
          check(v);
        },
      ),
      RUNS,
    );
  });

  it('valid documents with a wrong type at a random path are refused, naming that path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLACES), fc.jsonValue(), ({ doc, path }, value) => {
        const original = getAt(DOCS[doc], path);
        fc.pre(jsonType(value) !== jsonType(original));
        const d = structuredClone(DOCS[doc]) as unknown;
        setAt(d, path, value);
        const r = refused(d);
        if (path.length === 1 && path[0] === 'format') expect(r.kind).toBe('not-a-replay');
        else if (path.length === 1 && path[0] === 'version') expect(r.kind).toBe('format-version');
        else {
          expect(r.kind).toBe('corrupted');
          expect(r.reason).toContain(`malformed at ${jsonPath(path)}:`);
        }
        // The same document as a file's text gives the same answer.
        expect(check(JSON.stringify(d))).toStrictEqual(r);
      }),
      RUNS,
    );
  });

  it('valid documents with any value at a random path', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...PLACES), fc.jsonValue({ maxDepth: 2 }), ({ doc, path }, value) => {
        const d = structuredClone(DOCS[doc]) as unknown;
        setAt(d, path, value);
        const r = check(d);
        kinds.add(r.valid ? 'valid' : r.kind);
      }),
      RUNS,
    );
    expect(kinds).toContain('corrupted');
  });

  it('valid documents with random choices in their turns (reaching the simulation)', () => {
    const choice = fc.record(
      {
        action: fc.oneof(fc.constantFrom(...CATALOGUE.map((a) => a.id)), fc.string({ maxLength: 8 }), awkward),
        target: fc.oneof(
          fc.constantFrom(...ENTRIES.flatMap((e) => e.scenario.members.map((m) => m.id))),
          fc.string({ maxLength: 6 }),
          awkward,
        ),
      },
      { requiredKeys: ['action'] },
    );
    const kinds = new Set<string>();
    fc.assert(
      fc.property(
        fc.nat({ max: DOCS.length - 1 }),
        fc.nat(),
        fc.array(choice, { maxLength: 6 }),
        fc.boolean(),
        (i, n, actions, dropCheckpoints) => {
          const d = structuredClone(DOCS[i]!) as unknown as { turns: { actions: unknown[] }[]; checkpoints: unknown[] };
          d.turns[n % d.turns.length]!.actions = actions.map((a) => ({ ...a }));
          if (dropCheckpoints) d.checkpoints = [];
          const r = check(d);
          kinds.add(r.valid ? 'valid' : r.kind);
        },
      ),
      RUNS,
    );
    expect(kinds).toContain('illegal-action');
    expect(kinds).toContain('diverged');
  });
});
