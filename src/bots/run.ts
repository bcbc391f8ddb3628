import { advance, createGame, validate, type Action, type GameState, type Scenario } from '../engine';
import type { PolicyFactory } from './policies';

export interface GameRun {
  readonly state: GameState;
  /** The committed choices of each turn, in order: all a replay needs besides the seed. */
  readonly turns: readonly (readonly Action[])[];
}

/** Plays one game to its end. A policy that returns an illegal action ends the turn instead. */
export function playGame(scenario: Scenario, seed: string, policy: PolicyFactory): GameRun {
  return playOn(createGame(scenario, seed), seed, policy);
}

/** Plays a game from any state to its end: how a branch's remaining turns are played by a bot. */
export function playOn(start: GameState, seed: string, policy: PolicyFactory): GameRun {
  const choose = policy(seed);
  let state = start;
  const turns: Action[][] = [];
  let current: Action[] = [];
  let guard = 0;
  while (!state.over) {
    let action = choose(state);
    // Bots read no facts or causes: the next state alone is cheaper to reach.
    let next = ++guard > 1000 ? null : advance(state, action);
    if (next === null) {
      action = { type: 'end-turn' };
      next = advance(state, action);
    }
    if (next === null) throw new Error(`end-turn refused: ${validate(state, action)?.message ?? 'no reason given'}`);
    state = next;
    if (action.type === 'end-turn') {
      turns.push(current);
      current = [];
      guard = 0;
    } else if (action.type === 'undo') current.pop();
    else current.push(action);
  }
  return { state, turns };
}
