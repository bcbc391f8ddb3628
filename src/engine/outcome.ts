import type { Regime } from './state-types';
import type { Vars } from './variables';

// Ending ids: the outcome, with `-collapse` when chaos or stagnation ended the game early.
export function endingOf(regime: Regime, early: boolean): string {
  return early ? `${regime}-collapse` : regime;
}

// Score rewards the goal reached above all, then the state the team is left in and the turns
// spent in momentum; an early collapse costs a flat penalty.
export function scoreOf(v: Vars, momentumTurns: number, early: boolean): number {
  const raw = v.progress * 10 + v.morale + v.execution + v.innovation + momentumTurns * 25;
  return Math.max(0, early ? raw - 150 : raw);
}
