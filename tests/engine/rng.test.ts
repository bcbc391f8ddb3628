import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { restoreRng, seedRng } from '../../src/engine/rng';
import type { RngState } from '../../src/engine/state-types';

const TWO_32 = 2 ** 32;
const SEEDS = ['', 'momentum', 'seed with spaces', 'héllo wörld', '日本語', '\u{1F600}🚀', '\uD800', '0'];

function isIntState(s: RngState): boolean {
  return [s.c, s.s0, s.s1, s.s2].every((x) => Number.isInteger(x));
}

describe('seedRng', () => {
  it('stores the generator state as integers: s0..s2 in [0, 2^32), c a small integer', () => {
    for (const seed of SEEDS) {
      const s = seedRng(seed);
      expect(Object.keys(s).sort()).toEqual(['c', 's0', 's1', 's2']);
      expect(isIntState(s)).toBe(true);
      for (const x of [s.s0, s.s1, s.s2]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(TWO_32);
      }
      expect(s.c).toBeGreaterThanOrEqual(0);
    }
  });

  it('is the seeded alea state, scaled', () => {
    for (const seed of SEEDS) {
      const a = alea(seed, { state: true }).state();
      expect(seedRng(seed)).toEqual({ c: a.c, s0: a.s0 * TWO_32, s1: a.s1 * TWO_32, s2: a.s2 * TWO_32 });
    }
  });

  it('differs between seeds and is stable for one seed', () => {
    expect(seedRng('a')).toEqual(seedRng('a'));
    const all = SEEDS.map((s) => JSON.stringify(seedRng(s)));
    expect(new Set(all).size).toBe(SEEDS.length);
  });
});

describe('restoreRng', () => {
  it('continues a continuous alea stream exactly, however often it is saved and restored', () => {
    const N = 2 ** 21;
    for (const seed of SEEDS) {
      const stream = alea(seed, { state: true });
      let state = seedRng(seed);
      for (let round = 0; round < 20; round++) {
        const rng = restoreRng(state);
        const draws = round % 4; // 0 to 3 draws between saves, including none
        for (let k = 0; k < draws; k++) expect(rng.int(N)).toBe(Math.floor(stream() * N));
        state = rng.state();
        expect(isIntState(state)).toBe(true);
        const a = stream.state();
        expect(state).toEqual({ c: a.c, s0: a.s0 * TWO_32, s1: a.s1 * TWO_32, s2: a.s2 * TWO_32 });
      }
    }
  });

  it('chance draws one value and compares its percent', () => {
    for (const seed of SEEDS) {
      const stream = alea(seed, { state: true });
      const rng = restoreRng(seedRng(seed));
      for (let k = 0; k < 50; k++) {
        const p = (k * 7) % 101;
        expect(rng.chance(p)).toBe(Math.floor(stream() * 100) < p);
      }
    }
  });

  it('gives the same sequence every time it is restored from the same state', () => {
    const s = seedRng('repeat');
    const one = restoreRng(s);
    const a = Array.from({ length: 30 }, () => one.int(1000));
    const two = restoreRng(s);
    const b = Array.from({ length: 30 }, () => two.int(1000));
    expect(b).toEqual(a);
  });

  it('does not change the state it was restored from', () => {
    const s = seedRng('frozen');
    const copy = { ...s };
    const rng = restoreRng(s);
    for (let k = 0; k < 10; k++) rng.int(10);
    expect(s).toEqual(copy);
    expect(rng.state()).not.toEqual(copy);
  });

  it('int stays in [0, n) and is an integer; chance(0) is never true, chance(100) always', () => {
    const rng = restoreRng(seedRng('range'));
    for (let k = 0; k < 500; k++) {
      const n = 1 + (k % 37);
      const x = rng.int(n);
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(n);
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(100)).toBe(true);
    }
  });
});
