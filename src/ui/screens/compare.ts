import { HEADLINE, type Regime } from '../../engine';
import { linkTo, readLaunch } from '../../platform/links';
import { compareInputs, type Comparison, type VerifiedRun } from '../../replay/compare';
import type { ReplayChoice } from '../../replay/document';
import { namedByPlayer } from '../../replay/player-words';
import { choiceWords, signed, VAR_LABELS } from '../../replay/words';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { REGIME_INFO } from '../labels';
import { pairChart, pairLegend } from '../panels/compare-chart';
import { savedCodes } from '../saves';

/** Codes in a compare link are joined by this: it is never part of a code. */
const COMPARE_JOIN = '~';

/** A pasted code, or the code inside a pasted replay link. */
function codeFrom(text: string): string {
  const t = text.trim();
  const launch = t.includes('?') ? readLaunch(t.slice(t.indexOf('?'))) : null;
  return launch?.kind === 'replay' ? launch.code.trim() : t;
}

/**
 * Two runs of one scenario and seed side by side: where their choices first differ, both sets of
 * choices per turn, a chart per headline meter, both regime timelines, and the causes that differ
 * most. Either run can be any verified code: a branch and its parent, two teams, two attempts.
 */
export function compareScreen(ctx: AppContext, a = '', b = ''): void {
  // Marked on the browser's own performance timeline, where the page benchmark reads it.
  const started = performance.now();
  const codeA = codeFrom(a);
  const codeB = codeFrom(b);
  ctx.setQuery(codeA || codeB ? { compare: `${codeA}${COMPARE_JOIN}${codeB}` } : { compare: '' });
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
  const form = h(
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

  let body: HTMLElement | null = null;
  if (codeA && codeB) {
    const r = compareInputs(codeA, codeB, ctx.entries);
    body = r.ok
      ? comparisonView(ctx, r.comparison, r.a, r.b, codeA, codeB)
      : h('p', { class: 'notice', role: 'alert', 'data-testid': 'compare-error' }, r.reason);
  } else if (codeA || codeB) {
    body = h(
      'p',
      { class: 'notice', role: 'alert', 'data-testid': 'compare-error' },
      `Run ${codeA ? 'B' : 'A'} is missing: paste a second replay code of the same scenario and seed.`,
    );
  }
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen compare-screen' },
      h('h1', {}, 'Compare two runs'),
      h(
        'p',
        { class: 'muted' },
        'Two runs of the same scenario and seed start from the same team: every difference between them comes from the choices.',
      ),
      form,
      body,
    ),
  );
  performance.measure('momentum:compare', { start: started });
  ctx.onKey(null);
  const focus = body?.querySelector<HTMLElement>('[data-testid="divergence"]') ?? body;
  if (focus) {
    focus.setAttribute('tabindex', '-1');
    focus.focus();
    ctx.announce(focus.textContent ?? '');
  } else (ctx.root.querySelector('#compare-a') as HTMLElement | null)?.focus();
}

