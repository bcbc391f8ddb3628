import type { VerifiedRun } from '../../replay/compare';
import { namedByPlayer } from '../../replay/player-words';
import type { AppContext } from '../context';
import { h } from '../dom';
import { REGIME_INFO } from '../labels';

/** Run A and run B in a line each: length, outcome, score, fingerprint, origin and who played it. */
export function compareRuns(
  ctx: AppContext,
  a: { readonly run: VerifiedRun; readonly code: string },
  b: { readonly run: VerifiedRun; readonly code: string },
): HTMLElement {
  return h('ul', { class: 'compare-runs' }, runLine(ctx, 'A', a.run, a.code), runLine(ctx, 'B', b.run, b.code));
}

function runLine(ctx: AppContext, name: 'A' | 'B', run: VerifiedRun, code: string): HTMLElement {
  const lineage = run.document.lineage;
  return h(
    'li',
    {},
    h('strong', {}, `Run ${name}: `),
    `${run.document.turns.length} turns, ${REGIME_INFO[run.summary.outcome].label}, score ${run.summary.score}. Verified fingerprint `,
    h('code', { 'data-testid': `fingerprint-${name.toLowerCase()}` }, run.fingerprint),
    '. ',
    lineage ? `A branch: turns 1–${lineage.atTurn} are those of the run ending ${lineage.parentFinal}. ` : '',
    namedByPlayer(run.document.meta) ?? '',
    ' ',
    h(
      'button',
      { type: 'button', class: 'secondary small', onclick: () => ctx.go({ kind: 'replay', code }) },
      `Watch run ${name}`,
    ),
  );
}
