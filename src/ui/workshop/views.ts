import { REGIMES, type Scenario } from '../../engine';
import { tryEncodeCode } from '../../replay/code';
import {
  aspectProfiles,
  decisionsAt,
  debriefPrompts,
  firstDivergence,
  meterSeries,
  regimeTimeline,
  teamRows,
  type Room,
  type SeriesKey,
  type TeamRun,
} from '../../workshop';
import { queryString } from '../../platform/links';
import { clip } from '../clip';
import { h, svg } from '../dom';
import { REGIME_INFO } from '../labels';

const SERIES_LABEL: Record<SeriesKey, string> = {
  morale: 'Morale',
  execution: 'Execution',
  innovation: 'Innovation',
  l: 'Leadership index (L)',
  m: 'Management index (M)',
};

/** Line styles told apart without colour: each team has its own dash pattern and marker. */
const DASHES = ['none', '8 4', '2 4', '12 4 2 4', '6 6', '1 3', '14 6', '4 2 1 2'];
const COLORS = ['#7ab8ff', '#ffb35c', '#7fe0a0', '#d49bff', '#ff8fa8', '#5fd8e8', '#f2dd6b', '#c9a27e'];

/**
 * The room's table: one row per team (verified or not), a score ranking only when asked, and at
 * most `limit` rows (the first by name, or the best when ranked).
 */
export function roomTable(
  room: Room,
  scenario: Scenario,
  { ranked = false, limit = Infinity, shorten = false }: { ranked?: boolean; limit?: number; shorten?: boolean } = {},
): HTMLElement {
  const all = teamRows(room, scenario);
  if (ranked) all.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  const rows = all.slice(0, limit);
  const runs = new Map(room.teams.map((t) => [t.team, t]));
  const cell = (v: string | number | null): HTMLElement => h('td', {}, v === null ? '–' : String(v));
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Every team’s run' },
    h(
      'table',
      { class: 'room-table' },
      h('caption', { class: 'sr-only' }, 'Every team’s run'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            ...(ranked ? ['Rank'] : []),
            'Team',
            'Verified',
            'Turns',
            'Outcome',
            'Morale',
            'Execution',
            'Innovation',
            'L',
            'M',
            'Hours leading',
            'Hours managing',
            ...(ranked ? ['Score'] : []),
            'Replay',
          ].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r, i) => {
          const run = runs.get(r.team);
          const regime = r.outcome ?? r.regime;
          return h(
            'tr',
            {
              'data-testid': 'workshop-row',
              'data-team': r.team,
              'data-verified': String(r.verified),
              'data-fingerprint': r.fingerprint ?? '',
              // Turns played: how far a team has got, for a script as for the eye.
              'data-turn': r.turns === null ? '' : String(r.turns),
            },
            ...(ranked ? [cell(r.score === null ? null : i + 1)] : []),
            h('th', { scope: 'row' }, r.team),
            h(
              'td',
              { class: 'wrap' },
              r.verified ? '✓ verified' : '✗ refused',
              r.verified ? null : shortText(r.reason ?? '', shorten, 'refusal-text'),
              r.handIns > 1 ? h('span', { class: 'muted small' }, ` (${r.handIns} hand-ins, latest kept)`) : null,
            ),
            cell(r.turns === null ? null : `${r.turns}${r.finished ? '' : ', in progress'}`),
            h(
              'td',
              { class: 'wrap' },
              regime ? `${REGIME_INFO[regime].icon} ${REGIME_INFO[regime].label}` : '–',
              r.endingText ? shortText(r.endingText, shorten) : null,
            ),
            cell(r.morale),
            cell(r.execution),
            cell(r.innovation),
            cell(r.l),
            cell(r.m),
            cell(r.leadHours),
            cell(r.manageHours),
            ...(ranked ? [cell(r.score)] : []),
            h(
              'td',
              {},
              run
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary small',
                      'aria-label': `Watch the run of ${r.team}`,
                      // Encoded on demand: forty codes at every redraw would slow the room's table.
                      onclick: () => {
                        const code = tryEncodeCode(run.doc, scenario);
                        if (code.ok) window.open(`?replay=${encodeURIComponent(code.code)}`, '_blank', 'noopener');
                      },
                    },
                    'Watch',
                  )
                : '–',
              run?.of ? compareAttempts(room, run, scenario) : null,
            ),
          );
        }),
      ),
    ),
  );
}

