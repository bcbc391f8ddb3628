import { endingText } from '../../engine';
import { toCsv } from '../../replay/csv';
import { turningPoints } from '../../replay/turning-points';
import { linkTo } from '../../platform/links';
import type { AppContext } from '../context';
import { compareWithParent } from '../compare-parent';
import { h, mount } from '../dom';
import { REGIME_INFO } from '../labels';
import { historyChart } from '../panels/chart';
import { handInPanel } from '../panels/hand-in';
import { turnExplanation } from '../panels/explain';
import { profileTable } from '../panels/profile';
import { scoreTable } from '../panels/score';
import { gameQuery, newSession, replayOf, type Session } from '../session';
import { fileStem } from '../share';
import { worldViewOf } from '../world-view';

/** Outcome, profile, story, and the replay code to share or re-check. */
export function endScreen(ctx: AppContext, session: Session): void {
  const s = session.scenario;
  const st = session.state;
  const outcome = st.regime;
  const { document: doc, code, problem } = replayOf(session);
  const share = code === null ? null : linkTo({ replay: code });
  // The address names the game, so a reload comes back to this result (the share link is the code).
  ctx.setQuery(gameQuery(session));
  const copied = h('span', { class: 'copied', role: 'status' });
  const copy = async (text: string, what: string): Promise<void> => {
    if (await ctx.services.copyText(text)) copied.textContent = `${what} copied.`;
    else {
      // Clipboard access can be refused; the field is selectable by hand.
      (ctx.root.querySelector('[data-testid="replay-code"]') as HTMLInputElement | null)?.select();
      copied.textContent = 'Copying was refused by the browser: the code is selected, copy it by hand.';
    }
  };
  const points = turningPoints(s, session.records);
  const last = session.records[session.records.length - 1];
  const early = st.early;
  const file = fileStem(s.id, session.seed);
  const lineage = session.lineage;
  const withParent = lineage ? compareWithParent(ctx, lineage) : null;
  /** A branch opens beside the run it came from; any other run opens the entry with this run as A. */
  const compare = (): void => {
    if (code === null) return;
    if (!withParent) return ctx.go({ kind: 'compare', a: code });
    withParent.open(code);
  };
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen end-screen' },
      h(
        'header',
        { class: 'end-header' },
        h(
          'p',
          { class: 'muted' },
          `${s.title} · seed “${session.seed}” · ${session.records.length} of ${s.turns} turns`,
          lineage ? ` · branch: turns 1–${lineage.atTurn} re-played from another run` : '',
        ),
        h(
          'h1',
          { class: `outcome-title regime-${outcome}` },
          h('span', { 'aria-hidden': 'true' }, `${REGIME_INFO[outcome].icon} `),
          h('span', { 'data-testid': 'outcome' }, outcome),
        ),
        h('p', { class: 'lede' }, endingText(s, st.ending)),
        early
          ? h('p', { class: 'notice' }, `The game ended early: ${outcome} lasted ${s.collapseAfter} turns in a row.`)
          : null,
        h(
          'p',
          { class: 'score' },
          'Score ',
          h('strong', { 'data-testid': 'score' }, String(st.score)),
          ` · morale ${st.vars.morale}, execution ${st.vars.execution}, innovation ${st.vars.innovation} · progress ${st.vars.progress}%`,
        ),
      ),
      h(
        'div',
        { class: 'end-grid' },
        h(
          'div',
          { class: 'stage' },
          ctx.world.element,
          historyChart([session.start, ...session.records.map((r) => r.after)], s.turns),
        ),
        h(
          'div',
          { class: 'end-side' },
          session.meta?.room ? handInPanel(ctx, session, false) : null,
          h('section', { class: 'score-section', 'aria-label': 'Score' }, scoreTable(st)),
          h(
            'section',
            { class: 'share', 'aria-labelledby': 'share-title' },
            h('h2', { id: 'share-title' }, 'Share and re-check this run'),
            ...(code !== null && share !== null
              ? [
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
                    h(
                      'button',
                      { type: 'button', class: 'secondary', onclick: () => void copy(code, 'Code') },
                      'Copy code',
                    ),
                    h(
                      'button',
                      { type: 'button', class: 'secondary', onclick: () => void copy(share, 'Link') },
                      'Copy link',
                    ),
                    h('a', { href: share, class: 'button secondary' }, 'Watch the replay'),
                    h(
                      'button',
                      { type: 'button', class: 'secondary', 'data-testid': 'compare-open', onclick: compare },
                      lineage ? 'Compare with the run it came from' : 'Compare with another run',
                    ),
                  ),
                  withParent?.note ?? null,
                ]
              : [
                  h(
                    'p',
                    { class: 'notice', 'data-testid': 'no-code' },
                    `${problem ?? ''} The replay file below keeps it.`,
                  ),
                ]),
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
                      `${file}.replay.json`,
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
                  onclick: () => ctx.services.download(`${file}.csv`, 'text/csv', toCsv(s, session.records)),
                },
                'Export turns as CSV',
              ),
            ),
          ),
          h(
            'div',
            { class: 'actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'primary',
                onclick: () => {
                  const entry = ctx.entries.find((e) => e.scenario.id === s.id);
                  if (entry)
                    ctx.go({
                      kind: 'play',
                      session: newSession(entry, session.seed, session.meta ? { meta: session.meta } : {}),
                    });
                },
              },
              'Play again with the same seed',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () => ctx.go({ kind: 'picker', scenario: s.id }),
              },
              'New game',
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'profile-section' },
        h('h2', {}, 'Your profile across the eight aspects'),
        profileTable(st),
      ),
      h(
        'section',
        { class: 'story' },
        h('h2', {}, 'Turning points'),
        h('ol', {}, ...points.map((p) => h('li', {}, p))),
      ),
      last ? h('section', { class: 'last-turn' }, h('h2', {}, 'The last turn'), turnExplanation(s, last)) : null,
    ),
  );
  // The scene names the last turn played, as the header does.
  ctx.world.show({ ...worldViewOf(s, st, last ?? null), turn: session.records.length });
  ctx.announce(`Game over: ${REGIME_INFO[outcome].label}. ${endingText(s, st.ending)} Score ${st.score}.`);
  ctx.onKey(null);
  // Focus the main action without scrolling to it: the screen opens at its outcome.
  (ctx.root.querySelector('button.primary') as HTMLElement | null)?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}
