import type { Scenario, GameState } from '../engine';
import type { WorldView } from './world/view';

/** What the world draws for a state: the app derives it, the world never reads rules. */
export function worldViewOf(scenario: Scenario, state: GameState): WorldView {
  return {
    regime: state.regime,
    members: scenario.members.map((m, i) => {
      const s = state.members[i]!;
      return { id: m.id, name: m.name, role: m.role, status: s.status, morale: s.morale };
    }),
    progress: state.vars.progress,
    goal: scenario.goal.visual as WorldView['goal'],
    meters: { morale: state.vars.morale, execution: state.vars.execution, innovation: state.vars.innovation },
    turn: Math.min(state.turn, state.setup.turns),
    turns: state.setup.turns,
  };
}