function comparisonView(
  ctx: AppContext,
  c: Comparison,
  a: VerifiedRun,
  b: VerifiedRun,
  codeA: string,
  codeB: string,
): HTMLElement {
  const scenario = a.scenario;
  const words = (choices: readonly ReplayChoice[] | null): string =>
    choices === null ? '—' : choices.length === 0 ? 'nothing' : choices.map((x) => choiceWords(scenario, x)).join('; ');
  const runLine = (name: 'A' | 'B', run: VerifiedRun, code: string): HTMLElement =>
    h(
      'li',
      {},
      h('strong', {}, `Run ${name}: `),
      `${run.document.turns.length} turns, ${REGIME_INFO[run.summary.outcome].label}, score ${run.summary.score}. Verified fingerprint `,
      h('code', { 'data-testid': `fingerprint-${name.toLowerCase()}` }, run.fingerprint),
      '. ',
      run.document.lineage
        ? `A branch: turns 1–${run.document.lineage.atTurn} are those of the run ending ${run.document.lineage.parentFinal}. `
        : '',
      namedByPlayer(run.document.meta) ?? '',
      ' ',
      h(
        'button',
        { type: 'button', class: 'secondary small', onclick: () => ctx.go({ kind: 'replay', code }) },
        `Watch run ${name}`,
      ),
    );
  const tag = (t: Comparison['turns'][number]): string =>
    t.choicesB === null ? 'only A' : t.choicesA === null ? 'only B' : 'differs';
  const regimeCell = (r: Regime | null): HTMLElement =>
    r === null
      ? h('td', { class: 'regime-cell' }, '—')
      : h(
          'td',
          { class: `regime-cell regime-cell-${r}`, title: REGIME_INFO[r].label },
          h('span', { 'aria-hidden': 'true' }, REGIME_INFO[r].icon),
          h('span', { class: 'sr-only' }, REGIME_INFO[r].label),
        );
  const meterCell = (t: Comparison['turns'][number], m: (typeof HEADLINE)[number]): HTMLElement => {
    const p = t.meters[m];
    return h(
      'td',
      {},
      `${p.a ?? '—'} / ${p.b ?? '—'}`,
      p.diff !== null && p.diff !== 0 ? h('span', { class: 'diff' }, ` (B ${signed(p.diff)})`) : null,
    );
  };
  return h(
    'div',
    { class: 'comparison' },
    h(
      'p',
      { class: 'lede', 'data-testid': 'divergence' },
      c.summary,
      c.divergedAtTurn !== null && c.divergedAtTurn > 1 ? ` Turns 1–${c.divergedAtTurn - 1} are the same in both.` : '',
    ),
    h('p', { class: 'muted' }, `${c.scenarioTitle} · seed “${c.seed}”`),
    h('ul', { class: 'compare-runs' }, runLine('A', a, codeA), runLine('B', b, codeB)),
    h(
      'div',
      { class: 'inline' },
      h(
        'button',
        { type: 'button', class: 'secondary small', onclick: () => ctx.go({ kind: 'compare', a: codeB, b: codeA }) },
        'Swap A and B',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary small',
          onclick: async (e: Event) => {
            const link = linkTo({ compare: `${codeA}${COMPARE_JOIN}${codeB}` });
            const done = await ctx.services.copyText(link);
            (e.target as HTMLElement).textContent = done ? 'Link copied' : 'Copying was refused: copy the address';
          },
        },
        'Copy a link to this comparison',
      ),
    ),
    c.causes.length
      ? h(
          'section',
          { class: 'compare-causes', 'aria-labelledby': 'causes-title' },
          h('h2', { id: 'causes-title' }, 'What made the difference'),
          h('ol', {}, ...c.causes.map((x) => h('li', {}, x.text))),
        )
      : null,
    h(
      'section',
      { class: 'compare-charts', 'aria-labelledby': 'charts-title' },
      h('h2', { id: 'charts-title' }, 'The headline meters'),
      pairLegend(),
      h('div', { class: 'pair-charts' }, ...HEADLINE.map((m) => pairChart(c, m))),
    ),
    h(
      'section',
      { 'aria-labelledby': 'regimes-title' },
      h('h2', { id: 'regimes-title' }, 'Regimes turn by turn'),
      h(
        'div',
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Regimes of both runs, turn by turn' },
        h(
          'table',
          { class: 'regime-grid' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, 'Run'), ...c.turns.map((t) => h('th', { scope: 'col' }, String(t.turn)))),
          ),
          h(
            'tbody',
            {},
            h('tr', {}, h('th', { scope: 'row' }, 'A'), ...c.turns.map((t) => regimeCell(t.regimeA))),
            h('tr', {}, h('th', { scope: 'row' }, 'B'), ...c.turns.map((t) => regimeCell(t.regimeB))),
          ),
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'turns-title' },
      h('h2', { id: 'turns-title' }, 'Choices turn by turn'),
      h(
        'div',
        {
          class: 'table-scroll',
          tabindex: '0',
          role: 'region',
          'aria-label': 'Choices and meters of both runs, turn by turn',
        },
        h(
          'table',
          { class: 'room-table compare-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Turn'),
              h('th', { scope: 'col' }, 'Run A chose'),
              h('th', { scope: 'col' }, 'Run B chose'),
              ...HEADLINE.map((m) => h('th', { scope: 'col' }, `${VAR_LABELS[m]} A / B`)),
            ),
          ),
          h(
            'tbody',
            {},
            ...c.turns.map((t) =>
              h(
                'tr',
                { class: t.same ? 'same' : 'differs' },
                h(
                  'th',
                  { scope: 'row' },
                  String(t.turn),
                  t.same ? '' : h('span', { class: 'differs-tag' }, ` ${tag(t)}`),
                ),
                h('td', { class: 'wrap' }, words(t.choicesA)),
                h('td', { class: 'wrap' }, words(t.choicesB)),
                ...HEADLINE.map((m) => meterCell(t, m)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
