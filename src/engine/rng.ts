import alea from 'seedrandom/lib/alea.js';
import type { RngState } from './state-types';

// Alea keeps s0..s2 as multiples of 2^-32 in [0, 1) and c as a small integer, so scaling by
// 2^32 stores its state as exact integers and dividing restores it bit for bit.
const TWO_32 = 4294967296;

// The game's seeded generator, exact on every engine: whole numbers and percent chances only.
export interface Rng {
  // An integer in [0, n), n at most 2^21 so the product stays exact.
  int(n: number): number;
  // True with the given integer percent chance.
  chance(percent: number): boolean;
  state(): RngState;
}

// The generator state a seed gives: the first state of every game of that seed.
export function seedRng(seed: string): RngState {
  const s = alea(seed, { state: true }).state();
  return { c: s.c, s0: s.s0 * TWO_32, s1: s.s1 * TWO_32, s2: s.s2 * TWO_32 };
}

// A generator that continues from a stored state.
export function restoreRng(state: RngState): Rng {
  return new AleaStep(state);
}

// Alea's step exactly as seedrandom's alea.js takes it, on the restored state. Restoring the
// library's generator instead seeds and discards a new one first, at every turn of every game:
// a fifth of what a turn allocated. Seeding still goes through the library.
class AleaStep implements Rng {
  private c: number;
  private s0: number;
  private s1: number;
  private s2: number;

  constructor(state: RngState) {
    this.c = state.c;
    this.s0 = state.s0 / TWO_32;
    this.s1 = state.s1 / TWO_32;
    this.s2 = state.s2 / TWO_32;
  }

  private next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(percent: number): boolean {
    return Math.floor(this.next() * 100) < percent;
  }

  state(): RngState {
    return { c: this.c, s0: this.s0 * TWO_32, s1: this.s1 * TWO_32, s2: this.s2 * TWO_32 };
  }
}
