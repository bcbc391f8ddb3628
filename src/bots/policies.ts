import alea from 'seedrandom/lib/alea.js';
import {
  actionDef,
  actionIndex,
  CATALOGUE,
  leadershipIndex,
  legalActions,
  managementIndex,
  waiting,
  strengthOf,
  validate,
  VAR_MAX,
  VARIABLES,
  type Action,
  type ActionDef,
  type GameState,
  type MemberState,
  type Side,
  type VarName,
  type Vars,
} from '../engine';

/** A bot: given the state, the next action. Bots keep their own seeded generator. */
export type Policy = (state: GameState) => Action;
export type PolicyFactory = (seed: string) => Policy;

/**
 * The heuristic player tends whichever index is weaker: leadership is built from clarity, trust,
 * innovation and morale, management from structure, execution and control (see `needs`).
 */
const AIM = 72;
// Planned actions are kept as bits by catalogue index.
if (CATALOGUE.length > 30) throw new Error('the heuristic keeps planned actions as bits: at most 30');

/**
 * Each variable's position in VARIABLES. The heuristic keeps its needs in a list in that order:
 * it reads them for every offered action at every decision, and a list is read fastest by position.
 */
const AT = Object.fromEntries(VARIABLES.map((x, i) => [x, i])) as Record<VarName, number>;
type Needs = Int32Array;

const PROGRESS_AT = AT.progress;

/**
 * How much a player reading the state values raising each variable now, in VARIABLES order,
 * written into `out` (one list per player, refilled at each decision rather than allocated).
 */
function needs(v: Vars, lead: boolean, manage: boolean, out: Int32Array): Needs {
  const l = leadershipIndex(v);
  const m = managementIndex(v);
  for (let i = 0; i < out.length; i++) out[i] = i === PROGRESS_AT ? 1 : 0;
  const lw = lead ? (l <= m ? 3 : 2) : 0;
  const mw = manage ? (m <= l ? 3 : 2) : 0;
  // Read by name, not by a key held in a variable: V8 reads named fields several times faster.
  out[AT.clarity]! += lw * Math.max(0, AIM - v.clarity);
  out[AT.trust]! += lw * Math.max(0, AIM - v.trust);
  out[AT.innovation]! += lw * Math.max(0, AIM - v.innovation);
  out[AT.morale]! += lw * Math.max(0, AIM - v.morale);
  out[AT.structure]! += mw * Math.max(0, AIM - v.structure);
  out[AT.execution]! += mw * Math.max(0, AIM - v.execution);
  out[AT.control]! += mw * Math.max(0, AIM - v.control);
  out[AT.energy]! += 2 * Math.max(0, 55 - v.energy);
  out[AT.budget]! += 2 * Math.max(0, 45 - v.budget);
  return out;
}

/** An action as the heuristic reads it: its catalogue position and its effects, now and later. */
interface Offer {
  readonly def: ActionDef;
  readonly index: number;
  readonly lead: boolean;
  /** Each effect as two numbers, the variable's position and the amount: read in a flat loop. */
  readonly effects: Int32Array;
}

