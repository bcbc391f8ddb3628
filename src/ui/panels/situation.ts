import type { Scenario } from '../../engine';
import { shiftLog, type ShiftEntry } from '../../replay/shift-log';
import type { TurnRecord } from '../../replay/timeline';
import { actionTitle } from '../../replay/words';
import { h } from '../dom';

/** The briefing as it stands: the scenario's own words, then every shift so far and its answer. */
export function situationPanel(scenario: Scenario, records: readonly TurnRecord[]): HTMLElement {
  const shifts = shiftLog(scenario, records);
  const latest = records[records.length - 1]?.turn ?? 0;
  return h(
    'section',
    { class: 'situation', 'data-testid': 'situation', 'aria-labelledby': 'situation-title' },
    h('h2', { id: 'situation-title' }, 'The situation'),
    h('details', {}, h('summary', {}, 'Briefing'), h('p', {}, scenario.briefing)),
    shifts.length
      ? h(
          'ol',
          { class: 'shift-list', 'aria-label': 'Shifts so far' },
          ...shifts.map((x) => shiftItem(x, x.turn === latest, records[records.length - 1])),
        )
      : h(
          'p',
          { class: 'muted small' },
          'No shift in the situation since the briefing; this turn’s events are in its summary.',
        ),
  );
}

/** A shift that happened in the turn just played is marked new, so it shows above the fold. */
function shiftItem(x: ShiftEntry, fresh: boolean, last: TurnRecord | undefined): HTMLElement {
  return h(
    'li',
    { 'data-testid': `${x.kind}-${x.id}`, class: fresh ? 'fresh' : undefined },
    fresh ? h('span', { class: 'new-badge' }, 'New') : null,
    fresh ? ' ' : null,
    h('strong', {}, x.title),
    h('span', { class: 'muted' }, ` (turn ${x.turn}${x.member ? `, ${x.member}` : ''})`),
    h('p', {}, x.text),
    h(
      'p',
      { class: x.answered ? 'shift-status answered' : 'shift-status open' },
      h('span', { 'aria-hidden': 'true' }, x.answered ? '✓ ' : '⚑ '),
      statusWords(x),
    ),
    fresh && !x.answered && x.answers.length ? h('p', { class: 'small muted' }, timingWords(x, last)) : null,
  );
}

/**
 * A shift or call strikes at the end of its turn, after that turn's cards: an answer played the
 * same turn came before it and does not count. Said plainly, naming the card if one was played.
 */
function timingWords(x: ShiftEntry, last: TurnRecord | undefined): string {
  const early = last?.choices.find((c) => x.answerIds.includes(c.action));
  const before = early
    ? ` ${actionTitle(early.action)}, played on turn ${x.turn}, came before it and does not count.`
    : '';
  return `It came at the end of turn ${x.turn}, after that turn's cards: answers count from turn ${x.turn + 1}.${before}`;
}

function statusWords(x: ShiftEntry): string {
  if (x.answered) return `Answered by ${x.answered.action} on turn ${x.answered.turn}.`;
  const whom = x.aimedAt ? `, aimed at ${x.aimedAt},` : '';
  const grows = x.grows ? '; its pull grows each turn it waits' : '';
  if (x.answers.length) return `Not answered yet: ${x.answers.join(' or ')}${whom} would answer it${grows}.`;
  return 'Nothing answers it: the team has to live with it.';
}
