import { REGIMES, type Regime } from '../../engine';

/** How a regime moves and lights the world. Blended linearly, so a change of regime is a cross-fade. */
export interface Mood {
  /** Fast shaking, in character heights. */
  jitter: number;
  /** Erratic darting about, 0–1. */
  dart: number;
  /** Bobbing height, in character heights. */
  bob: number;
  /** Bob cycles per second. */
  bobRate: number;
  /** 1: everyone bobs in step; 0: each in their own time. */
  sync: number;
  /** Aimless wandering across the floor, 0–1. */
  wander: number;
  /** The team stepping toward the goal together, 0–1. */
  march: number;
  /** Drooping posture, 0–1. */
  slump: number;
  /** Arms thrown up in alarm, 0–1. */
  armsUp: number;
  /** Wall clock speed: 1 normal, 0 stopped. */
  clock: number;
  /** Desaturation of the room, 0–1. */
  desat: number;
  /** Darkening of the room, 0–1. */
  dim: number;
  /** Light laid over the room. */
  lightR: number;
  lightG: number;
  lightB: number;
  lightA: number;
}

const MOODS: Record<Regime, Mood> = {
  momentum: {
    jitter: 0,
    dart: 0,
    bob: 0.05,
    bobRate: 1.6,
    sync: 1,
    wander: 0,
    march: 1,
    slump: 0,
    armsUp: 0,
    clock: 1,
    desat: 0,
    dim: 0,
    lightR: 255,
    lightG: 196,
    lightB: 92,
    lightA: 0.12,
  },
  chaos: {
    jitter: 0.035,
    dart: 1,
    bob: 0.03,
    bobRate: 3.2,
    sync: 0,
    wander: 0,
    march: 0,
    slump: 0,
    armsUp: 1,
    clock: 14,
    desat: 0,
    dim: 0,
    lightR: 255,
    lightG: 72,
    lightB: 24,
    lightA: 0.16,
  },
  stagnation: {
    jitter: 0,
    dart: 0,
    bob: 0.008,
    bobRate: 0.25,
    sync: 0.3,
    wander: 0,
    march: 0,
    slump: 0.55,
    armsUp: 0,
    clock: 0,
    desat: 0.85,
    dim: 0.22,
    lightR: 40,
    lightG: 48,
    lightB: 66,
    lightA: 0.24,
  },
  drift: {
    jitter: 0,
    dart: 0,
    bob: 0.012,
    bobRate: 0.6,
    sync: 0,
    wander: 1,
    march: 0,
    slump: 0.15,
    armsUp: 0,
    clock: 0.4,
    desat: 0.45,
    dim: 0.08,
    lightR: 150,
    lightG: 164,
    lightB: 178,
    lightA: 0.16,
  },
};

const KEYS = Object.keys(MOODS.momentum) as (keyof Mood)[];

/** Seconds for a regime change to blend in; a fixed time so the blend (and its redraws) end. */
const BLEND_TIME = 0.9;

/** Tracks how much of each regime is showing and the blended mood. */
export class RegimeBlend {
  /** Weight per regime, in REGIMES order; sums to 1. */
  readonly weights = new Float32Array(REGIMES.length);
  /** Linear ramps behind the weights; the weights are their smoothstep, for an ease in and out. */
  private readonly ramps = new Float32Array(REGIMES.length);
  readonly mood: Mood = { ...MOODS.drift };
  private target: Regime = 'drift';

  constructor() {
    this.ramps[REGIMES.indexOf('drift')] = 1;
    this.weights[REGIMES.indexOf('drift')] = 1;
  }

  get regime(): Regime {
    return this.target;
  }

  weight(regime: Regime): number {
    return this.weights[REGIMES.indexOf(regime)] ?? 0;
  }

  set(regime: Regime, instant: boolean): void {
    this.target = regime;
    if (instant) this.snap();
  }

  snap(): void {
    for (let i = 0; i < REGIMES.length; i++) this.ramps[i] = this.weights[i] = REGIMES[i] === this.target ? 1 : 0;
    this.blend();
  }

  /** Whether the cross-fade has reached the regime it was set to. */
  settled(): boolean {
    return REGIMES.every((r, i) => this.ramps[i] === (r === this.target ? 1 : 0));
  }

  /** Returns true while the blend is still moving. */
  update(dt: number): boolean {
    let moving = false;
    const step = dt / BLEND_TIME;
    for (let i = 0; i < REGIMES.length; i++) {
      const goal = REGIMES[i] === this.target ? 1 : 0;
      const r = this.ramps[i] ?? 0;
      if (r !== goal) {
        const next = goal > r ? Math.min(goal, r + step) : Math.max(goal, r - step);
        this.ramps[i] = next;
        this.weights[i] = next * next * (3 - 2 * next);
        moving = true;
      }
    }
    if (moving) this.blend();
    return moving;
  }

  private blend(): void {
    let total = 0;
    for (let i = 0; i < REGIMES.length; i++) total += this.weights[i] ?? 0;
    const mood = this.mood;
    for (const key of KEYS) mood[key] = 0;
    for (let i = 0; i < REGIMES.length; i++) {
      const regime = REGIMES[i];
      const w = (this.weights[i] ?? 0) / (total || 1);
      if (!regime || w === 0) continue;
      const m = MOODS[regime];
      for (const key of KEYS) mood[key] += m[key] * w;
    }
  }
}
