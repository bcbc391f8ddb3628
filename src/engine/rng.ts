import alea from 'seedrandom/lib/alea.js';
import type { RngState } from './state-types';

// Alea keeps s0..s2 as multiples of 2^-32 in [0, 1) and c as a small integer, so scaling by
// 2^32 stores its state as exact integers and dividing restores it bit for bit.
const TWO_32 = 4294967296;

export interface Rng {
  // An integer in [0, n), n at most 2^21 so the product stays exact.
  int(n: number): number;
  // True with the given integer percent chance.
  chance(percent: number): boolean;
  state(): RngState;
}

export function seedRng(seed: string): RngState {
  return toInts(alea(seed, { state: true }).state());
}

export function restoreRng(state: RngState): Rng {
  const prng = alea('', {
    state: { c: state.c, s0: state.s0 / TWO_32, s1: state.s1 / TWO_32, s2: state.s2 / TWO_32 },
  });
  return {
    int: (n) => Math.floor(prng() * n),
    chance: (percent) => Math.floor(prng() * 100) < percent,
    state: () => toInts(prng.state()),
  };
}

function toInts(s: { c: number; s0: number; s1: number; s2: number }): RngState {
  return { c: s.c, s0: s.s0 * TWO_32, s1: s.s1 * TWO_32, s2: s.s2 * TWO_32 };
}
