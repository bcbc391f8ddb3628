import alea from 'seedrandom/lib/alea.js';
import {
  actionDef,
  actionIndex,
  CATALOGUE,
  leadershipIndex,
  legalActions,
  managementIndex,
  strengthOf,
  validate,
  VAR_MAX,
  VARIABLES,
  type Action,
  type ActionDef,
  type GameState,
  type Side,
  type VarName,
  type Vars,
} from '../engine';
// A cycle (expert.ts builds on policyByName); neither module uses the other until a game is played.
import { expertPolicy } from './expert';

/** A bot: given the state, the next action. Bots keep their own seeded generator. */
export type Policy = (state: GameState) => Action;
export type PolicyFactory = (seed: string) => Policy;

export const POLICY_NAMES = [
  'lead-only',
  'manage-only',
  'balanced',
  'random',
  'coast',
  'expert',
  'spam:ACTION_ID',
  'fixed:ACTION_ID+ACTION_ID+…',
  'share:N',
] as const;

/** Variables each index is built from; a heuristic player tends whichever is weaker. */
const L_VARS: readonly VarName[] = ['clarity', 'trust', 'innovation', 'morale'];
const M_VARS: readonly VarName[] = ['structure', 'execution', 'control'];
const AIM = 72;

/**
 * Each variable's position in VARIABLES. The heuristic keeps its needs in a list in that order:
 * it reads them for every offered action at every decision, and a list is read fastest by position.
 */
const AT = Object.fromEntries(VARIABLES.map((x, i) => [x, i])) as Record<VarName, number>;
type Needs = readonly number[];

/** How much a player reading the state values raising each variable now, in VARIABLES order. */
function needs(v: Vars, sides: readonly Side[]): Needs {
  const l = leadershipIndex(v);
  const m = managementIndex(v);
  const out = VARIABLES.map((x) => (x === 'progress' ? 1 : 0));
  const lw = sides.includes('lead') ? (l <= m ? 3 : 2) : 0;
  const mw = sides.includes('manage') ? (m <= l ? 3 : 2) : 0;
  for (const x of L_VARS) out[AT[x]]! += lw * Math.max(0, AIM - v[x]);
  for (const x of M_VARS) out[AT[x]]! += mw * Math.max(0, AIM - v[x]);
  out[AT.energy]! += 2 * Math.max(0, 55 - v.energy);
  out[AT.budget]! += 2 * Math.max(0, 45 - v.budget);
  return out;
}

/** An action as the heuristic reads it: its catalogue position and its effects, now and later. */
interface Offer {
  readonly def: ActionDef;
  readonly index: number;
  readonly effects: readonly { readonly at: number; readonly amount: number }[];
}

const OFFERS: readonly Offer[] = CATALOGUE.map((def, index) => ({
  def,
  index,
  effects: [...def.now, ...(def.later?.effects ?? [])].map((x) => ({ at: AT[x.var], amount: x.amount })),
}));

/** The offers of a scenario's actions, in its order; kept for a frozen list, which every game shares. */
const offerLists = new WeakMap<readonly string[], readonly Offer[]>();

function offersOf(actions: readonly string[]): readonly Offer[] {
  let offers = offerLists.get(actions);
  if (offers === undefined) {
    offers = actions.flatMap((id) => OFFERS[actionIndex(id)] ?? []);
    if (Object.isFrozen(actions)) offerLists.set(actions, offers);
  }
  return offers;
}

/** Projects the effects already planned this turn so choices complement each other. */
function projected(state: GameState): Vars {
  // Nothing planned yet, as at every turn's first decision: the state's own vars, uncopied.
  if (state.plan.length === 0) return state.vars;
  const v = { ...state.vars };
  for (const c of state.plan) {
    const def = actionDef(c.action);
    if (def) for (const x of def.now) v[x.var] = Math.min(VAR_MAX, Math.max(0, v[x.var] + x.amount));
  }
  return v;
}

// Called for every offered action at every decision, so it allocates nothing.
function value(offer: Offer, state: GameState, v: Vars, need: Needs): number {
  const def = offer.def;
  if (planned(state, def.id)) return -Infinity;
  // Recently used actions are weaker (the engine's heat): value them at the strength they would have.
  const strength = strengthOf(state.heat[offer.index] ?? 0);
  let sum = 0;
  for (const x of offer.effects) sum += x.amount * need[x.at]!;
  if (def.special === 'coach') sum += 12 * Math.max(0, 60 - lowestMorale(state)) + 3 * need[AT.trust]!;
  if (def.special === 'delegate') sum += 6 * need[AT.execution]!;
  if (def.special === 'risk') sum += 6 * need[AT.innovation]! + (v.control >= 50 ? 20 : -40);
  if (def.special === 'guard') sum += 60;
  if (def.special === 'recognise') sum += 6 * Math.max(0, 60 - lowestMorale(state));
  return (sum * strength) / 100 / def.cost;
}

function planned(state: GameState, id: string): boolean {
  for (const c of state.plan) if (c.action === id) return true;
  return false;
}

function lowestMorale(state: GameState): number {
  let low = VAR_MAX;
  for (const m of state.members) if (m.status !== 'gone' && m.morale < low) low = m.morale;
  return low;
}

/** Coaching goes to whoever is lowest; delegation to the most skilled engaged person. */
function targetFor(def: ActionDef, state: GameState): string | undefined {
  if (!def.targeted) return undefined;
  const present = state.members.filter((m) => m.status !== 'gone');
  if (def.special === 'coach') return [...present].sort((a, b) => a.morale - b.morale)[0]?.id;
  const engaged = present.filter((m) => m.status === 'engaged');
  return [...(engaged.length ? engaged : present)].sort((a, b) => b.skill - a.skill)[0]?.id;
}

