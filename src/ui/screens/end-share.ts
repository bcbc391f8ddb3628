import { toCsv } from '../../replay/csv';
import { linkTo } from '../../platform/links';
import { compareWithParent } from '../compare-parent';
import type { AppContext } from '../context';
import { h } from '../dom';
import { replayOf, type Session } from '../session';
import { fileStem } from '../share';

/**
 * "Share and re-check this run": the replay code and its link to copy, the replay to watch, the
 * comparison to open, the fingerprint, and the run as a replay file or a CSV of its turns.
 */
export function shareSection(ctx: AppContext, session: Session): HTMLElement {
  const { document: doc, code, problem } = replayOf(session);
  const copied = h('span', { class: 'copied', role: 'status' });
  return h(
    'section',
    { class: 'share', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title' }, 'Share and re-check this run'),
    ...(code !== null
      ? codeControls(ctx, session, code, copied)
      : [h('p', { class: 'notice', 'data-testid': 'no-code' }, `${problem ?? ''} The replay file below keeps it.`)]),
    copied,
    h('p', { class: 'small' }, 'Fingerprint ', h('code', { 'data-testid': 'fingerprint' }, doc.final)),
    h(
      'p',
      { class: 'muted small' },
      'Anyone can re-play this code and get the same fingerprint: the run cannot be faked.',
    ),
    h(
      'div',
      { class: 'inline' },
      h(
        'button',
        {
          type: 'button',
          class: 'secondary small',
          onclick: () =>
            ctx.services.download(
              `${fileStem(session.scenario.id, session.seed)}.replay.json`,
              'application/json',
              `${JSON.stringify(doc, null, 2)}\n`,
            ),
        },
        'Download replay file',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary small',
          onclick: () =>
            ctx.services.download(
              `${fileStem(session.scenario.id, session.seed)}.csv`,
              'text/csv',
              toCsv(session.scenario, session.records),
            ),
        },
        'Export turns as CSV',
      ),
    ),
  );
}

/** The code field, copying the code or its link, watching the replay and comparing; `copied` says how copying went. */
function codeControls(ctx: AppContext, session: Session, code: string, copied: HTMLElement): (HTMLElement | null)[] {
  const share = linkTo({ replay: code }, ctx.services.address);
  const lineage = session.lineage;
  const withParent = lineage ? compareWithParent(ctx, lineage) : null;
  const copy = async (text: string, what: string): Promise<void> => {
    if (await ctx.services.copyText(text)) copied.textContent = `${what} copied.`;
    else {
      // Clipboard access can be refused; the field is selectable by hand.
      (ctx.root.querySelector('[data-testid="replay-code"]') as HTMLInputElement | null)?.select();
      copied.textContent = 'Copying was refused by the browser: the code is selected, copy it by hand.';
    }
  };
  /** A branch opens beside the run it came from; any other run opens the entry with this run as A. */
  const compare = (): void => {
    if (!withParent) return ctx.go({ kind: 'compare', a: code });
    withParent.open(code);
  };
  return [
    h('label', { for: 'replay-code' }, 'Replay code'),
    h('input', {
      id: 'replay-code',
      type: 'text',
      readonly: true,
      value: code,
      'data-testid': 'replay-code',
      onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
    }),
    h(
      'div',
      { class: 'inline' },
      h('button', { type: 'button', class: 'secondary', onclick: () => void copy(code, 'Code') }, 'Copy code'),
      h('button', { type: 'button', class: 'secondary', onclick: () => void copy(share, 'Link') }, 'Copy link'),
      h('a', { href: share, class: 'button secondary' }, 'Watch the replay'),
      h(
        'button',
        { type: 'button', class: 'secondary', 'data-testid': 'compare-open', onclick: compare },
        lineage ? 'Compare with the run it came from' : 'Compare with another run',
      ),
    ),
    withParent?.note ?? null,
  ];
}
