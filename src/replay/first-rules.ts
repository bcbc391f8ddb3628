import { DYNAMICS, type Fact, type Scenario, traitReaction, traitsOf } from '../engine';
import type { TurnRecord } from './timeline';
import { actionTitle, memberName, signed, VAR_LABELS } from './words';

type EventFact = Extract<Fact, { type: 'event-occurred' }>;

/** Whether a turn felt rising expectations: the pressure success puts on a team in momentum. */
function expects(r: TurnRecord): boolean {
  return r.changes.some((c) => c.causes.some((x) => x.source === DYNAMICS.expectations));
}

type Resolved = Extract<Fact, { type: 'action-resolved' }>;

/** The cards of a turn that moved someone's morale through their traits. */
const reactedTo = (r: TurnRecord): Resolved[] =>
  r.facts.filter((f): f is Resolved => f.type === 'action-resolved' && f.reactions.length > 0);

const cushionedEvents = (r: TurnRecord): EventFact[] =>
  r.facts.filter((f): f is EventFact => f.type === 'event-occurred' && f.cushioned);

/**
 * The rules that acted for the first time this game in `r` (the last of `records`), one line
 * each, so a rule never strikes unannounced: rising expectations, an event's cushion, and a
 * person's traits reacting to a card.
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
  const reacted = reactedTo(r)[0];
  if (reacted && !earlier.some((x) => reactedTo(x).length > 0)) {
    const who = reacted.reactions.map((x) => {
      const i = scenario.members.findIndex((m) => m.id === x.member);
      // The traits that react to this card, of the traits this seed dealt them.
      const traits = traitsOf(r.before, i).filter((t) => traitReaction([t], reacted.action) !== 0);
      const felt = x.amount > 0 ? 'pleased' : 'irked';
      return `${felt} ${memberName(scenario, x.member)} (${traits.join(', ')}, morale ${signed(x.amount)})`;
    });
    lines.push(
      `A rule at work: traits. ${actionTitle(reacted.action)} ${who.join(' and ')}, and will each time it is played.`,
    );
  }
  return lines;
}
