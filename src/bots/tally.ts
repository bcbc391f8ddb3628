import { REGIMES, type Regime, type Scenario } from '../engine';
import type { PolicyFactory } from './policies';
import { playGame } from './run';

export interface Tally {
  outcomes: Record<Regime, number>;
  endings: Record<string, number>;
  score: number;
  turns: number;
}

export function emptyTally(): Tally {
  return {
    outcomes: Object.fromEntries(REGIMES.map((r) => [r, 0])) as Record<Regime, number>,
    endings: {},
    score: 0,
    turns: 0,
  };
}

/** Plays seeds PREFIXfrom … PREFIXto (the numbers in decimal; no prefix by default) and adds up what happened. */
export function tallySeeds(
  scenario: Scenario,
  policy: PolicyFactory,
  from: number,
  to: number,
  tick?: () => void,
  prefix = '',
): Tally {
  const t = emptyTally();
  for (let i = from; i <= to; i++) {
    const { state } = playGame(scenario, `${prefix}${i}`, policy);
    t.outcomes[state.regime] += 1;
    const ending = state.ending ?? state.regime;
    t.endings[ending] = (t.endings[ending] ?? 0) + 1;
    t.score += state.score;
    t.turns += state.turn - 1;
    tick?.();
  }
  return t;
}

/** Adds one tally into another: batches split across workers are merged this way. */
export function mergeTally(into: Tally, part: Tally): Tally {
  for (const r of REGIMES) into.outcomes[r] += part.outcomes[r];
  for (const [k, v] of Object.entries(part.endings)) into.endings[k] = (into.endings[k] ?? 0) + v;
  into.score += part.score;
  into.turns += part.turns;
  return into;
}
