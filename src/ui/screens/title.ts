import { readLaunch } from '../../platform/links';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { presenterToggle } from '../presenter';
import { resume, SAVE_KEY, SET_ASIDE_KEY } from '../session';

/** Title: start, resume the saved game, or open a replay code. */
export function titleScreen(ctx: AppContext, notice?: string): void {
  ctx.setQuery(null);
  const saved = ctx.store.get(SAVE_KEY);
  let resumeButton: HTMLElement | null = null;
  let problem = notice ?? null;
  if (saved !== null) {
    const r = resume(saved, ctx.entries);
    if (r.ok) {
      const s = r.session;
      // A finished game has nothing to resume: it offers its result instead.
      resumeButton = s.state.over
        ? h(
            'button',
            { type: 'button', class: 'primary', onclick: () => ctx.go({ kind: 'end', session: s }) },
            `See your last result: ${s.scenario.title}`,
          )
        : h(
            'button',
            { type: 'button', class: 'primary', onclick: () => ctx.go({ kind: 'play', session: s }) },
            `Resume ${s.scenario.title}, turn ${Math.min(s.state.turn, s.scenario.turns)} of ${s.scenario.turns}`,
          );
    } else {
      // Keep the damaged save under another key rather than deleting it: nothing is lost.
      ctx.store.set(SET_ASIDE_KEY, saved);
      ctx.store.remove(SAVE_KEY);
      problem = `${r.reason} It has been set aside; start a new game below.`;
    }
  }
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
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen title-screen' },
      h('h1', {}, 'Momentum'),
      h('p', { class: 'lede' }, 'A game about the difference between leading and managing a team.'),
      h(
        'ul',
        { class: 'rules-of-thumb' },
        h('li', {}, h('span', { class: 'regime-word regime-chaos' }, '⚡ Chaos'), ': lead without managing.'),
        h('li', {}, h('span', { class: 'regime-word regime-stagnation' }, '■ Stagnation'), ': manage without leading.'),
        h('li', {}, h('span', { class: 'regime-word regime-momentum' }, '▲ Momentum'), ': do both.'),
      ),
      problem ? h('p', { class: 'notice', role: 'alert' }, problem) : null,
      h(
        'div',
        { class: 'actions' },
        resumeButton,
        h(
          'button',
          { type: 'button', class: resumeButton ? 'secondary' : 'primary', onclick: () => ctx.go({ kind: 'picker' }) },
          'New game',
        ),
        presenterToggle(),
      ),
      h(
        'form',
        { class: 'replay-form', onsubmit: openReplay },
        h('label', { for: 'replay-input' }, 'Watch a replay: paste a replay code or link'),
        h('div', { class: 'inline' }, codeInput, h('button', { type: 'submit', class: 'secondary' }, 'Watch')),
      ),
      h(
        'p',
        { class: 'muted small' },
        'Everything runs in this page: no account, no server. Your game is saved in this browser after every turn.',
      ),
    ),
  );
  ctx.onKey(null);
  (ctx.root.querySelector('button.primary') as HTMLElement | null)?.focus();
}
