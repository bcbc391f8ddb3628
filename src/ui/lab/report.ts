import type { BalanceDetails, BalanceReport } from '../../bots/balance';
import { planCardText } from '../../bots/plan';
import { REGIMES } from '../../engine';
import type { Finding } from '../../lab/verdict';
import { h, svg } from '../dom';
import { REGIME_INFO } from '../labels';

/**
 * The balance report as `sim balance` prints it (outcomes of every bot, the strongest fixed
 * bundles, the best open-loop script, momentum by leadership share, the expert's leadership share by turn), with charts
 * drawn by shape, dash and label as well as colour, and the plain-language verdict first.
 */
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

const W = 480;
const H = 200;
const PAD = { l: 40, r: 24, t: 10, b: 30 };

/** A line chart of percentages: x from the first to the last point, y from 0 to 100. */
function lineChart(
  title: string,
  xLabel: string,
  points: readonly { x: number; y: number | null; xText: string }[],
  marker: 'circle' | 'square',
): SVGSVGElement {
  const xs = points.map((p) => p.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const x = (v: number): number => PAD.l + ((W - PAD.l - PAD.r) * (v - lo)) / Math.max(1, hi - lo);
  const y = (v: number): number => PAD.t + ((H - PAD.t - PAD.b) * (100 - v)) / 100;
  const grid = [0, 25, 50, 75, 100].map((v) =>
    svg(
      'g',
      {},
      svg('line', { x1: PAD.l, x2: W - PAD.r, y1: y(v), y2: y(v), class: 'grid' }),
      svg('text', { x: 2, y: y(v) + 4, class: 'axis' }, `${v}%`),
    ),
  );
  const step = Math.max(1, Math.ceil(points.length / 12));
  const ticks = points
    .filter((_, i) => i % step === 0 || i === points.length - 1)
    .map((p) => svg('text', { x: x(p.x) - 6, y: H - 14, class: 'axis' }, p.xText));
  const shown = points.filter((p): p is { x: number; y: number; xText: string } => p.y !== null);
  const d = shown.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
  const marks = shown.map((p) =>
    marker === 'circle'
      ? svg('circle', { cx: x(p.x), cy: y(p.y), r: 4, class: 'lab-mark' })
      : svg('rect', { x: x(p.x) - 4, y: y(p.y) - 4, width: 8, height: 8, class: 'lab-mark' }),
  );
  return svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'lab-chart', role: 'img', 'aria-label': title },
    svg('title', {}, title),
    ...grid,
    ...ticks,
    svg('text', { x: W / 2 - 40, y: H - 2, class: 'axis' }, xLabel),
    svg('path', { d, class: 'lab-line', fill: 'none' }),
    ...marks,
  );
}

/** Momentum rate of each bot as labelled horizontal bars. */
function barChart(title: string, rows: readonly { label: string; value: number }[]): SVGSVGElement {
  const rowH = 26;
  const labelW = 110;
  const height = rows.length * rowH + 8;
  const x = (v: number): number => ((W - labelW - 60) * v) / 100;
  return svg(
    'svg',
    { viewBox: `0 0 ${W} ${height}`, class: 'lab-chart', role: 'img', 'aria-label': title },
    svg('title', {}, title),
    ...rows.map((r, i) =>
      svg(
        'g',
        {},
        svg('text', { x: 0, y: i * rowH + 18, class: 'axis' }, r.label),
        svg('rect', { x: labelW, y: i * rowH + 6, width: Math.max(1, x(r.value)), height: 16, class: 'lab-bar' }),
        svg('text', { x: labelW + x(r.value) + 6, y: i * rowH + 18, class: 'axis' }, `${r.value.toFixed(1)}%`),
      ),
    ),
  );
}

function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  caption: string,
  open = false,
): HTMLElement {
  return h(
    'details',
    { class: 'lab-table-wrap', open },
    h('summary', {}, `The figures: ${caption.charAt(0).toLowerCase()}${caption.slice(1)}`),
    h(
      'table',
      { class: 'lab-table' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))))),
      ),
    ),
  );
}

