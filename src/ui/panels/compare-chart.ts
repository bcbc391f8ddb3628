import { ENTER, EXIT } from '../../engine';
import type { Comparison, Tracked } from '../../replay/compare';
import { VAR_LABELS } from '../../replay/words';
import { h, svg } from '../dom';
import { chartAxes } from './chart';

const W = 360;
const H = 170;
const PAD = { l: 30, r: 10, t: 10, b: 22 };

/** A tracked value's name on a chart. */
function trackedLabel(t: Tracked): string {
  return t === 'l' ? 'Leadership index L' : t === 'm' ? 'Management index M' : VAR_LABELS[t];
}

/**
 * One headline meter or index over the turns in both runs: A solid with circles, B dashed with
 * squares, so the two are told apart without colour; a dotted upright marks the turn the runs
 * first differ. An index's chart marks the 62 that makes it high and the 50 it stays high down to.
 */
export function pairChart(c: Comparison, meter: Tracked): HTMLElement {
  const turns = Math.max(1, c.turnsA, c.turnsB);
  const x = (i: number): number => PAD.l + ((W - PAD.l - PAD.r) * i) / turns;
  const y = (v: number): number => PAD.t + ((H - PAD.t - PAD.b) * (100 - v)) / 100;
  const valuesOf = (run: 'a' | 'b'): number[] => [
    c.start[meter],
    ...c.turns.flatMap((t) => {
      const v = t.meters[meter][run];
      return v === null ? [] : [v];
    }),
  ];
  const line = (run: 'a' | 'b'): SVGElement => {
    const pts = valuesOf(run).map((v, i) => [x(i), y(v)] as const);
    return svg(
      'g',
      { class: `pair-series pair-${run}` },
      svg('polyline', {
        points: pts.map((p) => p.join(',')).join(' '),
        fill: 'none',
        'stroke-dasharray': run === 'a' ? 'none' : '6 3',
      }),
      ...pts.map(([px, py]) =>
        run === 'a'
          ? svg('circle', { cx: px, cy: py, r: 3.5, class: 'marker' })
          : svg('rect', { x: px - 3.5, y: py - 3.5, width: 7, height: 7, class: 'marker' }),
      ),
    );
  };
  const split =
    c.divergedAtTurn === null
      ? null
      : svg('line', {
          x1: x(c.divergedAtTurn - 1),
          x2: x(c.divergedAtTurn - 1),
          y1: PAD.t,
          y2: H - PAD.b,
          class: 'divergence-line',
        });
  const label = trackedLabel(meter);
  const a = valuesOf('a');
  const b = valuesOf('b');
  const summary = `${label}: run A ends at ${a[a.length - 1]}, run B at ${b[b.length - 1]}${
    c.divergedAtTurn === null ? '' : `; they part at turn ${c.divergedAtTurn}`
  }.`;
  return h(
    'figure',
    { class: 'chart pair-chart' },
    h('figcaption', {}, label),
    svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary, class: 'chart-svg' },
      ...chartAxes({ width: W, height: H, pad: PAD, turns, x, y, thresholds: meter === 'l' || meter === 'm' }),
      ...(split ? [split] : []),
      line('a'),
      line('b'),
    ),
  );
}

/** The key to both runs' lines, shown once above the charts. */
export function pairLegend(): HTMLElement {
  const key = (run: 'a' | 'b'): SVGElement => {
    const s = svg('svg', { viewBox: '0 0 34 12', width: 34, height: 12, 'aria-hidden': 'true' });
    s.append(
      svg('line', { x1: 1, x2: 33, y1: 6, y2: 6, 'stroke-dasharray': run === 'a' ? 'none' : '6 3' }),
      run === 'a'
        ? svg('circle', { cx: 17, cy: 6, r: 3.5, class: 'marker' })
        : svg('rect', { x: 13.5, y: 2.5, width: 7, height: 7, class: 'marker' }),
    );
    return s;
  };
  return h(
    'ul',
    { class: 'legend pair-legend' },
    h('li', { class: 'pair-a' }, key('a'), ' Run A (solid, circles)'),
    h('li', { class: 'pair-b' }, key('b'), ' Run B (dashed, squares)'),
    h('li', {}, '┆ where the runs first differ'),
    h('li', {}, `— — an index is high from ${ENTER}; · · · it stays high down to ${EXIT}`),
  );
}
