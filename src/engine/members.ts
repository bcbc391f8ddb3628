import { CATALOGUE } from './catalogue';
import type { Ledger } from './causes';
import type { Rng } from './rng';
import type { Trait } from './scenario-types';
import type { GameState, MemberState, MemberStatus } from './state-types';
import { clamp, div, pct, type Vars } from './variables';

// How one member's morale reacts when an action is taken, by trait.
export const TRAIT_REACTIONS: Record<Trait, Readonly<Record<string, number>>> = {
  ambitious: { coach: 4, delegate: 4, monitor: -3, 'assign-roles': -2 },
  steady: { standardise: 3, 'make-plan': 3, 'lead-change': -5, 'calculated-risk': -3 },
  creative: { 'open-the-floor': 5, 'share-vision': 2, standardise: -4, monitor: -3 },
  anxious: { 'mitigate-risk': 4, 'set-goals': 2, 'calculated-risk': -4, 'lead-change': -4 },
  independent: { delegate: 3, 'lead-by-example': 2, monitor: -5, 'assign-roles': -3 },
  social: { 'listen-and-recognise': 4, 'tell-the-why': 3, 'schedule-work': -2 },
};

// Below DISENGAGE_BELOW a member disengages; it takes DISENGAGED_RECOVER to come back.
export const DISENGAGE_BELOW = 30;
// The morale a disengaged member must reach to engage again.
export const DISENGAGED_RECOVER = 40;
// A disengaged member below QUIT_BELOW may leave; each turn spent disengaged raises the odds.
export const QUIT_BELOW = 25;
// Disengagement feeds itself: left alone, a disengaged member loses this much morale a turn.
export const SPIRAL = 3;

// A member as the rules change it during a turn, before it is frozen into the state.
export interface MutableMember {
  id: string;
  morale: number;
  skill: number;
  status: MemberStatus;
  low: number;
}

// The fact that a member disengaged, engaged again or left the team.
export interface MemberFact {
  readonly type: 'member-disengaged' | 'member-reengaged' | 'member-quit';
  readonly member: string;
}

// How much a member with these traits likes (positive) or dislikes (negative) a card.
export function traitReaction(traits: readonly Trait[], actionId: string): number {
  let sum = 0;
  for (const t of traits) sum += TRAIT_REACTIONS[t][actionId] ?? 0;
  return sum;
}

// Who reacts to an action, by their place in the team, and by how much.
export interface Reaction {
  readonly member: number;
  readonly amount: number;
}

// For each catalogue action, the members whose traits react to it, summed over their traits once
// per dealt team rather than looked up trait by trait, for every member, at every action of every
// turn. Kept per profile list and per deal: a scenario has few distinct deals.
const tables = new WeakMap<readonly (readonly Trait[])[], Map<string, readonly (readonly Reaction[])[]>>();

// Every member's reaction to every card, worked out once per game from the dealt cast.
export function reactionTable(
  profiles: readonly (readonly Trait[])[],
  cast: readonly number[],
): readonly (readonly Reaction[])[] {
  let byDeal = tables.get(profiles);
  if (byDeal === undefined) {
    byDeal = new Map();
    tables.set(profiles, byDeal);
  }
  const key = cast.join(',');
  let table = byDeal.get(key);
  if (table === undefined) {
    table = CATALOGUE.map((a) =>
      cast.flatMap((profile, member) => {
        const amount = traitReaction(profiles[profile] ?? [], a.id);
        return amount === 0 ? [] : [{ member, amount }];
      }),
    );
    byDeal.set(key, table);
  }
  return table;
}

// Whether the member with this id is still on the team: an aimed answer needs them there.
export function present(members: readonly MemberState[], id: string): boolean {
  for (const m of members) if (m.id === id) return m.status !== 'gone';
  return false;
}

// The traits member `i` plays in this game: the seed may have dealt them another's.
export function traitsOf(state: GameState, i: number): readonly Trait[] {
  return state.setup.traits[state.cast[i] ?? i] ?? [];
}

// Team capacity in [0, 100]: engaged skill counts fully, disengaged half, leavers nothing.
export function capacity(members: readonly MemberState[]): number {
  if (members.length === 0) return 0;
  let sum = 0;
  for (const m of members) {
    if (m.status === 'engaged') sum += m.skill;
    else if (m.status === 'disengaged') sum += div(m.skill, 2);
  }
  return div(sum, members.length);
}

// Percent chance a disengaged member leaves this turn: longer disengagement raises it,
// trust lowers it (people stay for a leader they believe in).
export function quitOdds(low: number, trust: number): number {
  return clamp(20 + 15 * low - div(trust, 2), 5, 90);
}

// Someone leaving hurts: morale (trust softens it, halved at trust 100), execution by what
// their skill carried, and the work in flight.
export function memberLeaves(m: MutableMember, vars: Vars, ledger: Ledger): void {
  m.status = 'gone';
  const hit = -10;
  ledger.bump(vars, 'morale', hit - pct(hit, div(vars.trust, 2)), 'member', m.id);
  ledger.bump(vars, 'execution', -div(m.skill, 6), 'member', m.id);
  ledger.bump(vars, 'progress', -div(m.skill, 20), 'member', m.id);
}

// End-of-turn update. Each member's morale moves a quarter of the way toward the team's; a
// disengaged one sinks further unless someone attended to them this turn; engagement follows
// morale, and a member disengaged for long may quit.
export function updateMembers(
  members: MutableMember[],
  attended: readonly string[],
  vars: Vars,
  ledger: Ledger,
  rng: Rng,
): MemberFact[] {
  const facts: MemberFact[] = [];
  for (const m of members) {
    if (m.status === 'gone') continue;
    m.morale = clamp(m.morale + div(vars.morale - m.morale, 4));
    if (m.status === 'disengaged' && !attended.includes(m.id)) m.morale = clamp(m.morale - SPIRAL);
    if (m.status === 'engaged' && m.morale < DISENGAGE_BELOW) {
      m.status = 'disengaged';
      m.low = 1;
      facts.push({ type: 'member-disengaged', member: m.id });
    } else if (m.status === 'disengaged' && m.morale >= DISENGAGED_RECOVER) {
      m.status = 'engaged';
      m.low = 0;
      facts.push({ type: 'member-reengaged', member: m.id });
    } else if (m.status === 'disengaged') {
      if (m.morale < QUIT_BELOW && rng.chance(quitOdds(m.low, vars.trust))) {
        memberLeaves(m, vars, ledger);
        facts.push({ type: 'member-quit', member: m.id });
      } else {
        m.low += 1;
      }
    }
  }
  return facts;
}
