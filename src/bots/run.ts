import { createGame, step, type Action, type GameState, type Scenario } from '../engine';
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
    let r = step(state, action);
    if (!r.ok || ++guard > 1000) {
      action = { type: 'end-turn' };
      r = step(state, action);
    }
    if (!r.ok) throw new Error(`end-turn refused: ${r.error.message}`);
    state = r.state;
    if (action.type === 'end-turn') {
      turns.push(current);
      current = [];
      guard = 0;
    } else if (action.type === 'undo') current.pop();
    else current.push(action);
  }
  return { state, turns };
}
