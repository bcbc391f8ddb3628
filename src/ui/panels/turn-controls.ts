import { affordable, offeredCards, type GameState, type Scenario } from '../../engine';
import { h } from '../dom';
import { hours } from '../labels';
import { planWords } from './explain';
import { collapseWarningPanel } from './turn-summary';

/**
 * The turn's controls above the cards: the time left, the collapse warning, the cards chosen so
 * far, the last refusal, Undo and End turn.
 */
export function turnControls(
  s: Scenario,
  st: GameState,
  error: string | null,
  on: { undo(): void; endTurn(): void },
  /** Why the turn cannot end yet: a live room's facilitator paces the rounds. */
  waiting: string | null = null,
): (HTMLElement | null)[] {
  // A shift can change the time a turn has, so the state's budget is the one to show.
  const used = st.budget - st.time;
  return [
    h(
      'div',
      { class: 'time' },
      h('label', { for: 'time-meter' }, `Time left: ${hours(st.time)} of ${hours(st.budget)}`),
      h('meter', { id: 'time-meter', min: 0, max: st.budget, value: st.time, low: 2, optimum: st.budget }),
    ),
    collapseWarningPanel(st),
    h(
      'ol',
      { class: 'plan', 'aria-label': 'Chosen this turn' },
      ...(st.plan.length
        ? planWords(s, st.plan).map((w) => h('li', {}, w))
        : [h('li', { class: 'muted' }, 'Nothing chosen yet.')]),
    ),
    error ? h('p', { class: 'notice', role: 'alert' }, error) : null,
    leftoverNotice(st),
    waiting
      ? h('p', { class: 'waiting notice', 'data-testid': 'waiting-for-facilitator', role: 'status' }, waiting)
      : null,
    h(
      'div',
      { class: 'turn-buttons' },
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-testid': 'undo',
          // Stays focusable when there is nothing to undo, so focus never jumps to End turn.
          'aria-disabled': st.plan.length === 0 ? 'true' : undefined,
          onclick: () => on.undo(),
          'aria-keyshortcuts': 'Backspace',
        },
        'Undo last choice',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-testid': 'end-turn',
          // Stays focusable while the room waits: pressed, it says why the turn cannot end yet.
          'aria-disabled': waiting ? 'true' : undefined,
          onclick: () => on.endTurn(),
          'aria-keyshortcuts': 'Enter',
        },
        used === 0 ? 'End turn without acting' : 'End turn',
      ),
    ),
  ];
}

/**
 * Hours left when the turn ends are lost: said before End turn, while there are any, and why
 * when no card the scenario offers is cheap enough to use them.
 */
function leftoverNotice(st: GameState): HTMLElement | null {
  if (st.over || st.time === 0) return null;
  const usable = offeredCards(st).some((def) => affordable(st, def));
  return h(
    'p',
    { class: 'leftover small', 'data-testid': 'leftover-hours' },
    `${hours(st.time)} left would be lost at End turn: `,
    usable ? 'hours do not carry over.' : 'no card costs that little.',
  );
}
