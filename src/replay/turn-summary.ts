import {
  type Cause,
  ENTER,
  EXIT,
  type GameState,
  HEADLINE,
  INDEX_WEIGHTS,
  type Headline,
  type Regime,
  type Scenario,
  turnsToCollapse,
} from '../engine';
import { happenings } from './narration';
import { shiftLine, shiftSentences } from './shift-log';
import type { TurnRecord, VarChange } from './timeline';
import { causeWords, factWords, VAR_LABELS } from './words';

/**
 * The cause that did most to move a meter this turn: the largest push in the direction the
 * meter moved (the largest of all when it ended where it started), earliest on a tie.
 */
export function biggestCause(change: VarChange | undefined): Cause | null {
  if (!change || change.causes.length === 0) return null;
  const delta = change.to - change.from;
  const same = change.causes.filter((c) => Math.sign(c.amount) === Math.sign(delta));
  const pool = delta !== 0 && same.length > 0 ? same : change.causes;
  let best: Cause | null = null;
  for (const c of pool) if (!best || Math.abs(c.amount) > Math.abs(best.amount)) best = c;
  return best;
}

interface MeterLine {
  readonly var: Headline;
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly delta: number;
  /** The biggest cause in words, or null when nothing moved the meter. */
  readonly cause: string | null;
  readonly causeAmount: number;
}

/** An index's change this turn, and the driver that moved it most with that driver's biggest cause. */
export interface IndexLine {
  readonly index: 'l' | 'm';
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly delta: number;
  /** The driver that moved the index most, in words, or null when no driver moved. */
  readonly driver: string | null;
  readonly driverDelta: number;
  /** That driver's biggest cause in words, or null. */
  readonly cause: string | null;
}

export interface TurnSummary {
  readonly turn: number;
  readonly regime: Regime;
  readonly meters: readonly MeterLine[];
  /** L and M, each with what moved it. */
  readonly indices: readonly IndexLine[];
  /** Events, people leaving or disengaging, in words. */
  readonly events: readonly string[];
  /** Calls for an answer, shifts in the situation and their answers, in words. */
  readonly shifts: readonly string[];
}

/** A turn in a few lines: regime, each headline meter with its biggest cause, events and shifts. */
export function turnSummary(scenario: Scenario, r: TurnRecord): TurnSummary {
  const meters = HEADLINE.map((v): MeterLine => {
    const change = r.changes.find((c) => c.var === v);
    const from = change?.from ?? r.after.vars[v];
    const to = change?.to ?? r.after.vars[v];
    const top = biggestCause(change);
    return {
      var: v,
      label: VAR_LABELS[v],
      from,
      to,
      delta: to - from,
      cause: top ? causeWords(top, scenario) : null,
      causeAmount: top?.amount ?? 0,
    };
  });
  const told = happenings(r.facts);
  // An event that calls for an answer is told with the shifts, flagged, with what would answer it.
  const isCall = (id: string): boolean => (scenario.events.find((e) => e.id === id)?.settledBy ?? []).length > 0;
  const calls = told.events.filter((e) => isCall(e.event));
  const events = [...told.events.filter((e) => !isCall(e.event)), ...told.people]
    .map((e) => factWords(e, scenario))
    .filter((x): x is string => x !== null);
  const shifts = [
    ...calls.map((e) => `A call for an answer: ${factWords(e, scenario) ?? e.event}. ${callText(scenario, e.event)}`),
    ...shiftSentences(scenario, r).map(shiftLine),
  ];
  return { turn: r.turn, regime: r.regime, meters, indices: indexLines(scenario, r), events, shifts };
}

const INDEX_LABELS = { l: 'Leadership L', m: 'Management M' } as const;

/**
 * L and M's change, each with the driver whose weighted change pushed it most in the direction
 * it moved (the largest of all when it ended where it started; earliest on a tie), and that
 * driver's biggest cause: why the regime's indices moved, not only the meters.
 */
