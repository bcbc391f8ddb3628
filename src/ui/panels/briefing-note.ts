import type { Scenario } from '../../engine';
import { h } from '../dom';

/** What the explanation panel holds before the first turn: the briefing, and the keys that play. */
export function briefingNote(s: Scenario): HTMLElement {
  return h(
    'article',
    { class: 'explanation' },
    h('h3', {}, 'Briefing'),
    h('p', {}, s.briefing),
    h(
      'p',
      { class: 'muted small' },
      'Keys: 1–9 and 0 pick the first ten cards, Shift with a digit the rest; Backspace undoes; Enter ends the turn when no button or link has focus (on a focused card, Enter chooses that card).',
    ),
  );
}
