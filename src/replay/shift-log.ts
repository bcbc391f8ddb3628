import type { Fact, Scenario } from '../engine';
import type { TurnRecord } from './timeline';
import { actionTitle, memberName } from './words';

/** A shift that has happened: its words, when, and whether and how the team answered it. */
export interface ShiftEntry {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly turn: number;
  /** The person it touched most, by name, or '' when none. */
  readonly member: string;
  readonly answered: { readonly action: string; readonly turn: number } | null;
  /** Titles of the actions that would answer it, for an open shift that keeps pulling. */
  readonly answers: readonly string[];
}

type ShiftSettled = Extract<Fact, { type: 'shift-settled' }>;

function shiftDef(scenario: Scenario, id: string): { title: string; text: string; settledBy: readonly string[] } {
  const x = scenario.shifts.find((y) => y.id === id);
  return { title: x?.title ?? id, text: x?.text ?? '', settledBy: x?.settledBy ?? [] };
}

/** Every shift so far, in the order it happened, from the resolved turns. */
export function shiftLog(scenario: Scenario, records: readonly TurnRecord[]): ShiftEntry[] {
  const out: ShiftEntry[] = [];
  for (const r of records) {
    for (const f of r.facts) {
      if (f.type !== 'shift-occurred') continue;
      const def = shiftDef(scenario, f.shift);
      const answered = answerOf(records, f.shift);
      out.push({
        id: f.shift,
        title: def.title,
        text: def.text,
        turn: r.turn,
        member: memberName(scenario, f.member),
        answered,
        answers: answered ? [] : def.settledBy.map(actionTitle),
      });
    }
  }
  return out;
}

function answerOf(records: readonly TurnRecord[], shift: string): ShiftEntry['answered'] {
  for (const r of records) {
    const f = r.facts.find((x): x is ShiftSettled => x.type === 'shift-settled' && x.shift === shift);
    if (f) return { action: actionTitle(f.action), turn: r.turn };
  }
  return null;
}

/** The shift facts of one turn in words, in the order they happened. */
export function shiftSentences(scenario: Scenario, r: TurnRecord): ShiftSentence[] {
  return r.facts.flatMap((f): ShiftSentence[] => {
    if (f.type === 'shift-occurred') {
      const def = shiftDef(scenario, f.shift);
      const who = f.member ? ` (${memberName(scenario, f.member)})` : '';
      return [{ kind: 'shifted', title: `${def.title}${who}`, text: def.text }];
    }
    if (f.type === 'shift-settled') {
      const title = `${actionTitle(f.action)} answered the shift “${shiftDef(scenario, f.shift).title}”`;
      return [{ kind: 'answered', title, text: 'Its pull on the team stops.' }];
    }
    return [];
  });
}

export interface ShiftSentence {
  readonly kind: 'shifted' | 'answered';
  readonly title: string;
  readonly text: string;
}

/** A shift sentence as one line: "The situation shifted: <title>. <text>" or the answer. */
export function shiftLine(x: ShiftSentence): string {
  return x.kind === 'shifted' ? `The situation shifted: ${x.title}. ${x.text}`.trim() : `${x.title}. ${x.text}`;
}

/** Whether a fact is about a shift, so lists that tell shifts apart can leave it out. */
export function isShiftFact(f: Fact): boolean {
  return f.type === 'shift-occurred' || f.type === 'shift-settled';
}
