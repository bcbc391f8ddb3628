/**
 * Frame-rate independent easing toward a target. Used instead of Phaser tweens so that a
 * replay slider calling show() many times a second only moves targets: nothing is allocated.
 */
export function approach(current: number, target: number, dt: number, tau: number): number {
  if (tau <= 0) return target;
  const next = target + (current - target) * Math.exp(-dt / tau);
  return Math.abs(next - target) < 1e-3 ? target : next;
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Deterministic pseudo-random numbers in [0, 1) so the scene looks the same on every run. */
export function seededRandoms(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s / 4294967296;
  }
  return out;
}

/** Reads a value from a typed array that is known to be long enough. */
export function at(a: Float32Array, i: number): number {
  return a[i] ?? 0;
}

/** A smooth pseudo-noise in about [-1, 1]: sums of incommensurate sines, cheap and allocation-free. */
export function wobble(t: number, seed: number): number {
  return (
    (Math.sin(t * 1.7 + seed * 12.9) + Math.sin(t * 2.9 + seed * 7.3) * 0.6 + Math.sin(t * 4.3 + seed * 3.1) * 0.3) /
    1.9
  );
}
