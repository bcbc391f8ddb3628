import type { Ledger } from './causes';
import { memberLeaves, type MutableMember } from './members';
import type { Rng } from './rng';
import type { SetupEvent } from './state-types';
import { clamp, div, pct, type Vars } from './variables';

export interface EventFact {
  readonly type: 'event-occurred';
  readonly event: string;
  readonly member: string | null;
  readonly cushioned: boolean;
  readonly guarded: boolean;
}

export function eligible(e: SetupEvent, vars: Vars, turn: number, fired: readonly string[]): boolean {
  if (turn < e.minTurn) return false;
  if (e.once && fired.includes(e.id)) return false;
  for (const c of e.when) {
    const v = vars[c.var];
    if (v < c.atLeast || v > c.atMost) return false;
  }
  return true;
}

// Draws whether an event happens this turn and which one, weighted among the eligible.
export function drawEvent(
  events: readonly SetupEvent[],
  chance: number,
  vars: Vars,
  turn: number,
  fired: readonly string[],
  rng: Rng,
): SetupEvent | null {
  if (!rng.chance(chance)) return null;
  const pool = events.filter((e) => eligible(e, vars, turn, fired));
  let total = 0;
  for (const e of pool) total += e.weight;
  if (total === 0) return null;
  let roll = rng.int(total);
  for (const e of pool) {
    if (roll < e.weight) return e;
    roll -= e.weight;
  }
  return null;
}

// Applies an event. Losses shrink with the event's cushion variable (halved at 100) and are
// halved again when risk mitigation left a guard in place; gains are never cushioned.
export function applyEvent(
  e: SetupEvent,
  vars: Vars,
  members: MutableMember[],
  guard: number,
  ledger: Ledger,
  rng: Rng,
): { fact: EventFact; guardUsed: boolean } {
  const guarded = guard > 0 && e.effects.some((x) => x.amount < 0);
  const cushioned = e.cushion !== null && e.effects.some((x) => x.amount < 0);
  for (const x of e.effects) {
    let amount = x.amount;
    if (amount < 0 && e.cushion !== null) amount -= pct(amount, div(vars[e.cushion], 2));
    if (amount < 0 && guarded) amount = div(amount, 2);
    ledger.bump(vars, x.var, amount, 'event', e.id);
  }
  let who: string | null = null;
  if (e.member !== null) {
    const m = pickMember(members, e.member.pick, rng);
    if (m !== null) {
      who = m.id;
      if (e.member.morale !== 0) m.morale = clamp(m.morale + e.member.morale);
      if (e.member.quits) memberLeaves(m, vars, ledger);
    }
  }
  return { fact: { type: 'event-occurred', event: e.id, member: who, cushioned, guarded }, guardUsed: guarded };
}

function pickMember(
  members: MutableMember[],
  pick: 'lowest-morale' | 'highest-skill' | 'random',
  rng: Rng,
): MutableMember | null {
  const present = members.filter((m) => m.status !== 'gone');
  if (present.length === 0) return null;
  if (pick === 'random') return present[rng.int(present.length)] ?? null;
  let best = present[0]!;
  for (const m of present) {
    if (pick === 'lowest-morale' ? m.morale < best.morale : m.skill > best.skill) best = m;
  }
  return best;
}