export function indexLines(scenario: Scenario, r: TurnRecord): IndexLine[] {
  return (['l', 'm'] as const).map((index) => {
    const from = r.before[index];
    const to = r.after[index];
    const delta = to - from;
    let best: { change: VarChange; push: number } | null = null;
    for (const [name, weight] of Object.entries(INDEX_WEIGHTS[index])) {
      const change = r.changes.find((c) => c.var === name);
      if (!change || change.to === change.from) continue;
      const push = weight * (change.to - change.from);
      const counts = delta === 0 || Math.sign(push) === Math.sign(delta);
      if (counts && (!best || Math.abs(push) > Math.abs(best.push))) best = { change, push };
    }
    const top = best ? biggestCause(best.change) : null;
    return {
      index,
      label: INDEX_LABELS[index],
      from,
      to,
      delta,
      driver: best ? VAR_LABELS[best.change.var].toLowerCase() : null,
      driverDelta: best ? best.change.to - best.change.from : 0,
      cause: top ? causeWords(top, scenario) : null,
    };
  });
}

/** A call's own words, which name its answers. */
function callText(scenario: Scenario, id: string): string {
  return scenario.events.find((e) => e.id === id)?.text ?? '';
}

export interface CollapseWarning {
  readonly regime: 'chaos' | 'stagnation';
  /** Turns in a row the regime has lasted. */
  readonly streak: number;
  /** How many more turns of it end the game. */
  readonly remaining: number;
  /** The side the team lacks. */
  readonly missing: 'management' | 'leadership';
}

/** Whether chaos or stagnation is under way, and how many more turns of it end the game. */
export function collapseWarning(state: GameState): CollapseWarning | null {
  // A team can start in chaos or stagnation: that counts too, with no turns of it behind it yet.
  const remaining = turnsToCollapse(state);
  if (remaining === null || (state.regime !== 'chaos' && state.regime !== 'stagnation')) return null;
  return {
    regime: state.regime,
    streak: state.streak,
    remaining,
    missing: state.regime === 'chaos' ? 'management' : 'leadership',
  };
}

const turnsWord = (n: number): string => `${n} ${n === 1 ? 'turn' : 'turns'}`;

/** The warning in one or two sentences, for the page and the live region alike. */
export function collapseWarningText(w: CollapseWarning): string {
  const name = w.regime === 'chaos' ? 'Chaos' : 'Stagnation';
  const led = w.regime === 'chaos' ? 'led but not managed' : 'managed but not led';
  const since = w.streak === 0 ? 'from the start' : `for ${turnsWord(w.streak)}`;
  const more = w.remaining === 1 ? '1 more turn of it ends' : `${w.remaining} more turns of it end`;
  return `${name} ${since}: ${more} the game. The team is ${led}: it is missing ${w.missing}.`;
}

/** Why the team starts in its regime: each index against the threshold it must reach. */
export function startReason(state: Pick<GameState, 'l' | 'm' | 'lHigh' | 'mHigh' | 'regime'>): string {
  const side = (name: string, value: number, high: boolean): string =>
    `the ${name} index is ${value}, ${high ? `at or above ${ENTER}, so high` : `below ${ENTER}, so not high`}`;
  return `The team starts in ${state.regime} because ${side('leadership', state.l, state.lHigh)}, and ${side('management', state.m, state.mHigh)}. An index counts as high from ${ENTER} and stays high until it falls below ${EXIT}.`;
}

/**
 * Identical lines told once, at their first place, with every turn they happened on:
 * a thank-you on six turns is one line, not six.
 */
export function groupRepeated(items: readonly { turn: number; text: string }[]): { turns: number[]; text: string }[] {
  const out: { turns: number[]; text: string }[] = [];
  const at = new Map<string, { turns: number[]; text: string }>();
  for (const it of items) {
    const seen = at.get(it.text);
    if (seen) {
      seen.turns.push(it.turn);
      continue;
    }
    const fresh = { turns: [it.turn], text: it.text };
    at.set(it.text, fresh);
    out.push(fresh);
  }
  return out;
}

/** "2", "2 and 5", "2, 5 and 9". */
export function listTurns(turns: readonly number[]): string {
  if (turns.length <= 1) return turns.join('');
  return `${turns.slice(0, -1).join(', ')} and ${turns[turns.length - 1]}`;
}
