/** Screen readers hear turn results through one polite live region. */
export function announcer(region: HTMLElement): (text: string) => void {
  return (text) => {
    // Clearing first makes a repeated message count as new.
    region.textContent = '';
    window.setTimeout(() => (region.textContent = text), 50);
  };
}
