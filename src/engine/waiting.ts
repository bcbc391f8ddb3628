import { openCalls } from './calls';
import { openShifts } from './shifts';
import type { GameState } from './state-types';

// Something on screen that waits for an answer: an open shift or an event's open call.
export interface Waiting {
  readonly kind: 'shift' | 'call';
  readonly id: string;
  // The turn it came, the actions that answer it, and the member an aimed answer must go to.
  readonly turn: number;
  readonly settledBy: readonly string[];
  readonly member: string | null;
}

// Every open shift, then every open call: what a player reading the situation panel sees waiting.
export function waiting(state: GameState): Waiting[] {
  const out: Waiting[] = [];
  if (state.shifted.length > state.settled.length) {
    for (const o of openShifts(state)) {
      out.push({ kind: 'shift', id: o.shift.id, turn: o.turn, settledBy: o.shift.settledBy, member: o.member });
    }
  }
  if (state.calls.length > 0) {
    for (const o of openCalls(state)) {
      out.push({ kind: 'call', id: o.event.id, turn: o.turn, settledBy: o.event.settledBy, member: o.member });
    }
  }
  return out;
}
