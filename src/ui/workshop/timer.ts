import { h } from '../dom';
import type { Timers } from '../services';

/** A round timer the facilitator starts, pauses and resets; it locks nobody's device. */
export function roundTimer(announce: (text: string) => void, timers: Timers): HTMLElement {
  const minutes = h('input', { id: 'timer-minutes', type: 'number', min: '1', max: '120', value: '10' });
  const face = h('p', { class: 'timer-face', 'data-testid': 'timer' }, '10:00');
  let left = 600;
  let tick: (() => void) | undefined;
  const show = (): void => {
    const m = Math.floor(left / 60);
    const s = left % 60;
    face.textContent = `${m}:${String(s).padStart(2, '0')}`;
  };
  const stop = (): void => {
    tick?.();
    tick = undefined;
    toggle.textContent = 'Start';
  };
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        if (tick !== undefined) return stop();
        if (left <= 0) reset();
        toggle.textContent = 'Pause';
        tick = timers.every(1000, () => {
          // The interval stops itself once the element leaves the page.
          if (!face.isConnected) return stop();
          left = Math.max(0, left - 1);
          show();
          if (left === 0) {
            stop();
            announce('Time is up for this round.');
          }
        });
      },
    },
    'Start',
  );
  const reset = (): void => {
    stop();
    left = Math.max(1, Math.min(120, Number(minutes.value) || 10)) * 60;
    show();
  };
  minutes.addEventListener('change', reset);
  return h(
    'section',
    { class: 'round-timer', 'aria-labelledby': 'timer-title' },
    h('h2', { id: 'timer-title' }, 'Round timer'),
    face,
    h(
      'div',
      { class: 'inline' },
      h('label', { for: 'timer-minutes' }, 'Minutes'),
      minutes,
      toggle,
      h('button', { type: 'button', class: 'secondary', onclick: reset }, 'Reset'),
    ),
  );
}
