import type { Regime } from './state-types';
import { div, type Vars } from './variables';

// An index must reach ENTER to count as high, and stays high until it drops below EXIT.
export const ENTER = 62;
// Below this a high index stops counting as high (see ENTER).
export const EXIT = 50;

// Leadership index: direction, trust, and the ideas and spirit they produce.
export function leadershipIndex(v: Vars): number {
  return div(v.clarity * 30 + v.trust * 25 + v.innovation * 25 + v.morale * 20, 100);
}

// Management index: structure, reliable delivery and predictability.
export function managementIndex(v: Vars): number {
  return div(v.structure * 30 + v.execution * 40 + v.control * 30, 100);
}

// Hysteresis keeps a regime from flickering when an index hovers near one threshold.
export function isHigh(index: number, wasHigh: boolean): boolean {
  return wasHigh ? index >= EXIT : index >= ENTER;
}

// The regime two indices make: both high is momentum, only L chaos, only M stagnation, neither drift.
export function regimeOf(lHigh: boolean, mHigh: boolean): Regime {
  if (lHigh && mHigh) return 'momentum';
  if (lHigh) return 'chaos';
  if (mHigh) return 'stagnation';
  return 'drift';
}
