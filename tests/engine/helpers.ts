import { expect } from 'vitest';
import { createGame } from '../../src/engine/create';
import type { Scenario } from '../../src/engine/scenario-types';
import type { GameState, SetupEvent } from '../../src/engine/state-types';
import type { Action, StepResult } from '../../src/engine/step-types';
import { step } from '../../src/engine/step';
import type { Vars } from '../../src/engine/variables';
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

/** Fails the test unless the value is defined; narrows the type. */
export function defined<T>(value: T | undefined | null, what = 'value'): T {
  expect(value, what).toBeDefined();
  expect(value, what).not.toBeNull();
  return value as T;
}
