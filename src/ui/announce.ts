/**
 * Screen readers hear turn results through one polite live region. Messages given in the same
 * moment (a refused save and the turn's results) are read together, none replacing another.
 */
export function announcer(region: HTMLElement): (text: string) => void {
  let pending: string[] = [];
  let timer: number | undefined;
  return (text) => {
    pending.push(text);
    if (timer !== undefined) return;
    // Clearing first makes a repeated message count as new.
    region.textContent = '';
    timer = window.setTimeout(() => {
      region.textContent = pending.join(' ');
      pending = [];
      timer = undefined;
    }, 50);
  };
}
