import type { Fact } from '../engine';

export type EventFact = Extract<Fact, { type: 'event-occurred' }>;
export type ShiftFact = Extract<Fact, { type: 'shift-occurred' | 'shift-settled' | 'call-answered' }>;
export type MemberFact = Extract<Fact, { type: 'member-quit' | 'member-disengaged' | 'member-reengaged' }>;

/** What happened to the team in a turn besides its choices: the facts every telling of a run shares. */
export type Happening = EventFact | ShiftFact | MemberFact;

/**
 * A turn's happenings in the order they happened, sorted into what tellings pick from: events,
 * shifts in the situation (and the answers to shifts and calls), and people (disengaging, re-engaging, leaving).
 * Every telling (the turn summary, the live region, turning points, the world, CSV) reads this
 * one list, so they agree on what was worth telling.
 */
export function happenings(facts: readonly Fact[]): {
  readonly all: readonly Happening[];
  readonly events: readonly EventFact[];
  readonly shifts: readonly ShiftFact[];
  readonly people: readonly MemberFact[];
} {
  const all: Happening[] = [];
  const events: EventFact[] = [];
  const shifts: ShiftFact[] = [];
  const people: MemberFact[] = [];
  for (const f of facts) {
    if (f.type === 'event-occurred') events.push(f);
    else if (f.type === 'shift-occurred' || f.type === 'shift-settled' || f.type === 'call-answered') shifts.push(f);
    else if (f.type === 'member-quit' || f.type === 'member-disengaged' || f.type === 'member-reengaged')
      people.push(f);
    else continue;
    all.push(f);
  }
  return { all, events, shifts, people };
}
