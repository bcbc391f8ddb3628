import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { canonical, fingerprint, hash64 } from '../../src/engine/fingerprint';
import { Hasher } from '../../src/engine/hash';
import { END, game, ok, SCENARIOS } from './helpers';
import { createGame } from '../../src/engine/create';

const HEX16 = /^[0-9a-f]{16}$/;

/** A deep copy with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).reverse()) out[k] = reversed((value as Record<string, unknown>)[k]);
  return out;
}

/** Every path to a leaf value in a JSON tree. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [path];
}

/** A copy with the leaf at the path changed to a different value of the same kind. */
function changed(root: unknown, path: (string | number)[]): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const v = node[last];
  if (typeof v === 'number') node[last] = v + 1;
  else if (typeof v === 'boolean') node[last] = !v;
  else if (typeof v === 'string') node[last] = `${v}x`;
  else if (v === null) node[last] = 'x';
  return copy;
}

describe('fingerprint', () => {
  it('is 16 lowercase hex characters', () => {
    for (const v of [null, 0, '', 'é', [], {}, { a: [1, 2, { b: 'x' }] }, game()]) {
      expect(fingerprint(v)).toMatch(HEX16);
    }
    for (const sc of SCENARIOS) expect(fingerprint(createGame(sc, 'hex'))).toMatch(HEX16);
  });

  it('is the same for the same game played again, and for a JSON copy of its state', () => {
    const s = ok(game(), END).state;
    expect(fingerprint(ok(game(), END).state)).toBe(fingerprint(s));
    expect(fingerprint(JSON.parse(JSON.stringify(s)))).toBe(fingerprint(s));
  });

  it('does not depend on key order', () => {
    expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }));
    expect(fingerprint({ x: { p: 1, q: [{ m: 1, n: 2 }] } })).toBe(fingerprint({ x: { q: [{ n: 2, m: 1 }], p: 1 } }));
    for (const sc of SCENARIOS) {
      const s = ok(createGame(sc, 'order'), END).state;
      const r = reversed(s);
      expect(JSON.stringify(r)).not.toBe(JSON.stringify(s));
      expect(fingerprint(r)).toBe(fingerprint(s));
    }
  });

  it('ignores keys whose value is undefined', () => {
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }));
  });

  it('changes when any single value in a game state changes', () => {
    const s = ok(game('build-the-house', 'fp'), END).state;
    const base = fingerprint(s);
    const paths = leaves(s);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) {
      const other = changed(s, path);
      expect(fingerprint(other), path.join('.')).not.toBe(base);
    }
  });

  it('changes with array order, types, and keys', () => {
    expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: '1' }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ b: 1 }));
    expect(fingerprint({ a: null })).not.toBe(fingerprint({}));
    expect(fingerprint([])).not.toBe(fingerprint({}));
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
  });

  it('differs between games of different seeds or scenarios', () => {
    const prints = new Set<string>();
    for (const sc of SCENARIOS) for (const seed of ['a', 'b', 'c']) prints.add(fingerprint(createGame(sc, seed)));
    expect(prints.size).toBe(SCENARIOS.length * 3);
  });
});

/**
 * Reference canonical form: plain JSON with every object's keys in sorted order. Built by hand
 * because a rebuilt object would list integer-like keys ("0") first, whatever the sort said.
 */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
}

describe('canonical', () => {
  it('matches sorted-key JSON for any JSON value, frozen or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = reference(value);
        expect(canonical(value)).toBe(expected);
        const frozen = freeze(JSON.parse(JSON.stringify(value)) as unknown, true);
        expect(canonical(frozen)).toBe(expected);
        expect(canonical(frozen)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a deep-frozen state and its unfrozen copy have the same fingerprint', () => {
    const s = ok(game('idea-factory', 'frozen'), END).state;
    const copy = JSON.parse(JSON.stringify(s)) as unknown;
    const frozen = freeze(ok(game('idea-factory', 'frozen'), END).state, true);
    expect(fingerprint(frozen)).toBe(fingerprint(copy));
    expect(fingerprint(frozen)).toBe(fingerprint(s));
    const next = ok(frozen, END).state;
    expect(fingerprint(next)).toBe(fingerprint(JSON.parse(JSON.stringify(next))));
  });

  it('keeps every key of an object whose key list joins like another object’s', () => {
    // Seen first, these shapes must not stand in for the ones below that join to the same text.
    expect(canonical({})).toBe('{}');
    expect(canonical({ a: 1, b: 2 })).toBe('{"a":1,"b":2}');
    expect(canonical({ '': 1 })).toBe('{"":1}');
    expect(canonical({ 'a\u0000b': 1 })).toBe(JSON.stringify({ 'a\u0000b': 1 }));
    expect(fingerprint({ '': 1 })).not.toBe(fingerprint({ '': 2 }));
    expect(fingerprint({ 'a\u0000b': 1 })).not.toBe(fingerprint({ 'a\u0000b': 2 }));
  });

  it('is JSON with sorted keys', () => {
    expect(canonical({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}',
    );
    const s = game();
    expect(JSON.parse(canonical(s))).toEqual(s);
  });
});

describe('hash64', () => {
  it('is deterministic and spreads similar inputs', () => {
    // The same text built two ways (one literal, one joined piece by piece) hashes alike.
    expect(hash64(['mom', 'ent', 'um'].join(''))).toBe(hash64('momentum'));
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(hash64(`state-${i}`));
    expect(seen.size).toBe(1000);
    for (const h of seen) expect(h).toMatch(HEX16);
  });

  it('reads every UTF-16 code unit', () => {
    expect(hash64('\u{1F600}')).not.toBe(hash64('\u{1F601}'));
    expect(hash64('\uD800')).not.toBe(hash64('\uDC00'));
    expect(hash64('')).toMatch(HEX16);
  });

  it('hashes a recurring piece through its tables exactly as character by character', () => {
    // Pieces of every width the tables take (ASCII, Latin-1) and wider ones they leave alone,
    // hashed many times after different prefixes so tables are both learned and read.
    const piece = (unit: fc.Arbitrary<number>): fc.Arbitrary<string> =>
      fc.array(unit, { minLength: 256, maxLength: 700 }).map((codes) => String.fromCharCode(...codes));
    const pieces = fc.oneof(
      piece(fc.integer({ min: 32, max: 126 })),
      piece(fc.integer({ min: 0, max: 255 })),
      piece(fc.integer({ min: 0, max: 0xffff })),
    );
    fc.assert(
      fc.property(
        pieces,
        fc.array(fc.tuple(fc.string(), fc.string()), { minLength: 1, maxLength: 40 }),
        (p, around) => {
          for (const [before, after] of around) {
            const h = new Hasher();
            h.push(before);
            h.pushRepeated(p);
            h.push(after);
            expect(h.digest()).toBe(hash64(before + p + after));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
