import type { Lineage } from '../replay/document';
import type { AppContext } from './context';
import { h } from './dom';
import { parentCodeOf } from './saves';

/**
 * "Compare with the run it came from", for a branch's end screen and replay: opens the two runs
 * side by side, or, when the parent run is not in this browser, says so in `note` (a status line
 * the screen places) and how to go on.
 */
export function compareWithParent(
  ctx: AppContext,
  lineage: Lineage & { readonly parentCode?: string },
): { readonly note: HTMLElement; open(code: string): void } {
  // Read out through the page's live region when shown, so not a live region itself.
  const note = h('p', { class: 'notice small', 'data-testid': 'compare-refused' });
  note.hidden = true;
  return {
    note,
    open(code) {
      const parent = parentCodeOf(lineage, ctx.store, ctx.entries);
      if (parent) return ctx.go({ kind: 'compare', a: parent, b: code });
      note.textContent = `The run this branch came from (fingerprint ${lineage.parentFinal}) is not saved in this browser: paste its code beside this one to compare them.`;
      note.hidden = false;
      ctx.announce(note.textContent);
    },
  };
}
