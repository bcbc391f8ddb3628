import type { Timers } from './services';

/**
 * Screen readers hear turn results through one polite live region. Messages given in the same
 * moment (a refused save and the turn's results) are read together, none replacing another.
 */
export function announcer(region: HTMLElement, timers: Timers): (text: string) => void {
  let pending: string[] = [];
  let waiting = false;
  return (text) => {
    pending.push(text);
    if (waiting) return;
    // Clearing first makes a repeated message count as new.
    region.textContent = '';
    waiting = true;
    timers.after(50, () => {
      region.textContent = pending.join(' ');
      pending = [];
      waiting = false;
    });
  };
}
