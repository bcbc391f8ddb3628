import type { Scenario } from '../../engine';
import { h } from '../dom';

/**
 * What the explanation panel holds before the first turn: the briefing, and how to play it (its
 * keys, or on a touch screen its taps).
 */
export function briefingNote(s: Scenario, touch: boolean): HTMLElement {
  return h(
    'article',
    { class: 'explanation' },
    h('h3', {}, 'Briefing'),
    h('p', {}, s.briefing),
    h(
      'p',
      { class: 'muted small' },
      touch
        ? 'Tap a card to choose it, Undo last choice to take one back, and End turn when the hours are spent.'
        : 'Keys: 1–9 and 0 pick the first ten cards, Shift with a digit the rest; Backspace undoes; Enter ends the turn when no button or link has focus (on a focused card, Enter chooses that card).',
    ),
  );
}
