import { ENTER, EXIT, type GameState, type Regime, type Scenario } from '../engine';
import type { TurnRecord } from './timeline';
import { indexLines, type IndexLine } from './turn-summary';
import { signed } from './words';

type Index = 'l' | 'm';

const NAMES: Record<Index, string> = { l: 'L', m: 'M' };

/** Whether an index counts as high in a state: the flag the regime is read from. */
function high(s: GameState, index: Index): boolean {
  return index === 'l' ? s.lHigh : s.mHigh;
}

/** An index that crossed its threshold on a turn, told with the driver and cause that moved it most. */
function crossingWords(line: IndexLine, rose: boolean): string {
  const name = NAMES[line.index];
  const where = rose ? `reaching the ${ENTER} that makes it high` : `below the ${EXIT} a high ${name} needs`;
  const why =
    line.driver === null
      ? ''
      : `, mostly through ${line.driver} ${signed(line.driverDelta)}${line.cause ? `, most of all from ${line.cause}` : ''}`;
  return `${name} ${rose ? 'rose' : 'fell'} from ${line.from} to ${line.to}, ${where}${why}`;
}

/** The indices that crossed a threshold over one turn, each with the direction it crossed. */
export function crossings(r: TurnRecord): { index: Index; rose: boolean }[] {
  return (['l', 'm'] as const)
    .filter((i) => high(r.before, i) !== high(r.after, i))
    .map((index) => ({ index, rose: high(r.after, index) }));
}

/** "L rose from 60 to 63 … and M fell from 52 to 49 …": every index that crossed on the turn. */
export function crossingsWords(scenario: Scenario, r: TurnRecord): string {
  const lines = indexLines(scenario, r);
  return crossings(r)
    .map((c) =>
      crossingWords(
        lines.find((x) => x.index === c.index)!,
        c.rose,
      ),
    )
    .join(', and ');
}

/**
 * An index that did not cross: its value on the deciding turn and at the end, and why a high one
 * below 62 still counts (a high index stays high down to 50).
 */
function stayedAt(r: TurnRecord, end: GameState, index: Index): string {
  const then = r.after[index];
  const values = then === end[index] ? `${then}` : `${then} then, ${end[index]} at the end`;
  return `${values}${heldNote(end, index)}`;
}

/** Why a high index below 62 still counts. */
function heldNote(end: GameState, index: Index): string {
  return high(end, index) && end[index] < ENTER ? `; a high ${NAMES[index]} stays high down to ${EXIT}` : '';
}

const REGIME_NAME: Record<Regime, string> = {
  momentum: 'Momentum',
  chaos: 'Chaos',
  stagnation: 'Stagnation',
  drift: 'Drift',
};

/** Where an index stood at the end, for one that did not cross on the deciding turn. */
function standing(records: readonly TurnRecord[], end: GameState, index: Index, from: number): string {
  const name = NAMES[index];
  if (high(end, index)) return `${name} stayed high (${end[index]} at the end${heldNote(end, index)})`;
  // The best it did over the turns that count, so a player sees how near it came.
  let best = { value: -1, turn: 0 };
  for (const r of records.slice(from)) if (r.after[index] > best.value) best = { value: r.after[index], turn: r.turn };
  const start = records[from]?.before[index] ?? end[index];
  if (start >= best.value) return `${name} never reached ${ENTER} (${start} at best)`;
  return `${name} never reached ${ENTER} (its best was ${best.value}, after turn ${best.turn})`;
}

/**
 * Why a run ended in the regime it ended in, in one sentence naming the index that decided it:
 * the index (or both) that crossed its threshold on the turn the final regime began, with the
 * driver and cause that moved it most, and where the other index stood. A run that never left
 * its first regime says where each index stayed. Null for a run with no turns.
 */
export function regimeWhy(scenario: Scenario, records: readonly TurnRecord[]): string | null {
  const last = records[records.length - 1];
  if (!last) return null;
  const end = last.after;
  const name = REGIME_NAME[end.regime];
  let entered = -1;
  for (let i = records.length - 1; i >= 0; i--) {
    if (records[i]!.before.regime !== end.regime) {
      entered = i;
      break;
    }
  }
  if (entered === -1) {
    const parts = (['l', 'm'] as const).map((i) => standing(records, end, i, 0));
    return `${name} from the first turn to the last: ${parts.join(', and ')}.`;
  }
  const r = records[entered]!;
  const crossed = crossings(r);
  const others = (['l', 'm'] as const)
    .filter((i) => !crossed.some((c) => c.index === i))
    .map((i) => `while ${NAMES[i]} stayed ${high(end, i) ? 'high' : 'low'} (${stayedAt(r, end, i)})`);
  const at = `${name} from turn ${r.turn}${entered === records.length - 1 ? '' : ' on'}`;
  return `${at}: ${[crossingsWords(scenario, r), ...others].join(', ')}.`;
}