/**
 * A long sentence in a table cell (an ending, why a hand-in was refused): whole on a laptop and in
 * print; on a projector (`shorten`) one line, shortened, with the whole sentence one click (or
 * Enter) away, so only there is it a button.
 */
function shortText(text: string, shorten: boolean, kind = 'ending-text'): HTMLElement {
  if (!shorten) return h('span', { class: `ending-text ${kind} muted` }, ` ${text}`);
  const more = h('button', { type: 'button', class: `ending-text ${kind} muted`, 'aria-expanded': 'false' }, text);
  more.addEventListener('click', () => {
    const open = more.getAttribute('aria-expanded') !== 'true';
    more.setAttribute('aria-expanded', String(open));
  });
  return more;
}

/** For a team's later attempt: its run and the run it left, side by side on the compare page. */
function compareAttempts(room: Room, run: TeamRun, scenario: Scenario): HTMLElement | null {
  const parent = room.teams.find((t) => t.fingerprint === run.of?.parent);
  const a = parent && tryEncodeCode(parent.doc, scenario);
  const b = tryEncodeCode(run.doc, scenario);
  if (!a?.ok || !b.ok) return null;
  return h(
    'a',
    {
      class: 'button secondary small',
      target: '_blank',
      rel: 'noopener',
      'data-testid': 'compare-attempts',
      href: `?${queryString({ compare: `${a.code}~${b.code}` })}`,
      'aria-label': `Compare ${run.team} with the run it left`,
    },
    'Compare',
  );
}

/** Team k's line: its colour and dash differ from every other's for the first 64 teams. */
function lineStyle(k: number): { color: string; dash: string } {
  return { color: COLORS[k % COLORS.length]!, dash: DASHES[Math.floor(k / COLORS.length) % DASHES.length]! };
}

/**
 * Where each line's end label goes: at its line's end, pushed apart (in order of height) so no
 * two labels overlap, and kept inside the plot.
 */
export function labelPlaces(ends: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ends.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed: number[] = [];
  // Down from the top, each at least a gap below the one above; then up from the bottom.
  for (const [j, o] of order.entries()) placed.push(Math.max(o.y, top, j > 0 ? placed[j - 1]! + gap : top));
  for (let j = placed.length - 1; j >= 0; j--)
    placed[j] = Math.min(placed[j]!, j + 1 < placed.length ? placed[j + 1]! - gap : bottom);
  const out = new Array<number>(ends.length);
  order.forEach((o, j) => (out[o.i] = placed[j]!));
  return out;
}

/**
 * Label heights for lines ending at (xs, ends): labels whose ends lie within one label's width of
 * each other are spread apart as one column; columns further apart do not meet.
 */
function placeLabels(
  xs: readonly number[],
  ends: readonly number[],
  at: { readonly gap: number; readonly top: number; readonly bottom: number; readonly width: number },
): number[] {
  const out = [...ends];
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.x - order[start]!.x < at.width) end++;
    const column = order.slice(start, end + 1).map((o) => o.i);
    const placed = labelPlaces(
      column.map((i) => ends[i]!),
      at.gap,
      at.top,
      at.bottom,
    );
    column.forEach((i, j) => (out[i] = placed[j]!));
    start = end + 1;
  }
  return out;
}

/**
 * One chart, a line per team, of the chosen meter over the turns; a highlighted team's line is
 * drawn thick and on top while the others fade.
 */
