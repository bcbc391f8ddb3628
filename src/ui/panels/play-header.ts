import type { GameState } from '../../engine';
import { h } from '../dom';
import { presenterToggle } from '../presenter';
import type { Session } from '../session';
import { regimeBadge } from './regime-badge';

/**
 * The play screen's header: the scenario, the turn, the seed, the regime and the indices, the way
 * back to the menu and, in a workshop room, the way to hand in the run so far.
 */
export function playHeader(
  session: Session,
  st: GameState,
  on: { menu(): void; handIn(opener: HTMLElement): void },
): (HTMLElement | null)[] {
  const s = session.scenario;
  return [
    h('h1', { tabindex: '-1' }, s.title),
    h('p', { class: 'turn-count' }, `Turn ${Math.min(st.turn, s.turns)} of ${s.turns}`),
    h('p', { class: 'seed' }, 'Seed ', h('code', {}, session.seed)),
    regimeBadge(st.regime),
    h('p', { class: 'indices' }, `L ${st.l} · M ${st.m}`),
    h('button', { type: 'button', class: 'secondary small', onclick: () => on.menu() }, 'Menu'),
    session.meta?.room
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary small',
            'data-testid': 'hand-in-progress',
            onclick: (e: Event) => on.handIn(e.currentTarget as HTMLElement),
          },
          'Hand in progress',
        )
      : null,
    presenterToggle(),
  ];
}
