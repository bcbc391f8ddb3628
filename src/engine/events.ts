import type { Ledger } from './causes';
import { allHold, type Situation } from './conditions';
import { memberLeaves, type MutableMember } from './members';
import type { Rng } from './rng';
import type { SetupEvent, SetupMemberEffect } from './state-types';
import { clamp, div, pct, type VarName, type Vars } from './variables';

// The fact that an event happened this turn: to whom, and whether a cushion or a guard softened it.
export interface EventFact {
  readonly type: 'event-occurred';
  readonly event: string;
  readonly member: string | null;
  readonly cushioned: boolean;
  readonly guarded: boolean;
}

// Whether an event may happen this turn: late enough, not spent if it happens once, and its conditions hold.
export function eligible(e: SetupEvent, s: Situation, turn: number, fired: readonly string[]): boolean {
  if (turn < e.minTurn) return false;
  if (e.once && fired.includes(e.id)) return false;
  return allHold(e.when, s);
}

// Draws whether an event happens this turn and which one, weighted among the eligible.
export function drawEvent(
  events: readonly SetupEvent[],
  chance: number,
  s: Situation,
  turn: number,
  fired: readonly string[],
  rng: Rng,
): SetupEvent | null {
  if (events.length === 0 || !rng.chance(chance)) return null;
  let total = 0;
  for (const e of events) if (eligible(e, s, turn, fired)) total += e.weight;
  if (total === 0) return null;
  let roll = rng.int(total);
  for (const e of events) {
    if (!eligible(e, s, turn, fired)) continue;
    if (roll < e.weight) return e;
    roll -= e.weight;
  }
  return null;
}

// A loss softened by a cushion variable: at 100 it takes two thirds off.
export function cushioned(amount: number, cushion: number): number {
  return amount - pct(amount, div(cushion * 2, 3));
}

// Applies an event. Losses shrink with the event's cushion variable and are halved again when
// risk mitigation left a guard in place; gains are never cushioned.
export function applyEvent(
  e: SetupEvent,
  vars: Vars,
  members: MutableMember[],
  guard: number,
  ledger: Ledger,
  rng: Rng,
): { fact: EventFact; guardUsed: boolean } {
  const hurts = e.effects.some((x) => x.amount < 0) || (e.member !== null && (e.member.quits || e.member.morale < 0));
  const guarded = guard > 0 && hurts;
  const soft = e.cushion !== null && hurts;
  for (const x of e.effects) {
    let amount = x.amount;
    if (amount < 0 && e.cushion !== null) amount = cushioned(amount, vars[e.cushion]);
    if (amount < 0 && guarded) amount = div(amount, 2);
    ledger.bump(vars, x.var, amount, 'event', e.id);
  }
  const who = touchMember(e.member, members, vars, ledger, rng, e.cushion, guarded);
  return { fact: { type: 'event-occurred', event: e.id, member: who, cushioned: soft, guarded }, guardUsed: guarded };
}

// Applies an event's or a shift's effect on one member; returns who, or null. A cushion softens
// a morale blow; a guarded resignation does not happen (the risk was seen and talked through),
// though the member's morale still takes the knock.
export function touchMember(
  effect: SetupMemberEffect | null,
  members: MutableMember[],
  vars: Vars,
  ledger: Ledger,
  rng: Rng,
  cushion: VarName | null,
  guarded: boolean,
): string | null {
  if (effect === null) return null;
  const m = pickMember(members, effect.pick, rng);
  if (m === null) return null;
  let morale = effect.morale;
  if (morale < 0 && cushion !== null) morale = cushioned(morale, vars[cushion]);
  if (effect.quits && guarded) morale -= 15;
  if (morale !== 0) m.morale = clamp(m.morale + morale);
  if (effect.quits && !guarded) memberLeaves(m, vars, ledger);
  return m.id;
}

function pickMember(
  members: MutableMember[],
  pick: 'lowest-morale' | 'highest-skill' | 'random',
  rng: Rng,
): MutableMember | null {
  let present = 0;
  for (const m of members) if (m.status !== 'gone') present++;
  if (present === 0) return null;
  if (pick === 'random') {
    let k = rng.int(present);
    for (const m of members) if (m.status !== 'gone' && k-- === 0) return m;
    return null;
  }
  let best: MutableMember | null = null;
  for (const m of members) {
    if (m.status === 'gone') continue;
    if (best === null || (pick === 'lowest-morale' ? m.morale < best.morale : m.skill > best.skill)) best = m;
  }
  return best;
}

// Whether an event is a setback rather than good news: it takes something away (a variable, a
// person's morale or the person, or an ongoing pull). The world marks setbacks apart.
export function isSetback(e: {
  readonly effects: readonly { readonly amount: number }[];
  readonly member?: { readonly quits?: boolean; readonly morale?: number } | null;
  readonly pressure?: readonly { readonly amount: number }[];
}): boolean {
  return (
    e.effects.some((x) => x.amount < 0) ||
    (e.member?.quits ?? false) ||
    (e.member?.morale ?? 0) < 0 ||
    (e.pressure ?? []).some((x) => x.amount < 0)
  );
}
