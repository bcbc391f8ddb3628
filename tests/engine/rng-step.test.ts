import fc from 'fast-check';
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { restoreRng, seedRng } from '../../src/engine/rng';

const TWO_32 = 2 ** 32;

describe('restoreRng against seedrandom’s alea', () => {
  it('draws what the library draws and saves the state it holds, for any seed and any pattern of saves', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' })),
        fc.array(fc.tuple(fc.nat({ max: 12 }), fc.integer({ min: 1, max: 2 ** 21 })), { maxLength: 40 }),
        (seed, rounds) => {
          const stream = alea(seed, { state: true });
          let state = seedRng(seed);
          for (const [draws, n] of rounds) {
            const rng = restoreRng(state);
            for (let k = 0; k < draws; k++) {
              if (k % 2 === 0) expect(rng.int(n)).toBe(Math.floor(stream() * n));
              else expect(rng.chance(n % 101)).toBe(Math.floor(stream() * 100) < n % 101);
            }
            state = rng.state();
            const a = stream.state();
            expect(state).toEqual({ c: a.c, s0: a.s0 * TWO_32, s1: a.s1 * TWO_32, s2: a.s2 * TWO_32 });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
