import { readLaunch } from '../../platform/links';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { presenterToggle } from '../presenter';
import { REGIME_INFO } from '../labels';
import { MAX_RESULTS, savedGames } from '../saves';
import { clip } from '../clip';
import type { Session } from '../session';

/** When a game was last played, in the player's own locale; saves from before this was kept say "earlier". */
function playedWhen(ms: number): string {
  return ms > 0 ? new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'earlier';
}

/** Title: start, resume any saved game, see past results, or open a replay code. */
export function titleScreen(ctx: AppContext, notice?: string): void {
  ctx.setQuery(null);
  const saved = savedGames(ctx.store, ctx.entries);
  const playing = saved.flatMap((g) => (g.ok && !g.session.state.over ? [g] : []));
  const results = saved.flatMap((g) => (g.ok && g.session.state.over ? [g] : []));
  const damaged = saved.flatMap((g) => (g.ok ? [] : [g]));
  // The game played last is offered first: to resume, or, finished, as its result.
  const newest = saved.flatMap((g) => (g.ok ? [g.session] : []))[0];
  const problem = notice ?? null;

  /** Deletes a save, with a notice that can put it back. */
  const remove = (key: string, what: string): void => {
    const text = ctx.store.get(key);
    ctx.store.remove(key);
    ctx.notices.show({
      id: 'deleted',
      text: `Deleted: ${what}.`,
      actions:
        text === null
          ? []
          : [
              {
                label: 'Undo',
                run: () => {
                  if (ctx.store.set(key, text)) {
                    ctx.notices.close('deleted');
                    ctx.go({ kind: 'title' });
                  } else ctx.announce('The browser refused to keep it again: its storage is full.');
                },
              },
            ],
    });
    ctx.go({ kind: 'title' });
  };
  const describe = (x: Session): string =>
    `${x.scenario.title}, seed “${clip(x.seed, 40)}”${x.lineage ? `, branch after turn ${x.lineage.atTurn}` : ''}`;
  const row = (text: string, ...buttons: HTMLElement[]): HTMLElement =>
    h(
      'li',
      { class: 'saved-game' },
      h('span', { class: 'saved-what' }, text),
      h('span', { class: 'inline' }, ...buttons),
    );
  const button = (label: string, name: string, run: () => void): HTMLElement =>
    h('button', { type: 'button', class: 'secondary small', 'aria-label': `${label}: ${name}`, onclick: run }, label);

  const lists = [
    playing.length
      ? h(
          'section',
          { class: 'saved-list', 'data-testid': 'saved-games' },
          h('h2', {}, 'Your games'),
          h(
            'ul',
            {},
            ...playing.map((g) => {
              const x = g.session;
              const name = describe(x);
              return row(
                `${name} · turn ${Math.min(x.state.turn, x.scenario.turns)} of ${x.scenario.turns} · last played ${playedWhen(g.header.playedAt)}`,
                button('Resume', name, () => ctx.go({ kind: 'play', session: x })),
                button('Delete', name, () => remove(g.key, `the game of ${name}`)),
              );
            }),
          ),
        )
      : null,
    results.length
      ? h(
          'section',
          { class: 'saved-list', 'data-testid': 'saved-results' },
          h('h2', {}, 'Your results'),
          h(
            'p',
            { class: 'muted small' },
            `The last ${MAX_RESULTS} finished games are kept; older ones make room for new ones.`,
          ),
          h(
            'ul',
            {},
            ...results.map((g) => {
              const x = g.session;
              const name = describe(x);
              return row(
                `${name} · ${REGIME_INFO[x.state.regime].label}, score ${x.state.score} · ${playedWhen(g.header.playedAt)}`,
                button('See result', name, () => ctx.go({ kind: 'end', session: x })),
                button('Delete', name, () => remove(g.key, `the result of ${name}`)),
              );
            }),
          ),
        )
      : null,
    damaged.length
      ? h(
          'section',
          { class: 'saved-list', 'data-testid': 'damaged-saves' },
          h('h2', {}, 'Saves that could not be opened'),
          h(
            'ul',
            {},
            ...damaged.map((g, i) => {
              const name = g.header
                ? `${clip(g.header.scenario, 40)}, seed “${clip(g.header.seed, 40)}”`
                : `save ${i + 1}`;
              return row(
                `${name}: ${g.reason}`,
                button('Download it', name, () =>
                  ctx.services.download(`momentum-save-${i + 1}.json`, 'application/json', g.text),
                ),
                button('Delete', name, () => remove(g.key, `the damaged save (${name})`)),
              );
            }),
          ),
        )
      : null,
  ];

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
        newest
          ? h(
              'button',
              {
                type: 'button',
                class: 'primary',
                onclick: () => ctx.go({ kind: newest.state.over ? 'end' : 'play', session: newest }),
              },
              newest.state.over
                ? `See your last result: ${newest.scenario.title}`
                : `Resume ${newest.scenario.title}, turn ${Math.min(newest.state.turn, newest.scenario.turns)} of ${newest.scenario.turns}`,
            )
          : null,
        h(
          'button',
          { type: 'button', class: newest ? 'secondary' : 'primary', onclick: () => ctx.go({ kind: 'picker' }) },
          'New game',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-testid': 'compare-start',
            onclick: () => ctx.go({ kind: 'compare' }),
          },
          'Compare runs',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-testid': 'lab-start',
            onclick: () => ctx.go({ kind: 'lab' }),
          },
          'Scenario lab',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-testid': 'workshop-start',
            onclick: () => ctx.go({ kind: 'workshop-setup' }),
          },
          'Run a workshop',
        ),
        presenterToggle(),
      ),
      ...lists,
      h(
        'form',
        { class: 'replay-form', onsubmit: openReplay },
        h('label', { for: 'replay-input' }, 'Watch a replay: paste a replay code or link'),
        h('div', { class: 'inline' }, codeInput, h('button', { type: 'submit', class: 'secondary' }, 'Watch')),
      ),
      h(
        'p',
        { class: 'muted small' },
        'Everything runs in this page: no account, no server. Each game is saved in this browser after every choice.',
      ),
    ),
  );
  ctx.onKey(null);
  (ctx.root.querySelector('button.primary') as HTMLElement | null)?.focus();
}
