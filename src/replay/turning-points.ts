import { type Fact, type Scenario, HEADLINE } from '../engine';
import { happenings } from './narration';
import { crossingsWords } from './regime-why';
import type { TurnRecord } from './timeline';
import { groupRepeated, listTurns } from './turn-summary';
import { causeWords, factWords, signed, VAR_LABELS } from './words';

/**
 * The few moments that shaped a run, in order: regime changes with the index that crossed and
 * what moved it most, events, shifts in the situation and their answers, people leaving or
 * disengaging, and each headline meter's biggest single push. The same thing happening on several turns is one line.
 */
export function turningPoints(scenario: Scenario, records: readonly TurnRecord[]): string[] {
  const moments: { turn: number; text: string }[] = [];
  for (const r of records) {
    const told = new Set<Fact>(happenings(r.facts).all);
    for (const e of r.facts) {
      if (e.type === 'regime-changed') {
        moments.push({
          turn: r.turn,
          text: `the team moved from ${e.from} to ${e.to}: ${crossingsWords(scenario, r)}`,
        });
      } else if (told.has(e)) {
        const words = factWords(e, scenario);
        if (words) moments.push({ turn: r.turn, text: words });
      }
    }
  }
  const lines = groupRepeated(moments).map((g) =>
    g.turns.length === 1
      ? `Turn ${g.turns[0]}: ${g.text}.`
      : `Turns ${listTurns(g.turns)}: ${g.text}, ${g.turns.length} times.`,
  );
  for (const v of HEADLINE) {
    let best: { turn: number; text: string; size: number } | null = null;
    for (const r of records) {
      for (const c of r.changes.find((x) => x.var === v)?.causes ?? []) {
        if (!best || Math.abs(c.amount) > best.size) {
          best = {
            turn: r.turn,
            size: Math.abs(c.amount),
            text: `${signed(c.amount)} from ${causeWords(c, scenario)}`,
          };
        }
      }
    }
    if (best) lines.push(`${VAR_LABELS[v]}'s biggest single change: ${best.text} (turn ${best.turn}).`);
  }
  return lines;
}