export function reportView(
  report: BalanceReport,
  details: BalanceDetails,
  findings: readonly Finding[],
  seconds: number,
  title: (id: string) => string,
  member: (id: string) => string = (id) => id,
): HTMLElement {
  const { runs } = report;
  const policies = Object.entries(report.policies);
  return h(
    'section',
    { class: 'lab-report', 'data-testid': 'lab-report', 'aria-labelledby': 'lab-report-title' },
    h(
      'h2',
      { id: 'lab-report-title' },
      `Balance of ${report.scenario}: ${runs} ${runs === 1 ? 'game' : 'games'} per player`,
    ),
    h(
      'p',
      { class: 'muted small' },
      `Played in ${seconds.toFixed(1)} s, seeds “1” to “${runs}”, as sim balance plays them.`,
    ),
    h('h3', {}, 'Verdict'),
    h(
      'ul',
      { class: 'lab-verdict', 'data-testid': 'lab-verdict' },
      ...findings.map((f) => h('li', { 'data-kind': f.kind }, f.text)),
    ),
    h('h3', {}, `Outcomes by player (games of ${runs})`),
    barChart(
      'Share of games that end in momentum, by player',
      policies.map(([name, o]) => ({ label: name, value: (100 * o.momentum) / runs })),
    ),
    table(
      ['player', ...REGIMES.map((r) => `${REGIME_INFO[r].icon} ${r}`)],
      policies.map(([name, o]) => [name, ...REGIMES.map((r) => `${o[r]} (${pct(o[r] / runs)})`)]),
      'Outcome counts of every player',
      true,
    ),
    h('h3', {}, `Strongest fixed bundles (of ${details.bundles.toLocaleString('en-US')})`),
    h('p', { class: 'muted small' }, screening(details, runs)),
    report.fixedBundles.length
      ? h(
          'ol',
          { class: 'lab-bundles' },
          ...report.fixedBundles.map((b) =>
            h('li', {}, `${pct(b.momentum)} momentum: ${b.actions.map(title).join(' + ')}`),
          ),
        )
      : h('p', {}, 'No action fits a turn.'),
    h('h3', {}, 'Best open-loop script'),
    h(
      'p',
      { class: 'muted small' },
      `The same cards on the same turns in every game, whatever happens: the best of ${details.scriptClimbs} ` +
        `hill-climbs of ${details.scriptEvaluations} changes each on the first ${details.scriptSeeds} seeds, ` +
        `played on all ${runs}.`,
    ),
    h('p', { 'data-testid': 'lab-script' }, `${pct(report.script.momentum)} momentum with these cards:`),
    h(
      'ul',
      { class: 'lab-bundles' },
      ...report.script.plan.map((cards, k) =>
        h(
          'li',
          {},
          `Turn ${k + 1}: ${cards.length === 0 ? 'end the turn at once' : cards.map((c) => planCardText(c, title, member)).join(' + ')}`,
        ),
      ),
    ),
    h(
      'details',
      { class: 'lab-table-wrap' },
      h('summary', {}, 'The script as a plan file, for sim play or sim batch --policy plan:FILE'),
      h('pre', {}, JSON.stringify(report.script.plan)),
    ),
    h('h3', {}, 'Momentum by share of time spent leading'),
    lineChart(
      'Momentum rate by share of time spent leading',
      'share of time leading',
      report.leadershipShare.map((s) => ({ x: s.share, y: 100 * s.momentum, xText: `${s.share}` })),
      'circle',
    ),
    table(
      ['share leading', 'momentum'],
      report.leadershipShare.map((s) => [`${s.share}%`, pct(s.momentum)]),
      'Momentum by share of time spent leading',
    ),
    h('h3', {}, 'The expert’s share of time spent leading, by turn'),
    lineChart(
      'The expert’s average share of time spent leading, turn by turn',
      'turn',
      report.expertLeadershipByTurn.map((p, i) => ({ x: i + 1, y: p, xText: String(i + 1) })),
      'square',
    ),
    table(
      ['turn', 'share leading'],
      report.expertLeadershipByTurn.map((p, i) => [String(i + 1), p === null ? '–' : `${p.toFixed(1)}%`]),
      'The expert’s share of time spent leading, by turn',
    ),
  );
}

/** How the bundles were narrowed down, as the report did it for this many games. */
function screening(d: BalanceDetails, runs: number): string {
  if (d.firstScreenRuns >= runs) return `Every bundle was played on all ${runs} seeds.`;
  const steps = [`every bundle was played on ${d.firstScreenRuns} seeds`];
  steps.push(`the best ${d.firstKept} on ${d.screenRuns}`);
  if (d.screenRuns < runs) steps.push(`the best ${d.kept} on all ${runs}`);
  const text = steps.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
