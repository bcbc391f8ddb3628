import {
  actionDef,
  actionIndex,
  CATALOGUE,
  cool,
  HEAT_PER_USE,
  validate,
  waiting,
  type Action,
  type GameState,
} from '../engine';
import { answeringBalanced, answeringSides, type Policy, type PolicyFactory } from './policies';

/**
 * A player who reads the screen and nothing else: the meters, the regime, L and M with their
 * drivers, the situation panel's open shifts and calls with their named answers, and who on the
 * team is disengaged. No search, no dice, and no reading of the engine's hidden state: it knows
 * how repetition weakens a card from the rules, and tracks that from its own past choices rather
 * than from the state's heat.
 *
 * Each choice, in order: answer what waits for an answer (aimed at the person it names); coach a
 * disengaged member, lowest morale first; then the card the team needs most per hour, as the
 * balanced heuristic weighs it: in chaos only from the management cards and in stagnation only
 * from the leadership ones while any fits (the regime on screen says which side is missing, and
 * the collapse countdown says it cannot wait), otherwise from both, leaning to the weaker of L and M.
 */
export const readerPolicy: PolicyFactory = (seed) => {
  const both = answeringBalanced(seed);
  const manage = answeringSides(['manage']);
  const lead = answeringSides(['lead']);
  const needs: Policy = (state) => {
    const missing = state.regime === 'chaos' ? manage : state.regime === 'stagnation' ? lead : null;
    const pick = missing?.(state);
    return pick?.type === 'choose' ? pick : both(state);
  };
  // The reader's own memory of how recently it played each card, cooled each turn as the rules say.
  const heat = CATALOGUE.map(() => 0);
  let turn = 0;
  let chosenThisTurn: string[] = [];
  return (state) => {
    if (state.turn !== turn) {
      for (const a of chosenThisTurn) heat[actionIndex(a)]! += HEAT_PER_USE;
      for (let t = turn; t < state.turn; t++) for (let i = 0; i < heat.length; i++) heat[i] = cool(heat[i]!);
      turn = state.turn;
      chosenThisTurn = [];
    }
    const action = firstReading(state) ?? needs({ ...state, heat });
    if (action.type === 'choose') chosenThisTurn.push(action.action);
    return action;
  };
};

/** An answer to what waits, or a coaching of someone disengaged: what the screen asks for first. */
function firstReading(state: GameState): Action | null {
  const planned = new Set(state.plan.map((c) => c.action));
  for (const w of waiting(state)) {
    for (const id of w.settledBy) {
      if (planned.has(id)) continue;
      const def = actionDef(id);
      if (!def) continue;
      const action = aimed(id, def.targeted ? (w.member ?? lowestMorale(state)) : undefined);
      if (action && validate(state, action) === null) return action;
    }
  }
  if (!planned.has('coach')) {
    let low: GameState['members'][number] | undefined;
    for (const m of state.members) if (m.status === 'disengaged' && (!low || m.morale < low.morale)) low = m;
    const action = low ? aimed('coach', low.id) : null;
    if (action && validate(state, action) === null) return action;
  }
  return null;
}

function aimed(action: string, target: string | undefined): Action | null {
  const def = actionDef(action);
  if (!def) return null;
  if (!def.targeted) return { type: 'choose', action };
  return target === undefined ? null : { type: 'choose', action, target };
}

function lowestMorale(state: GameState): string | undefined {
  let low: GameState['members'][number] | undefined;
  for (const m of state.members) if (m.status !== 'gone' && (!low || m.morale < low.morale)) low = m;
  return low?.id;
}
