import { linkTo } from '../../platform/links';
import { TRACKED, type Comparison, type VerifiedRun } from '../../replay/compare';
import type { AppContext } from '../context';
import { h } from '../dom';
import { pairChart, pairLegend } from '../panels/compare-chart';
import { joinedCodes } from './compare-codes';
import { compareRuns } from './compare-runs';
import { choicesTable, regimeGrid } from './compare-tables';

/**
 * Two verified runs compared: where they first differ, each run, ways to swap or share the
 * comparison, the causes that differ most, the headline meters' charts and the turn-by-turn tables.
 */
export function comparisonView(
  ctx: AppContext,
  c: Comparison,
  a: VerifiedRun,
  b: VerifiedRun,
  codeA: string,
  codeB: string,
): HTMLElement {
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
    compareRuns(ctx, { run: a, code: codeA }, { run: b, code: codeB }),
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
            const link = linkTo({ compare: joinedCodes(codeA, codeB) }, ctx.services.address);
            const done = await ctx.services.copyText(link);
            (e.target as HTMLElement).textContent = done ? 'Link copied' : 'Copying was refused: copy the address';
          },
        },
        'Copy a link to this comparison',
      ),
    ),
    c.causes.length || c.parting
      ? h(
          'section',
          { class: 'compare-causes', 'aria-labelledby': 'causes-title' },
          h('h2', { id: 'causes-title' }, 'What made the difference'),
          c.parting ? h('p', { 'data-testid': 'regimes-part' }, 'Where the regimes part: ', c.parting) : null,
          c.causes.length ? h('ol', {}, ...c.causes.map((x) => h('li', {}, x.text))) : null,
        )
      : null,
    h(
      'section',
      { class: 'compare-charts', 'aria-labelledby': 'charts-title' },
      h('h2', { id: 'charts-title' }, 'The headline meters and the indices'),
      pairLegend(),
      h('div', { class: 'pair-charts' }, ...TRACKED.map((m) => pairChart(c, m))),
    ),
    regimeGrid(c),
    choicesTable(c, a.scenario),
  );
}
