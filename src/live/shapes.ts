/**
 * What the documents hold. A team's document keeps its run under `run`; the roster keeps one
 * entry per team under `teams`; the pace document keeps the facilitator's pacing under `pace`.
 * The relay checks shapes and sizes only: a code is verified by the dashboard, by re-simulation.
 */

/** The longest replay code a team may publish, in characters. */
const MAX_CODE = 4000;

export interface TeamRun {
  /** The run's replay code as far as it has been played. */
  readonly code: string;
  /** Turns resolved, and turns in the game. */
  readonly turn: number;
  readonly of: number;
  readonly regime: string;
  readonly over: boolean;
}

const count = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 1000;

/** The run in a value read from a team's document, or null when it is not one. */
export function readTeamRun(x: unknown): TeamRun | null {
  if (typeof x !== 'object' || x === null) return null;
  const r = x as Record<string, unknown>;
  if (typeof r.code !== 'string' || r.code.length === 0 || r.code.length > MAX_CODE) return null;
  if (!count(r.turn) || !count(r.of) || typeof r.over !== 'boolean') return null;
  if (typeof r.regime !== 'string' || r.regime.length > 40) return null;
  return { code: r.code, turn: r.turn, of: r.of, regime: r.regime, over: r.over };
}

/** A roster entry: the team's latest run, as the relay last saw it. */
export interface RosterEntry {
  readonly team: string;
  readonly run: TeamRun | null;
}

/** The facilitator's pacing. */
export interface Pace {
  /** Teams may play up to and including this turn; null lets them play on. */
  readonly open: number | null;
  /** All teams wait while paused. */
  readonly paused: boolean;
  /** When the round timer ends (milliseconds since 1970), or null when none runs. */
  readonly timerEnds: number | null;
  /** A message to every team, with an id so a team hears each message once. */
  readonly message: { readonly id: number; readonly text: string } | null;
}

export const NO_PACE: Pace = { open: null, paused: false, timerEnds: null, message: null };

/** The longest message to all teams, in characters. */
const MAX_MESSAGE = 280;

export function readPace(x: unknown): Pace {
  if (typeof x !== 'object' || x === null) return NO_PACE;
  const p = x as Record<string, unknown>;
  const m = p.message as Record<string, unknown> | null | undefined;
  return {
    open: count(p.open) ? p.open : null,
    paused: p.paused === true,
    timerEnds: Number.isInteger(p.timerEnds) ? (p.timerEnds as number) : null,
    message:
      m && Number.isInteger(m.id) && typeof m.text === 'string' && m.text.length <= MAX_MESSAGE
        ? { id: m.id as number, text: m.text }
        : null,
  };
}