/**
 * The best-valued action of the given sides that fits the time left and is not yet planned this
 * turn, or null when none is worth more than `floor`.
 */
function bestOf(state: GameState, v: Vars, need: Needs, sides: readonly Side[], floor = 0): ActionDef | null {
  let best: ActionDef | null = null;
  let bestValue = floor;
  const lead = sides.includes('lead');
  const manage = sides.includes('manage');
  for (const offer of offersOf(state.setup.actions)) {
    const def = offer.def;
    if (!(def.side === 'lead' ? lead : manage) || def.cost > state.time) continue;
    const val = value(offer, state, v, need);
    if (val > bestValue) {
      best = def;
      bestValue = val;
    }
  }
  return best;
}

function chooseFor(def: ActionDef, state: GameState): Action {
  const target = targetFor(def, state);
  return target === undefined ? { type: 'choose', action: def.id } : { type: 'choose', action: def.id, target };
}

/** The heuristic player: spends the turn on whatever the state needs most, per unit of time. */
function heuristic(sides: readonly Side[]): Policy {
  return (state) => {
    const v = projected(state);
    const best = bestOf(state, v, needs(v, sides), sides);
    return best === null ? { type: 'end-turn' } : chooseFor(best, state);
  };
}

/** Plays `balanced` until a turn ends in momentum, then ends every turn without acting. */
function coast(): Policy {
  const balanced = heuristic(['lead', 'manage']);
  return (state) => (state.momentumTurns > 0 ? { type: 'end-turn' } : balanced(state));
}

/**
 * The same actions every turn, in the given order, each when it is legal (skipped when not
 * offered or not affordable); targeted ones aim at the present member with the lowest morale.
 */
function fixed(ids: readonly string[]): Policy {
  return (state) => {
    // The plan so far is the list with the skipped ids left out: walk both to find the next id.
    let done = 0;
    for (const id of ids) {
      if (done < state.plan.length) {
        if (state.plan[done]!.action === id) done++;
        continue;
      }
      const def = actionDef(id);
      if (!def) continue;
      let action: Action = { type: 'choose', action: id };
      if (def.targeted) {
        const target = lowestMoraleMember(state);
        if (target === undefined) continue;
        action = { type: 'choose', action: id, target };
      }
      if (validate(state, action) === null) return action;
    }
    return { type: 'end-turn' };
  };
}

/** The present member with the lowest morale; the first in the list on a tie. */
function lowestMoraleMember(state: GameState): string | undefined {
  let low: GameState['members'][number] | undefined;
  for (const m of state.members) if (m.status !== 'gone' && (low === undefined || m.morale < low.morale)) low = m;
  return low?.id;
}

/**
 * A heuristic player that spends about `percent`% of each turn's time on leadership: it takes the
 * best-valued affordable action not yet planned of the side furthest below its quota of the
 * turn's time, of the other side when that one has none left, and never of a side whose quota is
 * zero. It ends the turn when neither side has anything affordable left.
 */
function share(percent: number): Policy {
  const sides: readonly Side[] = ['lead', 'manage'];
  return (state) => {
    const v = projected(state);
    const need = needs(v, sides);
    let lead = 0;
    let manage = 0;
    for (const c of state.plan) {
      const def = actionDef(c.action);
      if (def?.side === 'lead') lead += def.cost;
      else if (def) manage += def.cost;
    }
    const turnTime = state.time + lead + manage;
    // Gaps to each quota, in hundredths of a time unit so they stay integers.
    const leadGap = percent * turnTime - 100 * lead;
    const manageGap = (100 - percent) * turnTime - 100 * manage;
    const leadFirst = leadGap > manageGap || (leadGap === manageGap && percent >= 50);
    for (const side of leadFirst ? sides : [...sides].reverse()) {
      if ((side === 'lead' ? percent : 100 - percent) === 0) continue;
      const best = bestOf(state, v, need, [side], -Infinity);
      if (best) return chooseFor(best, state);
    }
    return { type: 'end-turn' };
  };
}

function randomPolicy(seed: string): Policy {
  const prng = alea(`${seed}/random-policy`, { state: true });
  return (state) => {
    const options = legalActions(state).filter((a) => a.type !== 'undo');
    return options[Math.floor(prng() * options.length)] ?? { type: 'end-turn' };
  };
}

function spam(actionId: string): Policy {
  const def = actionDef(actionId);
  return (state) => {
    const legal = legalActions(state).find((a) => a.type === 'choose' && a.action === actionId);
    if (!def || !legal) return { type: 'end-turn' };
    return legal;
  };
}

/** The policy for a name, or null when the name is not one of POLICY_NAMES. */
export function policyByName(name: string): PolicyFactory | null {
  if (name === 'lead-only') return () => heuristic(['lead']);
  if (name === 'manage-only') return () => heuristic(['manage']);
  if (name === 'balanced') return () => heuristic(['lead', 'manage']);
  if (name === 'random') return randomPolicy;
  if (name === 'coast') return () => coast();
  if (name === 'expert') return expertPolicy;
  if (name.startsWith('spam:')) {
    const id = name.slice(5);
    return actionDef(id) ? () => spam(id) : null;
  }
  if (name.startsWith('fixed:')) {
    const ids = name.slice(6).split('+');
    return ids.every((id) => actionDef(id)) ? () => fixed(ids) : null;
  }
  if (name.startsWith('share:')) {
    const text = name.slice(6);
    const percent = Number(text);
    return /^\d{1,3}$/.test(text) && percent <= 100 ? () => share(percent) : null;
  }
  return null;
}
