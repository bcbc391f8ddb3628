import { shareFragment } from '../../lab/share-link';
import type { AppContext } from '../context';
import { h, mount } from '../dom';

/**
 * "Share": a link that carries the whole scenario, ready to copy, or why the scenario is too
 * large for one, with the download instead.
 */
export interface ShareBox {
  readonly element: HTMLElement;
  /** Makes the link to `text`, put in a field ready to copy. */
  share(text: string): Promise<void>;
  /** Takes the link away: another scenario is open. */
  clear(): void;
}

/** The share box; `download` offers the file instead, `problems` says whether the text has any. */
export function shareBox(
  ctx: Pick<AppContext, 'services' | 'announce'>,
  download: () => void,
  problems: () => boolean,
): ShareBox {
  const element = h('div', { class: 'lab-share-box' });
  const { services } = ctx;

  const refused = (reason: string): void =>
    mount(
      element,
      h('p', { class: 'notice', role: 'alert', 'data-testid': 'lab-share-refused' }, reason),
      h('button', { type: 'button', class: 'secondary', onclick: download }, 'Download the file'),
    );

  const copy = (link: string): void =>
    void services.copyText(link).then((ok) => {
      ctx.announce(ok ? 'Link copied.' : 'The browser refused to copy: select the link and copy it.');
    });

  return {
    element,
    async share(text) {
      const base = `${services.address.origin}${services.address.pathname}?lab`;
      const r = await shareFragment(text, { base });
      if (!r.ok) return refused(r.reason);
      const link = `${base}${r.fragment}`;
      const field = h('input', {
        type: 'text',
        readonly: true,
        value: link,
        id: 'lab-share-link',
        'data-testid': 'lab-share-link',
        'aria-label': 'Link to this scenario',
      });
      mount(
        element,
        h(
          'p',
          { class: 'small' },
          `A link of ${r.length.toLocaleString('en-US')} characters that carries the whole scenario:`,
        ),
        h(
          'div',
          { class: 'inline lab-share-row' },
          field,
          h('button', { type: 'button', class: 'secondary', onclick: () => copy(link) }, 'Copy the link'),
        ),
      );
      if (problems()) {
        element.append(
          h('p', { class: 'muted small' }, 'It still has problems: whoever opens it will see them listed.'),
        );
      }
      field.focus();
      field.select();
    },
    clear: () => mount(element),
  };
}
