import { type GameState, SCORE, scoreBreakdown, type ScoreBreakdown } from '../engine';
import { signed } from './words';

/** One line of the score: what it counts, how, and the points it gives. */
export interface ScoreRow {
  readonly part: Exclude<keyof ScoreBreakdown, 'total'>;
  readonly label: string;
  readonly detail: string;
  readonly points: number;
}

/** The breakdown of a finished game's score, as the rules compute it. */
export function breakdownOf(state: GameState): ScoreBreakdown {
  return scoreBreakdown(state, state.regime, state.early);
}

/**
 * The score line by line; the points always add up to the total. A score never goes below
 * zero, so when the parts do, a last line says how much the floor gave back.
 */
export function scoreRows(state: GameState): { rows: ScoreRow[]; total: number } {
  const b = breakdownOf(state);
  const v = state.vars;
  const lost = state.members.filter((m) => m.status === 'gone').length;
  const rows: ScoreRow[] = [
    {
      part: 'outcome',
      label: 'Outcome bonus',
      detail:
        state.regime === 'momentum' ? 'ended in momentum' : `ended in ${state.regime}: only momentum earns the bonus`,
      points: b.outcome,
    },
    {
      part: 'meters',
      label: 'Meters',
      detail: `morale ${v.morale} + execution ${v.execution} + innovation ${v.innovation}`,
      points: b.meters,
    },
    { part: 'progress', label: 'Goal progress', detail: `${v.progress}% × ${SCORE.perProgress}`, points: b.progress },
    {
      part: 'momentum',
      label: 'Momentum turns',
      detail: `${state.momentumTurns} turn${state.momentumTurns === 1 ? '' : 's'} × ${SCORE.perMomentumTurn}`,
      points: b.momentum,
    },
    {
      part: 'collapse',
      label: 'Collapse penalty',
      detail: state.early ? `${state.regime} ended the game early` : 'the game ran its course',
      points: b.collapse,
    },
    {
      part: 'departures',
      label: 'People lost',
      detail: `${lost} × ${signed(SCORE.perDeparture)}`,
      points: b.departures,
    },
  ];
  if (b.floor !== 0) {
    rows.push({ part: 'floor', label: 'Floor', detail: 'a score never goes below 0', points: b.floor });
  }
  return { rows, total: b.total };
}
