import type { Ledger } from './causes';
import { present } from './members';
import { applyPull } from './shifts';
import type { Call, MemberState, SetupEvent } from './state-types';
import type { Vars } from './variables';

// Events that call for an answer: a person in crisis to coach, a budget cut to re-plan. Like a
// shift's, a call pulls at the end of every later turn until one of its answers is taken, harder
// each turn it waits; unlike a shift, it comes by chance, so no script can answer it in advance.

// The fact that a card answered a call for an answer (an event that waits for one).
export interface CallAnswered {
  readonly type: 'call-answered';
  readonly event: string;
  readonly action: string;
}

// Whether an event calls for an answer once it has happened.
export function calls(e: SetupEvent): boolean {
  return e.pressure.length > 0 || e.settledBy.length > 0;
}

function eventOf(events: readonly SetupEvent[], id: string): SetupEvent | undefined {
  for (const e of events) if (e.id === id) return e;
  return undefined;
}

// The pull of every open call that came on an earlier turn.
export function applyCallPressure(
  events: readonly SetupEvent[],
  open: readonly Call[],
  turn: number,
  vars: Vars,
  ledger: Ledger,
): void {
  for (const c of open) {
    if (!c.open || c.turn >= turn) continue;
    const e = eventOf(events, c.event);
    if (e !== undefined) applyPull(e, c.turn, turn, 'event', vars, ledger);
  }
}

// The place of the first open call this action answers, or -1: an aimed answer to a call that
// touched someone still on the team must be aimed at them.
export function answers(
  events: readonly SetupEvent[],
  open: readonly Call[],
  members: readonly MemberState[],
  action: string,
  target: string | null,
): number {
  for (let i = 0; i < open.length; i++) {
    const c = open[i]!;
    if (!c.open) continue;
    const e = eventOf(events, c.event);
    if (e === undefined || !e.settledBy.includes(action)) continue;
    if (target !== null && c.member !== null && target !== c.member && present(members, c.member)) continue;
    return i;
  }
  return -1;
}

// Every call still waiting for its answer, with its event and the member an aimed answer must go to.
export function openCalls(state: {
  readonly setup: { readonly events: readonly SetupEvent[] };
  readonly calls: readonly Call[];
  readonly members: readonly MemberState[];
}): { readonly event: SetupEvent; readonly turn: number; readonly member: string | null }[] {
  const out = [];
  for (const c of state.calls) {
    if (!c.open) continue;
    const e = eventOf(state.setup.events, c.event);
    if (e === undefined) continue;
    const member = c.member !== null && present(state.members, c.member) ? c.member : null;
    out.push({ event: e, turn: c.turn, member });
  }
  return out;
}
