import { DYNAMICS, type Fact, type Scenario } from '../engine';
import type { TurnRecord } from './timeline';
import { VAR_LABELS } from './words';

type EventFact = Extract<Fact, { type: 'event-occurred' }>;

/** Whether a turn felt rising expectations: the pressure success puts on a team in momentum. */
function expects(r: TurnRecord): boolean {
  return r.changes.some((c) => c.causes.some((x) => x.source === DYNAMICS.expectations));
}

const cushionedEvents = (r: TurnRecord): EventFact[] =>
  r.facts.filter((f): f is EventFact => f.type === 'event-occurred' && f.cushioned);

/**
 * The rules that acted for the first time this game in `r` (the last of `records`), one line
 * each, so a rule never strikes unannounced: rising expectations, and an event's cushion.
 */
export function firstRules(scenario: Scenario, records: readonly TurnRecord[], r: TurnRecord): string[] {
  const earlier = records.filter((x) => x.turn < r.turn);
  const lines: string[] = [];
  if (expects(r) && !earlier.some(expects)) {
    const lost = r.changes.find((c) => c.var === 'clarity')?.causes.find((x) => x.source === DYNAMICS.expectations);
    lines.push(
      `A rule at work from now on: rising expectations. Every turn momentum lasts, success raises the bar: clarity and predictability wear down a little more (${lost?.amount ?? 0} each this turn), so momentum must be kept, not banked.`,
    );
  }
  const cushioned = cushionedEvents(r)[0];
  if (cushioned && !earlier.some((x) => cushionedEvents(x).length > 0)) {
    const ev = scenario.events.find((x) => x.id === cushioned.event);
    if (ev?.cushion) {
      const name = VAR_LABELS[ev.cushion].toLowerCase();
      lines.push(
        `A rule at work: a cushion. ${ev.title} hit softer because of the team's ${name}: the higher a setback's cushion, the more of its losses it takes off, up to two thirds.`,
      );
    }
  }
  return lines;
}
