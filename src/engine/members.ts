import type { Ledger } from './causes';
import type { Rng } from './rng';
import type { Trait } from './scenario-types';
import type { MemberState, MemberStatus } from './state-types';
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

// Below this morale a member disengages; it takes DISENGAGED_RECOVER to come back.
export const DISENGAGE_BELOW = 30;
export const DISENGAGED_RECOVER = 42;
export const QUIT_BELOW = 20;

export interface MutableMember {
  id: string;
  morale: number;
  skill: number;
  status: MemberStatus;
}

export interface MemberFact {
  readonly type: 'member-disengaged' | 'member-reengaged' | 'member-quit';
  readonly member: string;
}

export function traitReaction(traits: readonly Trait[], actionId: string): number {
  let sum = 0;
  for (const t of traits) sum += TRAIT_REACTIONS[t][actionId] ?? 0;
  return sum;
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

// Someone leaving hurts team morale and execution; trust softens the morale blow
// (at trust 100 it is halved) because people believe the team will cope.
export function memberLeaves(m: MutableMember, vars: Vars, ledger: Ledger): void {
  m.status = 'gone';
  const hit = -8;
  ledger.bump(vars, 'morale', hit - pct(hit, div(vars.trust, 2)), 'member', m.id);
  ledger.bump(vars, 'execution', -div(m.skill, 8), 'member', m.id);
}

// End-of-turn update: each member's morale drifts a third of the way toward the team's,
// then engagement follows morale, and the most disengaged may quit (less often under trust).
export function updateMembers(members: MutableMember[], vars: Vars, ledger: Ledger, rng: Rng): MemberFact[] {
  const facts: MemberFact[] = [];
  for (const m of members) {
    if (m.status === 'gone') continue;
    m.morale = clamp(m.morale + div(vars.morale - m.morale, 3));
    if (m.status === 'engaged' && m.morale < DISENGAGE_BELOW) {
      m.status = 'disengaged';
      facts.push({ type: 'member-disengaged', member: m.id });
    } else if (m.status === 'disengaged' && m.morale >= DISENGAGED_RECOVER) {
      m.status = 'engaged';
      facts.push({ type: 'member-reengaged', member: m.id });
    } else if (m.status === 'disengaged' && m.morale < QUIT_BELOW) {
      if (rng.chance(45 - div(vars.trust, 3))) {
        memberLeaves(m, vars, ledger);
        facts.push({ type: 'member-quit', member: m.id });
      }
    }
  }
  return facts;
}
