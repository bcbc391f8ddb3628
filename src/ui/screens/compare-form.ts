import type { AppContext } from '../context';
import { h } from '../dom';
import { savedCodes } from '../saves';

/**
 * The two codes to compare, each typed or pasted (a code or a replay link) or chosen from this
 * browser's own games; submitting opens the comparison of what the fields hold.
 */
export function compareForm(ctx: AppContext, codeA: string, codeB: string): HTMLElement {
  const saved = savedCodes(ctx.store, ctx.entries);
  const field = (id: string, label: string, value: string): HTMLElement => {
    const input = h('input', {
      id,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'M1.…',
      value,
      'data-testid': id,
    });
    const pick =
      saved.length === 0
        ? null
        : h(
            'select',
            {
              'aria-label': `${label}: or choose one of your games`,
              onchange: (e: Event) => {
                const select = e.target as HTMLSelectElement;
                if (select.value) input.value = select.value;
              },
            },
            h('option', { value: '' }, 'or one of your games…'),
            ...saved.map((g) => h('option', { value: g.code }, g.label)),
          );
    return h('div', { class: 'compare-field' }, h('label', { for: id }, label), input, pick);
  };
  return h(
    'form',
    {
      class: 'compare-form',
      'aria-label': 'Runs to compare',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const value = (id: string): string =>
          (ctx.root.querySelector(`#${id}`) as HTMLInputElement | null)?.value ?? '';
        ctx.go({ kind: 'compare', a: value('compare-a'), b: value('compare-b') });
      },
    },
    field('compare-a', 'Run A: a replay code or link', codeA),
    field('compare-b', 'Run B: a replay code or link', codeB),
    h(
      'div',
      { class: 'inline' },
      h('button', { type: 'submit', class: codeA && codeB ? 'secondary' : 'primary' }, 'Compare'),
      h('button', { type: 'button', class: 'secondary', onclick: () => ctx.go({ kind: 'title' }) }, 'Title'),
    ),
  );
}
