import type { GameState } from '../../engine';
import { scoreRows } from '../../replay/score-words';
import { signed } from '../../replay/words';
import { h } from '../dom';

/** How a finished game's score adds up, one row per part, with the total in the footer. */
export function scoreTable(state: GameState): HTMLElement {
  const { rows, total } = scoreRows(state);
  return h(
    'table',
    { class: 'score-table', 'data-testid': 'score-breakdown' },
    h('caption', {}, 'How the score adds up'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Part'),
        h('th', { scope: 'col' }, 'From'),
        h('th', { scope: 'col' }, 'Points'),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          { class: r.points < 0 ? 'minus' : r.points > 0 ? 'plus' : 'zero' },
          h('th', { scope: 'row' }, r.label),
          h('td', { class: 'muted' }, r.detail),
          h('td', { class: 'num', 'data-testid': 'score-part' }, signed(r.points)),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Total'),
        h('td', {}),
        h('td', { class: 'num', 'data-testid': 'score-total' }, String(total)),
      ),
    ),
  );
}
