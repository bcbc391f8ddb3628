import {
  type Cause,
  createGame,
  type Scenario,
  type GameState,
  type Regime,
  step,
  type Fact,
  VARIABLES,
  type VarName,
} from '../engine';
import { turnActions, type ReplayTurn } from './document';

export interface VarChange {
  readonly var: VarName;
  readonly from: number;
  readonly to: number;
  readonly causes: readonly Cause[];
}

/** One resolved turn: what was chosen, what happened and every variable's change with causes. */
export interface TurnRecord {
  readonly turn: number;
  readonly choices: ReplayTurn['actions'];
  readonly facts: readonly Fact[];
  readonly changes: readonly VarChange[];
  readonly l: number;
  readonly m: number;
  readonly regime: Regime;
  readonly before: GameState;
  readonly after: GameState;
}

/** Each variable that moved or had causes, with its causes; both sides of a wash are kept. */
function changesOf(before: GameState, after: GameState, causes: readonly Cause[]): VarChange[] {
  return VARIABLES.map((v) => ({
    var: v,
    from: before.vars[v],
    to: after.vars[v],
    causes: causes.filter((c) => c.var === v),
  })).filter((c) => c.from !== c.to || c.causes.length > 0);
}

/** Re-plays a verified run turn by turn, keeping each turn's facts and causes for telling. */
export function timeline(scenario: Scenario, seed: string, turns: readonly ReplayTurn[]): TurnRecord[] {
  let state = createGame(scenario, seed);
  const out: TurnRecord[] = [];
  for (const t of turns) {
    const before = state;
    for (const a of turnActions(t)) {
      const r = step(state, a);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    const r = step(state, { type: 'end-turn' });
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
    out.push(recordOf(t, before, r));
  }
  return out;
}

/** The record of one resolved turn, from the state before it and the end-turn step's result. */
export function recordOf(
  turn: ReplayTurn,
  before: GameState,
  r: { state: GameState; facts: readonly Fact[]; causes: readonly Cause[] },
): TurnRecord {
  return {
    turn: turn.turn,
    choices: turn.actions,
    facts: r.facts,
    changes: changesOf(before, r.state, r.causes),
    l: r.state.l,
    m: r.state.m,
    regime: r.state.regime,
    before,
    after: r.state,
  };
}
