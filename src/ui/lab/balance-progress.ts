import type { BalanceProgress } from '../../lab/balance-run';
import { h } from '../dom';
import type { Timers } from '../services';

/** How often the games played are drawn: each repaint takes time from the workers' cores. */
const DRAW_EVERY = 200;

export interface BalanceProgressView {
  /** The bar, the games played in words, and Cancel; hidden while no report plays. */
  readonly element: HTMLElement;
  show(on: boolean): void;
  /** Notes the games played so far, drawn at most five times a second. */
  update(progress: BalanceProgress): void;
  /** Drops a drawing still to come: the report is over. */
  settle(): void;
}

/** The progress of a balance report, with its Cancel (`onCancel`). */
export function balanceProgress(timers: Timers, onCancel: () => void): BalanceProgressView {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Games played for the balance report' });
  const words = h('span', { class: 'small' });
  const cancel = h(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'lab-cancel', onclick: onCancel },
    'Cancel',
  );
  const element = h('div', { class: 'lab-progress', hidden: true }, bar, words, cancel);
  let latest: BalanceProgress = { done: 0, total: 1 };
  let pending: (() => void) | undefined;
  const draw = (): void => {
    pending = undefined;
    bar.max = latest.total;
    bar.value = latest.done;
    words.textContent = `${latest.done.toLocaleString('en-US')} of ${latest.total.toLocaleString('en-US')} games`;
  };
  return {
    element,
    show(on) {
      element.hidden = !on;
    },
    update(progress) {
      latest = progress;
      pending ??= timers.after(DRAW_EVERY, draw);
    },
    settle() {
      pending?.();
      pending = undefined;
    },
  };
}
