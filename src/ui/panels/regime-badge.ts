import type { Regime } from '../../engine';
import { h } from '../dom';
import { REGIME_INFO } from '../labels';

/**
 * The regime with icon, pattern and word. The element with data-testid="regime" holds only the
 * regime's id, as the tests and assistive tech read it; the icon sits beside it.
 */
export function regimeBadge(regime: Regime): HTMLElement {
  const info = REGIME_INFO[regime];
  return h(
    'div',
    { class: `regime-badge regime-${regime}`, title: info.blurb },
    h('span', { class: 'regime-icon', 'aria-hidden': 'true' }, info.icon),
    h('span', { class: 'sr-only' }, 'Regime: '),
    h('span', { class: 'regime-id', 'data-testid': 'regime' }, regime),
  );
}
