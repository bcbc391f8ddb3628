import { ACTION_IDS } from '../../src/engine/catalogue';
import type { Situation } from '../../src/engine/conditions';
import { createGame } from '../../src/engine/create';
import type { Scenario } from '../../src/engine/scenario-types';
import {
  REGIMES,
  type GameState,
  type SetupCondition,
  type SetupEnding,
  type SetupEvent,
  type SetupShift,
} from '../../src/engine/state-types';
import type { Action, StepResult } from '../../src/engine/step-types';
import { step } from '../../src/engine/step';
import { VARIABLES, type Vars } from '../../src/engine/variables';
import { loadAllScenarios } from '../../src/scenarios/files';

/** Every shipped scenario, loaded once per test file. */
export const SCENARIOS: readonly Scenario[] = loadAllScenarios().map((l) => l.scenario);

export function scenario(id: string): Scenario {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** A fresh game of a shipped scenario. */
export function game(id = 'first-team', seed = 'test'): GameState {
  return createGame(scenario(id), seed);
}

/** The state with some variables overridden. */
export function withVars(s: GameState, vars: Partial<Vars>): GameState {
  return { ...s, vars: { ...s.vars, ...vars } };
}

/** The state with the scenario's events replaced, firing an eligible one every turn by default. */
export function withEvents(s: GameState, events: readonly SetupEvent[], eventChance = 100): GameState {
  return { ...s, setup: { ...s.setup, events, eventChance } };
}

/** A rule event with sensible defaults: no conditions, no cushion, no member effect. */
export function ruleEvent(over: Partial<SetupEvent> & { id: string }): SetupEvent {
  return {
    weight: 1,
    minTurn: 1,
    once: false,
    when: [],
    effects: [],
    cushion: null,
    member: null,
    pressure: [],
    growth: 0,
    settledBy: [],
    ...over,
  };
}

/** Every variable at 50, with some overridden: far from both ends, so small changes never clamp. */
export function mid(over: Partial<Vars> = {}): Vars {
  const v = {} as Vars;
  for (const name of VARIABLES) v[name] = 50;
  return { ...v, ...over };
}

/** What a condition reads: the variables, a team (none by default) and no momentum yet. */
export function situation(vars: Vars, over: Partial<Omit<Situation, 'vars'>> = {}): Situation {
  return { vars, members: [], momentumTurns: 0, ...over };
}

/** A condition in the form the rules test, bounds defaulting to the whole range. */
export function cond(c: Partial<SetupCondition>): SetupCondition {
  return { var: null, stat: null, atLeast: 0, atMost: 100, ...c };
}

/** The state with the scenario's shifts replaced, every one dealt to strike on its `by` turn at the latest. */
export function withShifts(s: GameState, shifts: readonly SetupShift[]): GameState {
  const situations = shifts.map((x) => ({ shift: x.id, turn: x.by, member: null }));
  return { ...s, setup: { ...s.setup, shifts, shiftsDrawn: shifts.length }, situations };
}

/** A rule shift with defaults: on turn 1, no conditions, no effects, pressure or answer. */
export function ruleShift(over: Partial<SetupShift> & { id: string }): SetupShift {
  return {
    from: 1,
    by: over.from ?? 1,
    when: [],
    effects: [],
    pressure: [],
    growth: 0,
    settledBy: [],
    timeBudget: null,
    member: null,
    ...over,
  };
}

/** A rule ending with defaults: any time, no conditions. */
export function ruleEnding(over: Partial<SetupEnding> & { id: string; outcome: SetupEnding['outcome'] }): SetupEnding {
  return { early: null, when: [], ...over };
}

/**
 * A small, valid scenario built in code: every variable at 50, every action offered, four
 * plain members, no events, one shift on turn 3 that does nothing, and one catch-all ending
 * per outcome. Tests override what they exercise.
 */
export function makeScenario(over: Partial<Scenario> = {}): Scenario {
  return {
    id: 'test-scenario',
    title: 'Test scenario',
    tagline: 'A scenario built by the tests.',
    briefing: 'Nothing happens here unless a test says so.',
    difficulty: 'easy',
    turns: 8,
    timeBudget: 10,
    collapseAfter: 4,
    eventChance: 0,
    goal: { label: 'Test goal', visual: 'house' },
    start: mid(),
    actions: [...ACTION_IDS],
    members: ['ada', 'bo', 'cy', 'di'].map((id) => ({
      id,
      name: id.toUpperCase(),
      role: 'Tester',
      traits: [],
      skill: 60,
      morale: 60,
    })),
    events: [],
    shifts: [{ id: 'quiet-shift', title: 'A quiet shift', text: 'Nothing changes.', from: 3, effects: [] }],
    endings: REGIMES.map((r) => ({ id: `${r}-end`, outcome: r, text: `The game ends in ${r}.` })),
    ...over,
  };
}

/** Steps and asserts the step succeeded. */
export function ok(s: GameState, action: Action): Extract<StepResult, { ok: true }> {
  const r = step(s, action);
  if (!r.ok) throw new Error(`step refused ${JSON.stringify(action)}: ${r.error.code} ${r.error.message}`);
  return r;
}

/** Steps through several actions, asserting each succeeded; returns the final result. */
export function run(s: GameState, actions: readonly Action[]): Extract<StepResult, { ok: true }> {
  let r: Extract<StepResult, { ok: true }> = { ok: true, state: s, facts: [], causes: [] };
  for (const a of actions) r = ok(r.state, a);
  return r;
}

export const END: Action = { type: 'end-turn' };
export const UNDO: Action = { type: 'undo' };

export function choose(action: string, target?: string): Action {
  return target === undefined ? { type: 'choose', action } : { type: 'choose', action, target };
}

/** Sum of recorded causes matching a filter. */
export function causeSum(
  causes: readonly { var: string; kind: string; source: string; amount: number }[],
  match: { var?: string; kind?: string; source?: string },
): number {
  let sum = 0;
  for (const c of causes) {
    if (match.var !== undefined && c.var !== match.var) continue;
    if (match.kind !== undefined && c.kind !== match.kind) continue;
    if (match.source !== undefined && c.source !== match.source) continue;
    sum += c.amount;
  }
  return sum;
}
