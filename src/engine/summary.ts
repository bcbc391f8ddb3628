import { fingerprint } from './fingerprint';
import type { GameState, Regime } from './state-types';

// A game in a few figures: outcome, ending, turns, score, the headline meters and its fingerprint.
export interface Summary {
  readonly outcome: Regime;
  readonly ending: string;
  readonly turns: number;
  readonly score: number;
  readonly meters: { readonly morale: number; readonly execution: number; readonly innovation: number };
  readonly fingerprint: string;
}

// The headline facts of a game, finished or not: the regime so far stands in for the outcome.
// A caller that already fingerprinted the state passes the fingerprint along.
export function summaryOf(s: GameState, known?: string): Summary {
  return {
    outcome: s.regime,
    ending: s.ending ?? s.regime,
    turns: s.turn - 1,
    score: s.score,
    meters: { morale: s.vars.morale, execution: s.vars.execution, innovation: s.vars.innovation },
    fingerprint: known ?? fingerprint(s),
  };
}
