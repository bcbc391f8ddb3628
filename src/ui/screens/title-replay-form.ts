import { readLaunch } from '../../platform/links';
import type { AppContext } from '../context';
import { h } from '../dom';

/** "Watch a replay": a pasted replay code, or the code inside a pasted replay link, opens the viewer. */
export function replayForm(ctx: AppContext): HTMLElement {
  const codeInput = h('input', {
    id: 'replay-input',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'M1.…',
  });
  const openReplay = (e: Event): void => {
    e.preventDefault();
    const text = codeInput.value.trim();
    const fromLink = text.includes('?') ? readLaunch(text.slice(text.indexOf('?'))) : null;
    const code = fromLink?.kind === 'replay' ? fromLink.code : text;
    if (code) ctx.go({ kind: 'replay', code });
  };
  return h(
    'form',
    { class: 'replay-form', onsubmit: openReplay },
    h('label', { for: 'replay-input' }, 'Watch a replay: paste a replay code or link'),
    h('div', { class: 'inline' }, codeInput, h('button', { type: 'submit', class: 'secondary' }, 'Watch')),
  );
}
