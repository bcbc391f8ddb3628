import { h } from '../dom';

/**
 * What stands between a shared lab link and the author's own work: a link never replaces a kept
 * scenario of the same id, nor the draft being edited, without a choice made on screen.
 */

/** The first id of the form `id-2`, `id-3`… that nothing uses yet. */
export function freeId(id: string, taken: (id: string) => boolean): string {
  for (let n = 2; ; n++) if (!taken(`${id}-${n}`)) return `${id}-${n}`;
}

/**
 * The scenario's text with its own id (the top-level "id") changed, the rest as the author wrote
 * it; rewritten as plain JSON only when the id cannot be found where a scenario file keeps it.
 */
export function withId(text: string, from: string, to: string): string {
  const at = new RegExp(`("id"\\s*:\\s*)${JSON.stringify(from).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const swapped = text.replace(at, `$1${JSON.stringify(to)}`);
  try {
    if ((JSON.parse(swapped) as { id?: unknown }).id === to) return swapped;
  } catch {
    // Fall through to the rewrite.
  }
  const data = JSON.parse(text) as Record<string, unknown>;
  return `${JSON.stringify({ ...data, id: to }, null, 2)}\n`;
}

/** The choice a link's scenario asks for when this browser keeps another scenario under its id. */
export function keepChoice(id: string, renamed: string, onBoth: () => void, onReplace: () => void): HTMLElement {
  return h(
    'div',
    { class: 'notice', role: 'alert', 'data-testid': 'lab-keep-choice' },
    h(
      'p',
      {},
      `This browser already keeps a different scenario with the id “${id}”. The link’s scenario is open here as a draft; nothing kept was changed.`,
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': 'lab-keep-both', onclick: onBoth },
        `Keep both (this one as “${renamed}”)`,
      ),
      h(
        'button',
        { type: 'button', class: 'secondary', 'data-testid': 'lab-keep-replace', onclick: onReplace },
        `Replace the kept “${id}” (its games still open)`,
      ),
    ),
  );
}

/** Says where the draft a link displaced went, with the way back to it. */
export function asideNotice(source: string, onBack: () => void): HTMLElement {
  return h(
    'div',
    { class: 'notice', 'data-testid': 'lab-aside' },
    h('p', {}, `Your draft (${source}) was put aside, not lost.`),
    h(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': 'lab-aside-back', onclick: onBack },
      'Back to my draft',
    ),
  );
}
