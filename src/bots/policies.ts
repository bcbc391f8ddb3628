import alea from 'seedrandom/lib/alea.js';
import { actionDef, CATALOGUE, type ActionDef } from '../engine/catalogue';
import { leadershipIndex, managementIndex } from '../engine/regimes';
import type { Action } from '../engine/step-types';
import type { GameState } from '../engine/state-types';
import { legalActions } from '../engine/step';
import { VAR_MAX, type VarName, type Vars } from '../engine/variables';
import type { Side } from '../engine/aspects';

/** A bot: given the state, the next action. Bots keep their own seeded generator. */
export type Policy = (state: GameState) => Action;
export type PolicyFactory = (seed: string) => Policy;

export const POLICY_NAMES = ['lead-only', 'manage-only', 'balanced', 'random', 'spam:ACTION_ID'] as const;

/** Variables each index is built from; a heuristic player tends whichever is weaker. */
const L_VARS: readonly VarName[] = ['clarity', 'trust', 'innovation', 'morale'];
const M_VARS: readonly VarName[] = ['structure', 'execution', 'control'];
const AIM = 72;

/** How much a player reading the state values raising each variable now. */
function needs(v: Vars, sides: readonly Side[]): Record<VarName, number> {
  const l = leadershipIndex(v);
  const m = managementIndex(v);
  const out = {
    morale: 0,
    execution: 0,
    innovation: 0,
    trust: 0,
    clarity: 0,
    structure: 0,
    control: 0,
    energy: 0,
    progress: 1,
    budget: 0,
  };
  const lw = sides.includes('lead') ? (l <= m ? 3 : 2) : 0;
  const mw = sides.includes('manage') ? (m <= l ? 3 : 2) : 0;
  for (const x of L_VARS) out[x] += lw * Math.max(0, AIM - v[x]);
  for (const x of M_VARS) out[x] += mw * Math.max(0, AIM - v[x]);
  out.energy += 2 * Math.max(0, 55 - v.energy);
  out.budget += 2 * Math.max(0, 45 - v.budget);
  return out;
}

/** Projects the effects already planned this turn so choices complement each other. */
function projected(state: GameState): Vars {
  const v = { ...state.vars };
  for (const c of state.plan) {
    for (const x of actionDef(c.action)?.now ?? []) v[x.var] = Math.min(VAR_MAX, Math.max(0, v[x.var] + x.amount));
  }
  return v;
}

function value(def: ActionDef, state: GameState, v: Vars, need: Record<VarName, number>): number {
  if (state.plan.some((c) => c.action === def.id)) return -Infinity;
  const usage = state.usage[CATALOGUE.indexOf(def)] ?? 0;
  let sum = 0;
  for (const x of def.now) sum += x.amount * need[x.var];
  for (const x of def.later?.effects ?? []) sum += x.amount * need[x.var];
  if (def.special === 'coach') sum += 12 * Math.max(0, 60 - lowestMorale(state)) + 3 * need.trust;
  if (def.special === 'delegate') sum += 6 * need.execution;
  if (def.special === 'risk') sum += 6 * need.innovation + (v.control >= 50 ? 20 : -40);
  if (def.special === 'guard') sum += 60;
  if (def.special === 'recognise') sum += 6 * Math.max(0, 60 - lowestMorale(state));
  return (sum / def.cost) * (usage > 0 ? 0.5 : 1);
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

/** The heuristic player: spends the turn on whatever the state needs most, per unit of time. */
function heuristic(sides: readonly Side[]): Policy {
  return (state) => {
    const v = projected(state);
    const need = needs(v, sides);
    let best: ActionDef | null = null;
    let bestValue = 0;
    for (const id of state.setup.actions) {
      const def = actionDef(id);
      if (!def || !sides.includes(def.side) || def.cost > state.time) continue;
      const val = value(def, state, v, need);
      if (val > bestValue) {
        best = def;
        bestValue = val;
      }
    }
    if (best === null) return { type: 'end-turn' };
    const target = targetFor(best, state);
    return target === undefined ? { type: 'choose', action: best.id } : { type: 'choose', action: best.id, target };
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
  if (name.startsWith('spam:')) {
    const id = name.slice(5);
    return actionDef(id) ? () => spam(id) : null;
  }
  return null;
}
