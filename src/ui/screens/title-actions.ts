import type { AppContext } from '../context';
import { h } from '../dom';
import { presenterToggle } from '../presenter';
import type { Session } from '../session';

/**
 * The title's ways on: the game played last first (to resume, or its result), a new game, and
 * comparing runs, the scenario lab, a workshop and presenter mode. The first is the primary one.
 */
export function titleActions(ctx: AppContext, newest: Session | undefined): HTMLElement {
  return h(
    'div',
    { class: 'actions' },
    newest
      ? h(
          'button',
          {
            type: 'button',
            class: 'primary',
            onclick: () => ctx.go({ kind: newest.state.over ? 'end' : 'play', session: newest }),
          },
          newest.state.over
            ? `See your last result: ${newest.scenario.title}`
            : `Resume ${newest.scenario.title}, turn ${Math.min(newest.state.turn, newest.scenario.turns)} of ${newest.scenario.turns}`,
        )
      : null,
    h(
      'button',
      { type: 'button', class: newest ? 'secondary' : 'primary', onclick: () => ctx.go({ kind: 'picker' }) },
      'New game',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-testid': 'compare-start',
        onclick: () => ctx.go({ kind: 'compare' }),
      },
      'Compare runs',
    ),
    h(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': 'lab-start', onclick: () => ctx.go({ kind: 'lab' }) },
      'Scenario lab',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-testid': 'workshop-start',
        onclick: () => ctx.go({ kind: 'workshop-setup' }),
      },
      'Run a workshop',
    ),
    presenterToggle(),
  );
}
