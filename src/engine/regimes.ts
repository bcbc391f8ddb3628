import type { Regime } from './state-types';
import { div, type VarName, type Vars } from './variables';

// An index must reach ENTER to count as high, and stays high until it drops below EXIT.
export const ENTER = 62;
// Below this a high index stops counting as high (see ENTER).
export const EXIT = 50;

// The variables each index is made of, with their weights in percent (each index's sum to 100):
// what the screen shows as the regime's drivers. Leadership is direction, trust, and the ideas
// and spirit they produce; management is structure, reliable delivery and predictability.
export const INDEX_WEIGHTS = {
  l: { clarity: 30, trust: 25, innovation: 25, morale: 20 },
  m: { structure: 30, execution: 40, control: 30 },
} as const satisfies Record<'l' | 'm', Partial<Record<VarName, number>>>;

const LW = INDEX_WEIGHTS.l;
const MW = INDEX_WEIGHTS.m;

// Leadership index: the weighted mean of its drivers, rounded down.
export function leadershipIndex(v: Vars): number {
  return div(v.clarity * LW.clarity + v.trust * LW.trust + v.innovation * LW.innovation + v.morale * LW.morale, 100);
}

// Management index: the weighted mean of its drivers, rounded down.
export function managementIndex(v: Vars): number {
  return div(v.structure * MW.structure + v.execution * MW.execution + v.control * MW.control, 100);
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
