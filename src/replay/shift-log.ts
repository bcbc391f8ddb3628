import { actionDef, type Fact, type Scenario } from '../engine';
import type { TurnRecord } from './timeline';
import { actionTitle, memberName } from './words';

/**
 * A shift that has happened, or an event that called for an answer: its words, when, and whether
 * and how the team answered it.
 */
export interface ShiftEntry {
  readonly kind: 'shift' | 'call';
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly turn: number;
  /** The person it touched most, by name, or '' when none. */
  readonly member: string;
  readonly answered: { readonly action: string; readonly turn: number } | null;
  /** Titles of the actions that would answer it, for an open shift that keeps pulling. */
  readonly answers: readonly string[];
  /** The same actions by id. */
  readonly answerIds: readonly string[];
  /** For an open one whose aimed answer must go to the person it touched, still on the team: their name; else ''. */
  readonly aimedAt: string;
  /** Whether its pull grows each turn it waits. */
  readonly grows: boolean;
}

type ShiftSettled = Extract<Fact, { type: 'shift-settled' }>;
type CallAnswered = Extract<Fact, { type: 'call-answered' }>;

interface Def {
  readonly title: string;
  readonly text: string;
  readonly settledBy: readonly string[];
  readonly growth: number;
}

function shiftDef(scenario: Scenario, id: string): Def {
  const x = scenario.shifts.find((y) => y.id === id);
  return { title: x?.title ?? id, text: x?.text ?? '', settledBy: x?.settledBy ?? [], growth: x?.growth ?? 0 };
}

/** The name an open entry's aimed answer must go to: the member it touched, if still on the team. */
function aimedAt(scenario: Scenario, def: Def, member: string | null, records: readonly TurnRecord[]): string {
  if (member === null || !def.settledBy.some((id) => actionDef(id)?.targeted)) return '';
  const now = records[records.length - 1]?.after;
  const present = now?.members.some((m) => m.id === member && m.status !== 'gone') ?? false;
  return present ? memberName(scenario, member) : '';
}

/** One entry of the log. */
function entry(
  scenario: Scenario,
  records: readonly TurnRecord[],
  kind: ShiftEntry['kind'],
  id: string,
  def: Def,
  turn: number,
  member: string | null,
  answered: ShiftEntry['answered'],
): ShiftEntry {
  return {
    kind,
    id,
    title: def.title,
    text: def.text,
    turn,
    member: memberName(scenario, member),
    answered,
    answers: answered ? [] : def.settledBy.map(actionTitle),
    answerIds: answered ? [] : def.settledBy,
    aimedAt: answered ? '' : aimedAt(scenario, def, member, records),
    grows: def.growth > 0,
  };
}

/** The words and answers of an event that calls for an answer, or null for one that does not. */
function callDef(scenario: Scenario, id: string): Def | null {
  const e = scenario.events.find((y) => y.id === id);
  if (!e || (!e.settledBy?.length && !e.pressure?.length)) return null;
  return { title: e.title, text: e.text, settledBy: e.settledBy ?? [], growth: e.growth ?? 0 };
}

/** Every shift and call so far, in the order it happened, from the resolved turns. */
export function shiftLog(scenario: Scenario, records: readonly TurnRecord[]): ShiftEntry[] {
  const out: ShiftEntry[] = [];
  for (const r of records) {
    for (const f of r.facts) {
      if (f.type === 'event-occurred') {
        const def = callDef(scenario, f.event);
        if (def === null) continue;
        out.push(entry(scenario, records, 'call', f.event, def, r.turn, f.member, callAnswerOf(records, f.event)));
        continue;
      }
      if (f.type !== 'shift-occurred') continue;
      const def = shiftDef(scenario, f.shift);
      out.push(entry(scenario, records, 'shift', f.shift, def, r.turn, f.member, answerOf(records, f.shift)));
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

function callAnswerOf(records: readonly TurnRecord[], event: string): ShiftEntry['answered'] {
  for (const r of records) {
    const f = r.facts.find((x): x is CallAnswered => x.type === 'call-answered' && x.event === event);
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
    if (f.type === 'call-answered') {
      const title = `${actionTitle(f.action)} answered “${callDef(scenario, f.event)?.title ?? f.event}”`;
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
  return f.type === 'shift-occurred' || f.type === 'shift-settled' || f.type === 'call-answered';
}
