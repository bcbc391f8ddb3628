import { actionDef, type ActionDef } from './catalogue';
import { offered, plainSetup } from './create';
import { copyState } from './draft';
import type { Action, Fact, StepError, StepErrorCode, StepResult } from './step-types';
import type { Choice, GameState } from './state-types';
import { resolveTurn } from './turn';

// A name from the input, quoted, shortened and on one line, for an error message.
export function quoted(value: unknown): string {
  const text = String(value);
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function bad(code: StepErrorCode, message: string): StepError {
  return { code, message };
}

// The one way the game moves. Choosing and undoing only edit the turn's plan and spend or
// refund time; ending the turn resolves the plan. Invalid actions return an error, leave the
// state untouched and draw no randomness. The input is never mutated.
export function step(state: GameState, action: Action): StepResult {
  const error = validate(state, action);
  if (error) return { ok: false, error };
  if (action.type === 'end-turn') return resolveTurn(state);
  const { next, fact } = planned(state, action);
  return { ok: true, state: next, facts: [fact], causes: [] };
}

// The state `step` gives, without the facts and causes it records, or null where `step` refuses
// the action: for bots, whose searches visit thousands of states and read none of their story.
export function advance(state: GameState, action: Action): GameState | null {
  if (validate(state, action)) return null;
  return action.type === 'end-turn' ? resolveTurn(state, false).state : planned(state, action).next;
}

// Choosing or undoing, the one path `step` and `advance` share: the plan and time after it, and
// the fact it records (which `advance` drops).
function planned(state: GameState, action: Exclude<Action, { type: 'end-turn' }>): { next: GameState; fact: Fact } {
  if (action.type === 'choose') {
    const def = actionDef(action.action)!;
    return {
      next: withPlan(state, state.time - def.cost, [...state.plan, choiceOf(def.id, action.target)]),
      fact: { type: 'action-chosen', action: def.id, target: action.target ?? null },
    };
  }
  const last = state.plan[state.plan.length - 1]!;
  return {
    next: withPlan(state, state.time + actionDef(last.action)!.cost, state.plan.slice(0, -1)),
    fact: { type: 'choice-undone', action: last.action, target: last.target ?? null },
  };
}

const choiceOf = (action: string, target: string | undefined): Choice =>
  target === undefined ? { action } : { action, target };

// The state with a new plan and time left; everything else shared.
function withPlan(s: GameState, time: number, plan: GameState['plan']): GameState {
  const next = copyState(s);
  next.time = time;
  next.plan = plan;
  return next;
}

// Why an action cannot be taken now, or null when it can.
export function validate(state: GameState, action: Action): StepError | null {
  if (typeof action !== 'object' || action === null) return bad('malformed-action', 'An action must be an object.');
  if (state.over) return bad('game-over', 'The game is over; no more actions can be taken.');
  switch (action.type) {
    case 'end-turn':
      return null;
    case 'undo':
      return state.plan.length === 0 ? bad('nothing-to-undo', 'No choice this turn to take back.') : null;
    case 'choose': {
      const def = typeof action.action === 'string' ? actionDef(action.action) : undefined;
      if (!def) return bad('unknown-action', `No action called ${quoted(action.action)}.`);
      if (!offered(state.setup).has(def.id)) {
        return bad('unavailable-action', `"${def.title}" is not offered in this scenario.`);
      }
      if (def.cost > state.time) {
        return bad('not-enough-time', `"${def.title}" needs ${def.cost} time; ${state.time} left this turn.`);
      }
      if (def.targeted) {
        if (action.target === undefined) return bad('target-required', `"${def.title}" needs a team member.`);
        const m = state.members.find((x) => x.id === action.target);
        if (!m) return bad('unknown-target', `No team member called ${quoted(action.target)}.`);
        if (m.status === 'gone') return bad('unknown-target', `${quoted(m.id)} has left the team.`);
      } else if (action.target !== undefined) {
        return bad('target-not-allowed', `"${def.title}" is not aimed at one person.`);
      }
      return null;
    }
    default:
      return bad('malformed-action', `Unknown action type "${String((action as { type: unknown }).type)}".`);
  }
}

// Every action that is legal now; targeted actions appear once per member still on the team.
export function legalActions(state: GameState): Action[] {
  if (state.over) return [];
  const out: Action[] = [];
  for (const id of plainSetup(state.setup).actions) {
    const def = actionDef(id);
    if (!def || !affordable(state, def)) continue;
    if (def.targeted) {
      for (const m of state.members) if (m.status !== 'gone') out.push({ type: 'choose', action: id, target: m.id });
    } else {
      out.push({ type: 'choose', action: id });
    }
  }
  if (state.plan.length > 0) out.push({ type: 'undo' });
  out.push({ type: 'end-turn' });
  return out;
}

// The cards this game offers, in the order its scenario lists them.
export function offeredCards(state: GameState): ActionDef[] {
  return plainSetup(state.setup)
    .actions.map((id) => actionDef(id))
    .filter((d): d is ActionDef => d !== undefined);
}

// Whether a card can be paid for now: the game is on and the turn has the hours left. The one
// test the cards, the keys and `legalActions` share.
export function affordable(state: GameState, def: ActionDef): boolean {
  return !state.over && def.cost <= state.time;
}
