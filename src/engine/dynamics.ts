import type { Ledger } from './causes';
import { div, type Vars } from './variables';

// Cause sources of the team's own dynamics; the explanation words each one.
export const DYNAMICS = {
  churn: 'churn',
  redTape: 'red-tape',
  expectations: 'expectations',
  execution: 'execution-drift',
  innovation: 'innovation-drift',
  morale: 'morale-drift',
  fade: 'fade',
  rest: 'rest',
  work: 'work-done',
} as const;

// The two failure feedbacks of the model.
// Churn: ideas running ahead of the structure to carry them cause rework and firefighting,
// which burns energy and execution (leading without managing).
// Red tape: rules and controls without trust or a reason behind them make people stop caring
// and stop proposing (managing without leading).
export function applyPressures(vars: Vars, ledger: Ledger): void {
  const churn = vars.innovation + div(vars.clarity, 2) - vars.structure - vars.control;
  if (churn > 0) {
    ledger.bump(vars, 'energy', -div(churn, 6), 'pressure', DYNAMICS.churn);
    ledger.bump(vars, 'execution', -div(churn, 6), 'pressure', DYNAMICS.churn);
  }
  const rigidity = div(vars.structure + vars.control - vars.trust - vars.clarity, 2) - 15;
  if (rigidity > 0) {
    ledger.bump(vars, 'morale', -div(rigidity, 5), 'pressure', DYNAMICS.redTape);
    ledger.bump(vars, 'innovation', -div(rigidity, 4), 'pressure', DYNAMICS.redTape);
  }
}

// Success raises the bar: every turn in momentum, stakeholders expect more and the team runs
// hotter, so direction, predictability and energy wear faster the longer it lasts.
export function applyExpectations(vars: Vars, streak: number, ledger: Ledger): void {
  const bar = WEAR.expectations[0] + (streak < WEAR.expectations[1] ? streak : WEAR.expectations[1]);
  ledger.bump(vars, 'clarity', -bar, 'pressure', DYNAMICS.expectations);
  ledger.bump(vars, 'control', -bar, 'pressure', DYNAMICS.expectations);
  ledger.bump(vars, 'energy', -2, 'pressure', DYNAMICS.expectations);
}

// Fading without upkeep, per turn: a flat part plus the level divided by the second number,
// so the higher a support stands the more upkeep it needs.
const WEAR = {
  clarity: [0, 15],
  structure: [0, 20],
  control: [1, 20],
  trust: [0, 25],
  expectations: [2, 4],
} as const;

// What execution settles toward: structure and predictability first, then people and energy.
export function executionTarget(v: Vars, capacity: number): number {
  return div(v.structure * 3 + v.control * 2 + v.energy + v.clarity + v.budget + capacity * 2, 10);
}

// What innovation settles toward: trust and direction make ideas safe to voice and worth having.
export function innovationTarget(v: Vars, capacity: number): number {
  return div(v.trust * 3 + v.clarity * 2 + v.energy + v.morale * 2 + capacity * 2, 10);
}

// What morale settles toward: trust, energy, knowing where we go, and seeing work get done.
export function moraleTarget(v: Vars): number {
  return div(v.trust * 3 + v.energy * 3 + v.clarity * 2 + v.execution * 2, 10);
}

// Natural movement at the end of a turn. Headline meters move a third of the way toward the
// level their supports can sustain; clarity, structure, control and trust fade without upkeep,
// faster the higher they stand; energy recovers; progress grows with execution aimed by clarity
// and fed by ideas.
export function applyDrift(vars: Vars, capacity: number, ledger: Ledger): void {
  const tE = executionTarget(vars, capacity);
  const tI = innovationTarget(vars, capacity);
  const tM = moraleTarget(vars);
  ledger.bump(vars, 'execution', div(tE - vars.execution, 3), 'drift', DYNAMICS.execution);
  ledger.bump(vars, 'innovation', div(tI - vars.innovation, 3), 'drift', DYNAMICS.innovation);
  ledger.bump(vars, 'morale', div(tM - vars.morale, 3), 'drift', DYNAMICS.morale);
  ledger.bump(vars, 'clarity', -(WEAR.clarity[0] + div(vars.clarity, WEAR.clarity[1])), 'drift', DYNAMICS.fade);
  ledger.bump(vars, 'structure', -(WEAR.structure[0] + div(vars.structure, WEAR.structure[1])), 'drift', DYNAMICS.fade);
  ledger.bump(vars, 'control', -(WEAR.control[0] + div(vars.control, WEAR.control[1])), 'drift', DYNAMICS.fade);
  ledger.bump(vars, 'trust', -(WEAR.trust[0] + div(vars.trust, WEAR.trust[1])), 'drift', DYNAMICS.fade);
  ledger.bump(vars, 'energy', 4, 'drift', DYNAMICS.rest);
  const gain = div(vars.execution * (vars.clarity + vars.innovation), 2000);
  ledger.bump(vars, 'progress', gain, 'drift', DYNAMICS.work);
}