export function roomChart(
  room: Room,
  scenario: Scenario,
  key: SeriesKey,
  highlight: number | null = null,
): HTMLElement {
  const series = meterSeries(room, key);
  const W = 960;
  const LABEL = 16;
  // Tall enough that every team's end label has its own line.
  const H = Math.max(360, 60 + series.length * (LABEL + 2));
  const P = { l: 40, r: 190, t: 14, b: 30 };
  const turns = scenario.turns;
  const x = (i: number): number => P.l + ((W - P.l - P.r) * i) / Math.max(1, turns);
  const y = (v: number): number => P.t + ((H - P.t - P.b) * (100 - Math.max(0, Math.min(100, v)))) / 100;
  const ends = series.map((s) => y(s.values.at(-1) ?? 0));
  const places = placeLabels(
    series.map((s) => x(s.values.length - 1)),
    ends,
    { gap: LABEL + 1, top: P.t + 4, bottom: H - P.b, width: 170 },
  );
  const lines = series.map((s, k) => {
    const { color, dash } = lineStyle(k);
    const last = s.values.length - 1;
    const faded = highlight !== null && highlight !== k;
    const ex = x(last);
    return {
      k,
      el: svg(
        'g',
        { class: `team-line${faded ? ' faded' : ''}${highlight === k ? ' highlighted' : ''}` },
        svg('polyline', {
          points: s.values.map((v, i) => `${x(i)},${y(v)}`).join(' '),
          fill: 'none',
          stroke: color,
          'stroke-width': highlight === k ? 5 : 2.5,
          'stroke-dasharray': dash,
        }),
        // A leader from the line's end to its label when the label had to move.
        ...(Math.abs(places[k]! - ends[k]!) > 2
          ? [svg('line', { x1: ex, y1: ends[k]!, x2: ex + 8, y2: places[k]! - 4, stroke: color, class: 'leader' })]
          : []),
        svg('text', { x: ex + 10, y: places[k]!, class: 'line-label', fill: color }, clip(s.team, 18)),
      ),
    };
  });
  // The highlighted line last, so it is drawn over the others.
  lines.sort((a, b) => Number(a.k === highlight) - Number(b.k === highlight));
  return h(
    'figure',
    // On a phone the chart keeps a readable width and scrolls sideways, so it can take focus.
    { class: 'room-chart', tabindex: '0', role: 'group', 'aria-label': `${SERIES_LABEL[key]} chart` },
    svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${SERIES_LABEL[key]} of every team, turn by turn` },
      ...[0, 25, 50, 75, 100].map((v) =>
        svg(
          'g',
          {},
          svg('line', { x1: P.l, x2: W - P.r, y1: y(v), y2: y(v), class: 'grid' }),
          svg('text', { x: 4, y: y(v) + 4, class: 'axis' }, String(v)),
        ),
      ),
      ...Array.from({ length: turns + 1 }, (_, i) => svg('text', { x: x(i) - 3, y: H - 8, class: 'axis' }, String(i))),
      ...lines.map((l) => l.el),
    ),
    h(
      'figcaption',
      { class: 'muted small' },
      `${SERIES_LABEL[key]}: turn 0 is the start; each line ends at its team’s last turn, labelled with its name.`,
    ),
  );
}

/** Team × turn: each cell names its regime by icon and word (colour only repeats it). */
export function regimeGrid(room: Room, scenario: Scenario): HTMLElement {
  const lines = regimeTimeline(room);
  const legend = h(
    'p',
    { class: 'regime-legend' },
    ...REGIMES.map((r) =>
      h('span', { class: `regime-key regime-cell-${r}` }, `${REGIME_INFO[r].icon} ${REGIME_INFO[r].label}`),
    ),
  );
  return h('div', {}, legend, regimeTable(lines, scenario));
}

function regimeTable(lines: ReturnType<typeof regimeTimeline>, scenario: Scenario): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Each team’s regime after every turn' },
    h(
      'table',
      { class: 'regime-grid' },
      h('caption', { class: 'sr-only' }, 'Each team’s regime after every turn'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Team'),
          ...Array.from({ length: scenario.turns }, (_, i) => h('th', { scope: 'col' }, String(i + 1))),
        ),
      ),
      h(
        'tbody',
        {},
        ...lines.map((l) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, l.team),
            ...Array.from({ length: scenario.turns }, (_, i) => {
              const r = l.regimes[i];
              return r
                ? h(
                    'td',
                    { class: `regime-cell regime-cell-${r}`, title: REGIME_INFO[r].label },
                    h('span', { 'aria-hidden': 'true' }, REGIME_INFO[r].icon),
                    h('span', { class: 'sr-only' }, REGIME_INFO[r].label),
                  )
                : h('td', { class: 'regime-cell' }, h('span', { class: 'sr-only' }, 'not played'));
            }),
          ),
        ),
      ),
    ),
  );
}

/** What each team chose at one turn, and where the room's choices first parted. */
export function decisions(room: Room, scenario: Scenario, turn: number): HTMLElement {
  const first = firstDivergence(room);
  return h(
    'div',
    { class: 'decisions' },
    h(
      'p',
      { 'data-testid': 'divergence' },
      room.teams.length < 2
        ? 'The choices are compared once two teams have handed in.'
        : first === null
          ? 'Every team made the same choices so far: their runs are identical.'
          : first === 1
            ? 'The teams chose differently from the very first turn: they share a seed, so every difference in outcome comes from their choices.'
            : `The teams’ choices first differ at turn ${first}. Until then every run was the same: they share a seed, so every difference in outcome comes from choices.`,
    ),
    sideBySide(room, scenario),
    h(
      'ul',
      {},
      ...decisionsAt(room, scenario, turn).map((d) =>
        h(
          'li',
          {},
          h('strong', {}, d.team),
          ': ',
          d.played
            ? d.choices.length
              ? d.choices.join('; ')
              : 'ended the turn without acting'
            : 'did not play this turn',
        ),
      ),
    ),
  );
}

/** Each team's hours on the two sides of the eight aspects, and the room's average. */
export function profiles(room: Room): HTMLElement {
  const p = aspectProfiles(room);
  const rows = [
    ...p.teams.map((t) => ({ name: t.team, profile: t.profile })),
    { name: 'Room average', profile: p.average },
  ];
  const aspects = p.average.aspects;
  return h(
    'div',
    {
      class: 'table-scroll',
      tabindex: '0',
      role: 'region',
      'aria-label': 'Hours spent leading and managing on each of the eight aspects',
    },
    h(
      'table',
      { class: 'profile-grid' },
      h('caption', { class: 'sr-only' }, 'Hours spent leading and managing on each of the eight aspects'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Team'),
          ...aspects.map((a) => h('th', { scope: 'col' }, a.title)),
          h('th', { scope: 'col' }, 'Leading : managing'),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, r.name),
            ...r.profile.aspects.map((a) => h('td', {}, `${a.lead} : ${a.manage}`)),
            h('td', {}, `${r.profile.lead} : ${r.profile.manage}`),
          ),
        ),
      ),
    ),
  );
}

/** Questions for the debrief, from the room's own runs first. */
export function prompts(room: Room, scenario: Scenario): HTMLElement {
  return h('ol', { class: 'prompts' }, ...debriefPrompts(room, scenario).map((p) => h('li', {}, p)));
}

/** Any two teams' runs opened side by side on the compare page, in a new tab so the room stays. */
function sideBySide(room: Room, scenario: Scenario): HTMLElement | null {
  const runs = room.teams.flatMap((t) => {
    const r = tryEncodeCode(t.doc, scenario);
    return r.ok ? [{ team: t.team, code: r.code }] : [];
  });
  if (runs.length < 2) return null;
  const pick = (label: string, chosen: number): HTMLSelectElement =>
    h(
      'select',
      { 'aria-label': label },
      ...runs.map((r, i) => h('option', { value: String(i), ...(i === chosen ? { selected: true } : {}) }, r.team)),
    );
  const a = pick('First team to compare', 0);
  const b = pick('Second team to compare', 1);
  const open = h(
    'a',
    { class: 'button secondary small', target: '_blank', rel: 'noopener', 'data-testid': 'compare-teams' },
    'Open the two runs side by side',
  );
  const update = (): void => {
    const x = runs[Number(a.value)]!;
    const y = runs[Number(b.value)]!;
    // Relative: the page's own address with another query.
    open.setAttribute('href', `?${queryString({ compare: `${x.code}~${y.code}` })}`);
  };
  a.addEventListener('change', update);
  b.addEventListener('change', update);
  update();
  return h('div', { class: 'inline compare-teams no-print' }, a, h('span', {}, 'and'), b, open);
}