const OFFERS: readonly Offer[] = CATALOGUE.map((def, index) => ({
  def,
  index,
  lead: def.side === 'lead',
  effects: Int32Array.from([...def.now, ...(def.later?.effects ?? [])].flatMap((x) => [AT[x.var], x.amount])),
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

/**
 * Projects the effects already planned this turn so choices complement each other, into `into`
 * (one object per player, reused).
 */
function projected(state: GameState, into: Vars): Vars {
  // Nothing planned yet, as at every turn's first decision: the state's own vars, uncopied.
  if (state.plan.length === 0) return state.vars;
  const v = into as Record<VarName, number>;
  const s = state.vars;
  // Field by field: a loop over the names would read and write by key, several times slower.
  v.morale = s.morale;
  v.execution = s.execution;
  v.innovation = s.innovation;
  v.trust = s.trust;
  v.clarity = s.clarity;
  v.structure = s.structure;
  v.control = s.control;
  v.energy = s.energy;
  v.progress = s.progress;
  v.budget = s.budget;
  for (const c of state.plan) {
    const def = actionDef(c.action);
    if (def) for (const x of def.now) v[x.var] = Math.min(VAR_MAX, Math.max(0, v[x.var] + x.amount));
  }
  return v;
}

// Called for every offered action at every decision, so it allocates nothing. `low` is the
// lowest morale of anyone still on the team, read once per decision.
function value(
  offer: Offer,
  state: GameState,
  v: Vars,
  need: Needs,
  low: number,
  plannedMask: number,
  answers: number,
): number {
  const def = offer.def;
  if ((plannedMask >> offer.index) & 1) return -Infinity;
  // An open shift's named answer comes first: its pull grows every turn it waits.
  if ((answers >> offer.index) & 1) return ANSWER_VALUE;
  // Recently used actions are weaker (the engine's heat): value them at the strength they would have.
  const strength = strengthOf(state.heat[offer.index] ?? 0);
  let sum = 0;
  const fx = offer.effects;
  for (let k = 0; k < fx.length; k += 2) sum += fx[k + 1]! * need[fx[k]!]!;
  const special = def.special;
  if (special !== undefined) {
    if (special === 'coach') sum += 12 * Math.max(0, 60 - low) + 3 * need[AT.trust]!;
    else if (special === 'delegate') sum += 6 * need[AT.execution]!;
    else if (special === 'risk') sum += 6 * need[AT.innovation]! + (v.control >= 50 ? 20 : -40);
    else if (special === 'guard') sum += 60;
    else if (special === 'recognise') sum += 6 * Math.max(0, 60 - low);
  }
  return (sum * strength) / 100 / def.cost;
}

/** Above any card's worth per hour: a named answer to an open shift is taken before anything else. */
const ANSWER_VALUE = 1e6;

/** The actions that answer an open shift or call, as bits by catalogue index: what the screen lists under it. */
function answerMask(state: GameState): number {
  let mask = 0;
  for (const w of waiting(state)) for (const id of w.settledBy) mask |= 1 << actionIndex(id);
  return mask;
}

/** The member an open shift's or call's aimed answer must go to, if one of them names this action. */
function answerTarget(def: ActionDef, state: GameState): string | undefined {
  for (const w of waiting(state)) if (w.member !== null && w.settledBy.includes(def.id)) return w.member;
  return undefined;
}

/** The actions planned this turn as bits by catalogue index (the catalogue has fewer than 31). */
function plannedMask(state: GameState): number {
  let mask = 0;
  for (const c of state.plan) {
    const i = actionIndex(c.action);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

function lowestMorale(state: GameState): number {
  let low = VAR_MAX;
  for (const m of state.members) if (m.status !== 'gone' && m.morale < low) low = m.morale;
  return low;
}

/**
 * Coaching goes to whoever is lowest; delegation to the most skilled engaged person, or the most
 * skilled present one when nobody is engaged. Ties go to the first in the team's order.
 */
function targetFor(def: ActionDef, state: GameState, answering: boolean): string | undefined {
  if (!def.targeted) return undefined;
  const answer = answering ? answerTarget(def, state) : undefined;
  if (answer !== undefined) return answer;
  if (def.special === 'coach') return lowestMoraleMember(state);
  let engaged: MemberState | undefined;
  let present: MemberState | undefined;
  for (const m of state.members) {
    if (m.status === 'gone') continue;
    if (present === undefined || m.skill > present.skill) present = m;
    if (m.status === 'engaged' && (engaged === undefined || m.skill > engaged.skill)) engaged = m;
  }
  return (engaged ?? present)?.id;
}

/**
 * The best-valued action of the given sides that fits the time left and is not yet planned this
 * turn, or null when none is worth more than `floor`.
 */
function bestOf(
  state: GameState,
  v: Vars,
  need: Needs,
  lead: boolean,
  manage: boolean,
  floor = 0,
  answering = false,
): ActionDef | null {
  let best: ActionDef | null = null;
  let bestValue = floor;
  const low = lowestMorale(state);
  const mask = plannedMask(state);
  const answers = answering ? answerMask(state) : 0;
  for (const offer of offersOf(state.setup.actions)) {
    if (!(offer.lead ? lead : manage) || offer.def.cost > state.time) continue;
    const val = value(offer, state, v, need, low, mask, answers);
    if (val > bestValue) {
      best = offer.def;
      bestValue = val;
    }
  }
  return best;
}

function chooseFor(def: ActionDef, state: GameState, answering = false): Action {
  const target = targetFor(def, state, answering);
  return target === undefined ? { type: 'choose', action: def.id } : { type: 'choose', action: def.id, target };
}

/**
 * The heuristic player: spends the turn on whatever the state needs most, per unit of time. With
 * `answering`, a shift's named answer comes first while the shift is open.
 */
export function heuristic(sides: readonly Side[], answering = false): Policy {
  const lead = sides.includes('lead');
  const manage = sides.includes('manage');
  // One scratch list of needs and one of projected variables per player: a decision allocates nothing.
  const need = new Int32Array(VARIABLES.length);
  const scratch = Object.fromEntries(VARIABLES.map((x) => [x, 0])) as Vars;
  return (state) => {
    const v = projected(state, scratch);
    const best = bestOf(state, v, needs(v, lead, manage, need), lead, manage, 0, answering);
    return best === null ? { type: 'end-turn' } : chooseFor(best, state, answering);
  };
}

/** Plays `balanced` until a turn ends in momentum, then ends every turn without acting. */
export function coast(): Policy {
  const balanced = heuristic(['lead', 'manage']);
  return (state) => (state.momentumTurns > 0 ? { type: 'end-turn' } : balanced(state));
}

/**
 * The same actions every turn, in the given order, each when it is legal (skipped when not
 * offered or not affordable); targeted ones aim at the present member with the lowest morale.
 */
export function fixed(ids: readonly string[]): Policy {
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
export function share(percent: number): Policy {
  const sides: readonly Side[] = ['lead', 'manage'];
  const needList = new Int32Array(VARIABLES.length);
  const scratch = Object.fromEntries(VARIABLES.map((x) => [x, 0])) as Vars;
  return (state) => {
    const v = projected(state, scratch);
    const need = needs(v, true, true, needList);
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
      const best = bestOf(state, v, need, side === 'lead', side === 'manage', -Infinity);
      if (best) return chooseFor(best, state);
    }
    return { type: 'end-turn' };
  };
}

export function randomPolicy(seed: string): Policy {
  const prng = alea(`${seed}/random-policy`, { state: true });
  return (state) => {
    const options = legalActions(state).filter((a) => a.type !== 'undo');
    return options[Math.floor(prng() * options.length)] ?? { type: 'end-turn' };
  };
}

export function spam(actionId: string): Policy {
  const def = actionDef(actionId);
  return (state) => {
    const legal = legalActions(state).find((a) => a.type === 'choose' && a.action === actionId);
    if (!def || !legal) return { type: 'end-turn' };
    return legal;
  };
}

/** The balanced heuristic that also answers open shifts and calls at once: the expert's rollouts play it. */
export const answeringBalanced: PolicyFactory = () => heuristic(['lead', 'manage'], true);

/** The heuristic of one side or both that answers open shifts and calls at once: a reader leans on it. */
export const answeringSides = (sides: readonly Side[]): Policy => heuristic(sides, true);
