import { actionDef, CATALOGUE, validate, type Action, type Choice, type GameState } from '../engine';
import type { Policy, PolicyFactory } from './policies';

/**
 * Open-loop plans: the cards of every turn fixed before the game starts, whatever happens in it.
 * A plan is plain data (the `plan:FILE` policy reads it from a JSON file, a balance report prints
 * one), so this file reads no disk and runs in a browser worker too.
 */

/** One card: an action id, or a targeted action with the member it aims at. */
export type PlanCard = string | { readonly action: string; readonly member?: string };

/** One list of cards per turn, in the order they are tried; index 0 is turn 1. */
export type Plan = readonly (readonly PlanCard[])[];

/** Why data is not a plan: where (a JSON path such as `[3][1].action`, empty for the whole), what was expected and found. */
export interface PlanProblem {
  readonly path: string;
  readonly expected: string;
  readonly found: string;
}

/** A JSON value as a problem names it: strings quoted (and cut short), the rest by kind. */
function described(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

const ACTION_IDS_TEXT = (): string => CATALOGUE.map((a) => a.id).join(', ');

/** The problem with an action id at `path`, or null when the catalogue has it. */
function actionProblem(id: unknown, path: string): PlanProblem | null {
  if (typeof id === 'string' && actionDef(id)) return null;
  return { path, expected: `an action id (${ACTION_IDS_TEXT()})`, found: described(id) };
}

/** The first problem that keeps data from being a plan, or null when it is one. */
export function planProblem(data: unknown): PlanProblem | null {
  if (!Array.isArray(data))
    return { path: '', expected: 'a list with one list of cards per turn', found: described(data) };
  for (let t = 0; t < data.length; t++) {
    const turn: unknown = data[t];
    if (!Array.isArray(turn)) {
      return { path: `[${t}]`, expected: "a list of the turn's cards", found: described(turn) };
    }
    for (let c = 0; c < turn.length; c++) {
      const card: unknown = turn[c];
      const at = `[${t}][${c}]`;
      if (typeof card === 'string') {
        const p = actionProblem(card, at);
        if (p) return p;
        continue;
      }
      if (typeof card !== 'object' || card === null || Array.isArray(card)) {
        return { path: at, expected: 'an action id or { "action": ID, "member": ID }', found: described(card) };
      }
      const fields = card as Record<string, unknown>;
      const extra = Object.keys(fields).find((k) => k !== 'action' && k !== 'member');
      if (extra !== undefined) {
        return { path: `${at}.${extra}`, expected: 'only "action" and "member"', found: JSON.stringify(extra) };
      }
      const p = actionProblem(fields.action, `${at}.action`);
      if (p) return p;
      const def = actionDef(fields.action as string)!;
      if (!('member' in fields)) continue;
      if (!def.targeted) {
        return {
          path: `${at}.member`,
          expected: `no member ("${def.id}" is not aimed at one person)`,
          found: described(fields.member),
        };
      }
      if (typeof fields.member !== 'string' || fields.member === '') {
        return { path: `${at}.member`, expected: 'a member id', found: described(fields.member) };
      }
    }
  }
  return null;
}

/** A problem as one line: `[3][1].action: expected …, found …`. */
export function planProblemText(p: PlanProblem): string {
  return `${p.path === '' ? '' : `${p.path}: `}expected ${p.expected}, found ${p.found}`;
}

const actionOf = (card: PlanCard): string => (typeof card === 'string' ? card : card.action);
const memberOf = (card: PlanCard): string | undefined => (typeof card === 'string' ? undefined : card.member);

/** A card as a reader sees it: its action, and in brackets whom it aims at, each as the caller names them. */
export function planCardText(
  card: PlanCard,
  action: (id: string) => string = (id) => id,
  member: (id: string) => string = (id) => id,
): string {
  const who = memberOf(card);
  return who === undefined ? action(actionOf(card)) : `${action(actionOf(card))} (${member(who)})`;
}

/** The present member with the lowest morale, first in the team's order on a tie: where `fixed:` aims. */
function lowestMorale(state: GameState): string | undefined {
  let low: GameState['members'][number] | undefined;
  for (const m of state.members) if (m.status !== 'gone' && (low === undefined || m.morale < low.morale)) low = m;
  return low?.id;
}

/** The choice a card makes now, or null when it names no member and nobody is present. */
function choiceFor(card: PlanCard, state: GameState): Action | null {
  const id = actionOf(card);
  const def = actionDef(id);
  if (!def?.targeted) return { type: 'choose', action: id };
  const target = memberOf(card) ?? lowestMorale(state);
  return target === undefined ? null : { type: 'choose', action: id, target };
}

/** Whether a choice already made this turn is the one a card made. */
function made(choice: Choice, card: PlanCard): boolean {
  const member = memberOf(card);
  return choice.action === actionOf(card) && (member === undefined || choice.target === member);
}

const END_TURN: Action = { type: 'end-turn' };

/**
 * The next action of a plan and the position of its card in the turn's list (-1 for the end of
 * the turn): the turn's first card after those already chosen that is legal now. A card skipped
 * once stays skipped that turn (time only falls, and who is present changes only when a turn
 * ends), so the choices made so far are the turn's cards with the skipped ones left out, and
 * walking both finds the next card.
 */
export function nextPlanCard(plan: Plan, state: GameState): { readonly action: Action; readonly card: number } {
  const cards = plan[state.turn - 1] ?? [];
  let done = 0;
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!;
    if (done < state.plan.length) {
      if (made(state.plan[done]!, card)) done++;
      continue;
    }
    const action = choiceFor(card, state);
    if (action !== null && validate(state, action) === null) return { action, card: i };
  }
  return { action: END_TURN, card: -1 };
}

/** The next action of a plan (see nextPlanCard). */
export const nextPlanAction = (plan: Plan, state: GameState): Action => nextPlanCard(plan, state).action;

/** The `plan:FILE` policy for plan data already checked by planProblem. */
export function planPolicy(plan: Plan): PolicyFactory {
  const policy: Policy = (state) => nextPlanAction(plan, state);
  return () => policy;
}
