import { compareInputs } from '../../replay/compare';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { codeFrom, joinedCodes } from './compare-codes';
import { compareForm } from './compare-form';
import { comparisonView } from './compare-view';

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
  ctx.setQuery(codeA || codeB ? { compare: joinedCodes(codeA, codeB) } : { compare: '' });
  const form = compareForm(ctx, codeA, codeB);
  const body = comparisonOrProblem(ctx, codeA, codeB);
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

/** The comparison of two codes, the one sentence why they cannot be compared, or nothing yet. */
function comparisonOrProblem(ctx: AppContext, codeA: string, codeB: string): HTMLElement | null {
  if (codeA && codeB) {
    const r = compareInputs(codeA, codeB, ctx.entries);
    return r.ok
      ? comparisonView(ctx, r.comparison, r.a, r.b, codeA, codeB)
      : h('p', { class: 'notice', role: 'alert', 'data-testid': 'compare-error' }, r.reason);
  }
  if (codeA || codeB) {
    return h(
      'p',
      { class: 'notice', role: 'alert', 'data-testid': 'compare-error' },
      `Run ${codeA ? 'B' : 'A'} is missing: paste a second replay code of the same scenario and seed.`,
    );
  }
  return null;
}
