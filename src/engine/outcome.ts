import { allHold, membersLost, type Situation } from './conditions';
import type { Scenario } from './scenario-types';
import type { Regime, SetupEnding } from './state-types';

// The first ending whose outcome, collapse flag and conditions all match; the scenario's
// validator guarantees a catch-all per outcome, so this finds one for every valid scenario.
export function endingOf(endings: readonly SetupEnding[], outcome: Regime, early: boolean, s: Situation): string {
  for (const e of endings) {
    if (e.outcome !== outcome) continue;
    if (e.early !== null && e.early !== early) continue;
    if (allHold(e.when, s)) return e.id;
  }
  return early ? `${outcome}-collapse` : outcome;
}

// What the score is made of. The goal reached counts most, then the turns in momentum and the
// state the team is left in; an early collapse and every person lost cost points. A score never
// goes below 0: `floor` is what that gives back, so the parts always add up to the total.
export interface ScoreBreakdown {
  readonly outcome: number;
  readonly meters: number;
  readonly progress: number;
  readonly momentum: number;
  readonly collapse: number;
  readonly departures: number;
  readonly floor: number;
  readonly total: number;
}

// The score's weights: progress, momentum turns and a momentum finish count for it; an early collapse and each person lost against it.
export const SCORE = {
  perProgress: 10,
  perMomentumTurn: 25,
  momentumFinish: 100,
  collapse: -150,
  perDeparture: -30,
} as const;

// The score in its parts, with the floor that keeps it at 0 or more; the parts always add up to the total.
export function scoreBreakdown(s: Situation, outcome: Regime, early: boolean): ScoreBreakdown {
  const v = s.vars;
  const finish = outcome === 'momentum' ? SCORE.momentumFinish : 0;
  const meters = v.morale + v.execution + v.innovation;
  const progress = v.progress * SCORE.perProgress;
  const momentum = s.momentumTurns * SCORE.perMomentumTurn;
  const collapse = early ? SCORE.collapse : 0;
  const departures = membersLost(s.members) * SCORE.perDeparture;
  const sum = finish + meters + progress + momentum + collapse + departures;
  const floor = sum < 0 ? -sum : 0;
  // Built in one literal: every game's last turn scores, and spreading a parts object costs more.
  return { outcome: finish, meters, progress, momentum, collapse, departures, floor, total: sum + floor };
}

// The words of the ending a game reached, by the id the state records.
export function endingText(scenario: Scenario, id: string | null): string {
  return scenario.endings.find((e) => e.id === id)?.text ?? '';
}
