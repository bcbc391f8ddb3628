import type { Ledger } from './causes';
import { allHold, type Situation } from './conditions';
import { touchMember } from './events';
import type { MutableMember } from './members';
import type { Rng } from './rng';
import type { SetupShift } from './state-types';
import type { Vars } from './variables';

export type ShiftFact =
  | { readonly type: 'shift-occurred'; readonly shift: string; readonly member: string | null }
  | { readonly type: 'shift-settled'; readonly shift: string; readonly action: string };

// The first shift still to come that happens this turn: forced on its `by` turn, or from its
// `from` turn as soon as its conditions hold.
export function dueShift(
  shifts: readonly SetupShift[],
  s: Situation,
  turn: number,
  shifted: readonly string[],
): SetupShift | null {
  for (const x of shifts) {
    if (turn < x.from || shifted.includes(x.id)) continue;
    if (turn >= x.by || (x.when.length > 0 && allHold(x.when, s))) return x;
  }
  return null;
}

// The shift's one-time blow. Its cause kind is 'shift' so the explanation names it.
export function applyShift(x: SetupShift, vars: Vars, members: MutableMember[], ledger: Ledger, rng: Rng): ShiftFact {
  for (const e of x.effects) ledger.bump(vars, e.var, e.amount, 'shift', x.id);
  const who = touchMember(x.member, members, vars, ledger, rng, null, false);
  return { type: 'shift-occurred', shift: x.id, member: who };
}

// The continuing pull of every shift that happened on an earlier turn and is not yet settled.
export function applyShiftPressure(
  shifts: readonly SetupShift[],
  shifted: readonly string[],
  settled: readonly string[],
  vars: Vars,
  ledger: Ledger,
): void {
  for (const x of shifts) {
    if (x.pressure.length === 0 || !shifted.includes(x.id) || settled.includes(x.id)) continue;
    for (const e of x.pressure) ledger.bump(vars, e.var, e.amount, 'shift', x.id);
  }
}

// The open shift (happened, not settled) that this action answers, if any.
export function settles(
  shifts: readonly SetupShift[],
  shifted: readonly string[],
  settled: readonly string[],
  action: string,
): SetupShift | null {
  for (const x of shifts) {
    if (shifted.includes(x.id) && !settled.includes(x.id) && x.settledBy.includes(action)) return x;
  }
  return null;
}
