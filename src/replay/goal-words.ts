import { allHold, conditionValue, type GameState, type SetupCondition, type SetupEnding, type Stat } from '../engine';
import { VAR_LABELS } from './words';

const STAT_WORDS: Record<Stat, string> = {
  'members-lost': 'people lost',
  'momentum-turns': 'turns in momentum',
  leadership: 'leadership L',
  management: 'management M',
};

/** What a condition measures, in words: "progress", "people lost". */
function measured(c: SetupCondition): string {
  if (c.var !== null) return VAR_LABELS[c.var].toLowerCase();
  return c.stat !== null ? STAT_WORDS[c.stat] : 'nothing';
}

/**
 * A condition in words: "progress 51 or more", "budget 30 or less", "innovation from 40 to 60".
 * Variables run from 0 to 100, so a bound at either end says nothing and is left out.
 */
export function conditionWords(c: SetupCondition): string {
  const what = measured(c);
  const low = c.atLeast > 0;
  const high = c.atMost < 100;
  if (low && high) return `${what} from ${c.atLeast} to ${c.atMost}`;
  if (high) return `${what} ${c.atMost} or less`;
  return `${what} ${c.atLeast} or more`;
}

/** Conditions joined in words: "a, b and c". */
function joined(parts: readonly string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The best ending a scenario offers: its first momentum ending that asks for more than momentum. */
function bestEnding(endings: readonly SetupEnding[]): SetupEnding | undefined {
  return endings.find((e) => e.outcome === 'momentum' && e.early !== true && e.when.length > 0);
}

/**
 * The win condition in one sentence, from the scenario's own endings: finish in momentum (both
 * indices high) on the last turn, and what the best ending asks besides.
 */
export function winCondition(state: GameState): string {
  const best = bestEnding(state.setup.endings);
  const finish = `To win, finish the last turn in momentum, with leadership L and management M both high`;
  return best ? `${finish}; the best ending also needs ${joined(best.when.map(conditionWords))}.` : `${finish}.`;
}

/**
 * Whether a finished game reached its scenario's best ending, in one sentence: what that ending
 * asks, and what fell short. Null for a scenario whose endings have no best one.
 */
export function bestEndingWords(state: GameState): string | null {
  const best = bestEnding(state.setup.endings);
  if (!best) return null;
  const asks = `The best ending asks for ${joined(['momentum at the end', ...best.when.map(conditionWords)])}`;
  if (state.ending === best.id) return `${asks}: you reached it.`;
  const short = [
    ...(state.regime === 'momentum' ? [] : [`the team ended in ${state.regime}`]),
    ...best.when.filter((c) => !allHold([c], state)).map((c) => `${measured(c)} ended at ${conditionValue(c, state)}`),
  ];
  return `${asks}: not reached${short.length ? `, as ${joined(short)}` : ''}.`;
}

/** A line the goal's bar marks: a progress the endings test, and what it decides. */
export interface ProgressMark {
  readonly value: number;
  readonly words: string;
}

/** The progress thresholds the scenario's endings test, each with what it decides, lowest first. */
export function progressMarks(state: GameState): ProgressMark[] {
  const marks: ProgressMark[] = [];
  for (const e of state.setup.endings) {
    for (const c of e.when) {
      if (c.var !== 'progress') continue;
      if (c.atLeast > 0)
        marks.push({
          value: c.atLeast,
          words: `${c.atLeast} or more: the better ending, if the game ends in ${e.outcome}`,
        });
      if (c.atMost < 100)
        marks.push({ value: c.atMost, words: `${c.atMost} or less: a worse ending, if the game ends in ${e.outcome}` });
    }
  }
  return marks.sort((a, b) => a.value - b.value);
}
