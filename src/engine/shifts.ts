import type { Ledger } from './causes';
import { allHold, type Situation } from './conditions';
import { touchMember } from './events';
import type { MutableMember } from './members';
import type { Rng } from './rng';
import { present } from './members';
import type { DealtShift, MemberState, SetupShift } from './state-types';
import { pct, type Vars } from './variables';

// The fact that a shift in the situation struck this turn.
export interface ShiftOccurred {
  readonly type: 'shift-occurred';
  readonly shift: string;
  readonly member: string | null;
}

// The facts of a shift: it struck, or a card answered it.
export type ShiftFact =
  ShiftOccurred | { readonly type: 'shift-settled'; readonly shift: string; readonly action: string };

// The setup's shift of a dealt one; the validator keeps ids unique and the deal takes them from the setup.
export function shiftOf(shifts: readonly SetupShift[], id: string): SetupShift {
  for (const x of shifts) if (x.id === id) return x;
  throw new Error(`no shift ${id}`);
}

// The place in `dealt` of the first dealt shift still to come that happens this turn: forced on
// its dealt turn, or from its `from` turn as soon as its conditions hold; -1 when none.
export function dueShift(
  shifts: readonly SetupShift[],
  dealt: readonly DealtShift[],
  s: Situation,
  turn: number,
  shifted: readonly string[],
): number {
  for (let i = 0; i < dealt.length; i++) {
    const d = dealt[i]!;
    if (shifted.includes(d.shift)) continue;
    const x = shiftOf(shifts, d.shift);
    if (turn < x.from) continue;
    if (turn >= d.turn || (x.when.length > 0 && allHold(x.when, s))) return i;
  }
  return -1;
}

// The shift's one-time blow. Its cause kind is 'shift' so the explanation names it.
export function applyShift(
  x: SetupShift,
  vars: Vars,
  members: MutableMember[],
  ledger: Ledger,
  rng: Rng,
): ShiftOccurred {
  for (const e of x.effects) ledger.bump(vars, e.var, e.amount, 'shift', x.id);
  const who = touchMember(x.member, members, vars, ledger, rng, null, false);
  return { type: 'shift-occurred', shift: x.id, member: who };
}

// A shift's pull after it has gone unanswered for `open` turns (1 the turn after it struck):
// each further turn adds `growth` percent of the first turn's pull.
export function pressureAmount(amount: number, growth: number, open: number): number {
  return amount + pct(amount, growth * (open - 1));
}

// The pull of something that waits for an answer (a shift or a call) that came on turn `since`:
// each of its pressures, grown for the turns it has waited, booked to its cause.
export function applyPull(
  x: { readonly id: string; readonly pressure: SetupShift['pressure']; readonly growth: number },
  since: number,
  turn: number,
  cause: 'shift' | 'event',
  vars: Vars,
  ledger: Ledger,
): void {
  for (const e of x.pressure) ledger.bump(vars, e.var, pressureAmount(e.amount, x.growth, turn - since), cause, x.id);
}

// The continuing pull of every shift that struck on an earlier turn and is not yet settled.
export function applyShiftPressure(
  shifts: readonly SetupShift[],
  dealt: readonly DealtShift[],
  shifted: readonly string[],
  settled: readonly string[],
  turn: number,
  vars: Vars,
  ledger: Ledger,
): void {
  for (const d of dealt) {
    if (!shifted.includes(d.shift) || settled.includes(d.shift) || d.turn >= turn) continue;
    applyPull(shiftOf(shifts, d.shift), d.turn, turn, 'shift', vars, ledger);
  }
}

// The open shift (struck, not settled) that this action answers, if any: a targeted answer to a
// shift that touched someone still on the team must be aimed at them.
export function settles(
  shifts: readonly SetupShift[],
  dealt: readonly DealtShift[],
  shifted: readonly string[],
  settled: readonly string[],
  members: readonly MemberState[],
  action: string,
  target: string | null,
): SetupShift | null {
  for (const d of dealt) {
    if (!shifted.includes(d.shift) || settled.includes(d.shift)) continue;
    const x = shiftOf(shifts, d.shift);
    if (!x.settledBy.includes(action)) continue;
    if (target !== null && d.member !== null && target !== d.member && present(members, d.member)) continue;
    return x;
  }
  return null;
}

// A shift that has struck and waits for an answer: what the screen shows and a reading player acts on.
export interface OpenShift {
  readonly shift: SetupShift;
  // The turn it struck, and the member an aimed answer must go to (null: anyone, or no one).
  readonly turn: number;
  readonly member: string | null;
}

// Every struck shift not yet answered, in the order dealt.
export function openShifts(state: {
  readonly setup: { readonly shifts: readonly SetupShift[] };
  readonly situations: readonly DealtShift[];
  readonly shifted: readonly string[];
  readonly settled: readonly string[];
  readonly members: readonly MemberState[];
}): OpenShift[] {
  const out: OpenShift[] = [];
  for (const d of state.situations) {
    if (!state.shifted.includes(d.shift) || state.settled.includes(d.shift)) continue;
    const member = d.member !== null && present(state.members, d.member) ? d.member : null;
    out.push({ shift: shiftOf(state.setup.shifts, d.shift), turn: d.turn, member });
  }
  return out;
}
