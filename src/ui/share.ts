import { h } from './dom';

/** Offers `text` as a file download named `name`; nothing leaves the page. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text to the clipboard; false when the browser refused (the caller then shows it to copy by hand). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** What the screens ask of the browser beyond the page: copying and saving files. */
export interface BrowserServices {
  copyText(text: string): Promise<boolean>;
  download(name: string, type: string, text: string): void;
}

export const browserServices: BrowserServices = { copyText, download };

/** A file name safe on every system for a scenario and seed. */
export function fileStem(scenario: string, seed: string): string {
  return `${scenario}-${seed.replace(/[^\w-]+/g, '_').slice(0, 40) || 'seed'}`;
}
