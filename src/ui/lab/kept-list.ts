import { forgetScenario, keptScenarios } from '../../platform/custom-scenarios';
import type { Store } from '../../platform/storage';
import { h, mount } from '../dom';
import type { Notices } from '../notices';

/**
 * The scenarios this browser keeps for play, each with the room it takes and a Delete that an
 * undo takes back. Deleting frees the browser's storage; games of a deleted scenario are kept
 * among the saved games and open again if its file is opened in the lab.
 */
export function keptList(
  store: Store,
  notices: Pick<Notices, 'show' | 'close'>,
  announce: (s: string) => void,
): { readonly element: HTMLElement; readonly refresh: () => void } {
  const box = h('details', { class: 'lab-kept', 'data-testid': 'lab-kept' });
  const draw = (): void => {
    const kept = keptScenarios(store);
    mount(
      box,
      h('summary', {}, `Scenarios kept in this browser (${kept.length})`),
      kept.length === 0
        ? h('p', { class: 'muted small' }, 'None: a valid scenario opened here is kept so its games can be played.')
        : h(
            'ul',
            {},
            ...kept.map((k) =>
              h(
                'li',
                {},
                `${k.title} (${k.id}), ${Math.max(1, Math.round(k.chars / 1024)).toLocaleString('en')} KB `,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary small',
                    'data-testid': `lab-kept-delete-${k.id}`,
                    'aria-label': `Delete ${k.title} (${k.id}) from this browser`,
                    onclick: () => forget(k.id, k.title),
                  },
                  'Delete',
                ),
              ),
            ),
          ),
    );
  };
  const forget = (id: string, title: string): void => {
    const removed = forgetScenario(store, id);
    const words = `“${title}” (${id}) was deleted from this browser.`;
    announce(words);
    notices.show({
      id: 'lab-kept',
      text: words,
      actions: [
        {
          label: 'Undo',
          run: () => {
            for (const [key, text] of removed) store.set(key, text);
            notices.close('lab-kept');
            announce(`“${title}” is kept again.`);
            draw();
          },
        },
      ],
    });
    draw();
  };
  draw();
  return { element: box, refresh: draw };
}
