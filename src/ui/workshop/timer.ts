import { h } from '../dom';
import type { Timers } from '../services';

/** What the round timer needs of the page: announcing, time, and a chime for 0:00. */
export interface TimerServices {
  readonly announce: (text: string) => void;
  readonly timers: Timers;
  readonly chime: () => void;
  /** Called on the clicks that may precede a chime, so that it can sound. */
  readonly readyChime: () => void;
  /** Milliseconds since 1970. */
  readonly now: () => number;
  /** Told when the timer runs (with when it ends) and when it stops: a live room shows it to its teams. */
  readonly onRun?: (endsAt: number | null) => void;
}

/**
 * A round timer the facilitator starts, pauses and resets; it locks nobody's device. At 0:00 its
 * face says "Time is up" and flashes (a steady highlight when motion is reduced), and chimes when
 * sound is switched on.
 */
export function roundTimer(page: TimerServices): HTMLElement {
  const minutes = h('input', { id: 'timer-minutes', type: 'number', min: '1', max: '120', value: '10' });
  const time = h('span', { class: 'timer-time' }, '10:00');
  const up = h('span', { class: 'timer-up' });
  const face = h('p', { class: 'timer-face', 'data-testid': 'timer' }, time, up);
  const sound = h('input', {
    id: 'timer-sound',
    type: 'checkbox',
    'data-testid': 'timer-sound',
    onchange: () => sound.checked && page.readyChime(),
  });
  let left = 600;
  let tick: (() => void) | undefined;
  const show = (): void => {
    const m = Math.floor(left / 60);
    const s = left % 60;
    time.textContent = `${m}:${String(s).padStart(2, '0')}`;
    const over = left === 0;
    face.classList.toggle('time-up', over);
    up.textContent = over ? ' Time is up' : '';
  };
  const stop = (ranOut = false): void => {
    // Run out, the teams' screens keep the end time and say time is up; paused or reset, it goes.
    if (tick !== undefined && !ranOut) page.onRun?.(null);
    tick?.();
    tick = undefined;
    toggle.textContent = 'Start';
  };
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'data-testid': 'timer-toggle',
      onclick: () => {
        if (tick !== undefined) return stop();
        if (sound.checked) page.readyChime();
        if (left <= 0) reset();
        toggle.textContent = 'Pause';
        page.onRun?.(page.now() + left * 1000);
        tick = page.timers.every(1000, () => {
          // The interval stops itself once the element leaves the page.
          if (!face.isConnected) return stop(true);
          left = Math.max(0, left - 1);
          show();
          if (left === 0) {
            stop(true);
            page.announce('Time is up for this round.');
            if (sound.checked) page.chime();
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
      { class: 'inline timer-controls' },
      h('label', { for: 'timer-minutes' }, 'Minutes'),
      minutes,
      toggle,
      h('button', { type: 'button', class: 'secondary', onclick: reset }, 'Reset'),
      h('label', { class: 'inline timer-sound' }, sound, 'Sound at 0:00'),
    ),
  );
}
