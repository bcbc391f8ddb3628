import type { AppContext } from '../context';
import { clip } from '../clip';
import { h } from '../dom';
import { REGIME_INFO } from '../labels';
import { MAX_RESULTS, type SavedGame } from '../saves';
import type { Session } from '../session';

/** Deletes the save kept under `key`; `what` names it in the notice that can put it back. */
export type RemoveSave = (key: string, what: string) => void;

type Opened = Extract<SavedGame, { ok: true }>;
type Damaged = Extract<SavedGame, { ok: false }>;

/**
 * This browser's saves on the title: games to resume, finished results, and saves that could not
 * be opened (to download or delete). A list with nothing in it is left out.
 */
export function savedLists(ctx: AppContext, saved: readonly SavedGame[], remove: RemoveSave): (HTMLElement | null)[] {
  const playing = saved.flatMap((g) => (g.ok && !g.session.state.over ? [g] : []));
  const results = saved.flatMap((g) => (g.ok && g.session.state.over ? [g] : []));
  const damaged = saved.flatMap((g) => (g.ok ? [] : [g]));
  return [
    playing.length ? gamesList(ctx, playing, remove) : null,
    results.length ? resultsList(ctx, results, remove) : null,
    damaged.length ? damagedList(ctx, damaged, remove) : null,
  ];
}

function gamesList(ctx: AppContext, playing: readonly Opened[], remove: RemoveSave): HTMLElement {
  return h(
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
  );
}

function resultsList(ctx: AppContext, results: readonly Opened[], remove: RemoveSave): HTMLElement {
  return h(
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
  );
}

function damagedList(ctx: AppContext, damaged: readonly Damaged[], remove: RemoveSave): HTMLElement {
  return h(
    'section',
    { class: 'saved-list', 'data-testid': 'damaged-saves' },
    h('h2', {}, 'Saves that could not be opened'),
    h(
      'ul',
      {},
      ...damaged.map((g, i) => {
        const name = g.header ? `${clip(g.header.scenario, 40)}, seed “${clip(g.header.seed, 40)}”` : `save ${i + 1}`;
        return row(
          `${name}: ${g.reason}`,
          button('Download it', name, () =>
            ctx.services.download(`momentum-save-${i + 1}.json`, 'application/json', g.text),
          ),
          button('Delete', name, () => remove(g.key, `the damaged save (${name})`)),
        );
      }),
    ),
  );
}

/** When a game was last played, in the player's own locale; saves from before this was kept say "earlier". */
function playedWhen(ms: number): string {
  return ms > 0 ? new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'earlier';
}

function describe(x: Session): string {
  return `${x.scenario.title}, seed “${clip(x.seed, 40)}”${x.lineage ? `, branch after turn ${x.lineage.atTurn}` : ''}`;
}

function row(text: string, ...buttons: HTMLElement[]): HTMLElement {
  return h(
    'li',
    { class: 'saved-game' },
    h('span', { class: 'saved-what' }, text),
    h('span', { class: 'inline' }, ...buttons),
  );
}

function button(label: string, name: string, run: () => void): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'secondary small', 'aria-label': `${label}: ${name}`, onclick: run },
    label,
  );
}
