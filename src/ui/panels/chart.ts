import { ENTER, EXIT, type GameState } from '../../engine';
import { h, svg } from '../dom';

interface Series {
  readonly key: string;
  readonly label: string;
  readonly dash: string;
  readonly marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
  readonly value: (s: GameState) => number;
}

/** Each line differs by dash pattern and marker shape as well as colour. */
const SERIES: readonly Series[] = [
  { key: 'morale', label: 'Morale', dash: '', marker: 'circle', value: (s) => s.vars.morale },
  { key: 'execution', label: 'Execution', dash: '6 3', marker: 'square', value: (s) => s.vars.execution },
  { key: 'innovation', label: 'Innovation', dash: '2 3', marker: 'triangle', value: (s) => s.vars.innovation },
  { key: 'l', label: 'Leadership index (L)', dash: '10 4 2 4', marker: 'diamond', value: (s) => s.l },
  { key: 'm', label: 'Management index (M)', dash: '1 2', marker: 'cross', value: (s) => s.m },
];

const W = 480;
const H = 200;
const PAD = { l: 30, r: 10, t: 10, b: 22 };

/** History of the headline meters and both indices over the turns, as an SVG line chart. */
export function historyChart(states: readonly GameState[], turns: number, upTo = states.length - 1): HTMLElement {
  const x = (i: number): number => PAD.l + ((W - PAD.l - PAD.r) * i) / Math.max(1, turns);
  const y = (v: number): number => PAD.t + ((H - PAD.t - PAD.b) * (100 - v)) / 100;
  const shown = states.slice(0, upTo + 1);
  const axes = chartAxes({ width: W, height: H, pad: PAD, turns, x, y, thresholds: true });
  const lines = SERIES.map((s) => {
    const pts = shown.map((st, i) => [x(i), y(s.value(st))] as const);
    return svg(
      'g',
      { class: `series series-${s.key}` },
      svg('polyline', {
        points: pts.map((p) => p.join(',')).join(' '),
        'stroke-dasharray': s.dash || 'none',
        fill: 'none',
      }),
      ...pts.map(([px, py]) => marker(s.marker, px, py)),
    );
  });
  const last = shown[shown.length - 1];
  const summary = last
    ? `Chart of ${shown.length - 1} turns. Now: ${SERIES.map((s) => `${s.label} ${s.value(last)}`).join(', ')}.`
    : 'No turns yet.';
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary, class: 'chart-svg' },
    ...axes,
    ...lines,
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    ...SERIES.map((s) =>
      h(
        'li',
        { class: `series-${s.key}` },
        (() => {
          const key = svg('svg', { viewBox: '0 0 34 12', width: 34, height: 12, 'aria-hidden': 'true' });
          key.append(
            svg('line', { x1: 1, x2: 33, y1: 6, y2: 6, 'stroke-dasharray': s.dash || 'none' }),
            marker(s.marker, 17, 6),
          );
          return key;
        })(),
        ` ${s.label}`,
      ),
    ),
    h('li', { class: 'threshold-key' }, `— — an index is high from ${ENTER}`),
    h('li', { class: 'threshold-key exit' }, `· · · and stays high down to ${EXIT}`),
  );
  return h('figure', { class: 'chart' }, h('figcaption', {}, 'History'), chart, legend);
}

/**
 * The 0–100 grid with its labels, the turn numbers and the line where an index counts as high:
 * the frame every meter chart draws its lines on.
 */
export function chartAxes(c: {
  readonly width: number;
  readonly height: number;
  readonly pad: { readonly l: number; readonly r: number };
  readonly turns: number;
  readonly x: (turn: number) => number;
  readonly y: (value: number) => number;
  /** Draw the indices' thresholds: only on a chart that plots L or M. */
  readonly thresholds: boolean;
}): SVGElement[] {
  const grid = [0, 25, 50, 75, 100].map((v) =>
    svg(
      'g',
      {},
      svg('line', { x1: c.pad.l, x2: c.width - c.pad.r, y1: c.y(v), y2: c.y(v), class: 'grid' }),
      svg('text', { x: 2, y: c.y(v) + 4, class: 'axis' }, String(v)),
    ),
  );
  const ticks = Array.from({ length: c.turns + 1 }, (_, i) =>
    svg('text', { x: c.x(i) - 3, y: c.height - 6, class: 'axis' }, String(i)),
  );
  // Where an index becomes high, and where a high one stops being high.
  const thresholds = (
    c.thresholds
      ? [
          { v: ENTER, kind: 'enter' },
          { v: EXIT, kind: 'exit' },
        ]
      : []
  ).map(({ v, kind }) =>
    svg('line', { x1: c.pad.l, x2: c.width - c.pad.r, y1: c.y(v), y2: c.y(v), class: `threshold ${kind}` }),
  );
  return [...grid, ...ticks, ...thresholds];
}

function marker(kind: Series['marker'], x: number, y: number): SVGElement {
  const r = 3.5;
  switch (kind) {
    case 'circle':
      return svg('circle', { cx: x, cy: y, r, class: 'marker' });
    case 'square':
      return svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, class: 'marker' });
    case 'triangle':
      return svg('polygon', {
        points: `${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`,
        class: 'marker',
      });
    case 'diamond':
      return svg('polygon', {
        points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`,
        class: 'marker',
      });
    case 'cross':
      return svg('path', {
        d: `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`,
        class: 'marker cross',
      });
  }
}
