import { ENTER, EXIT, type GameState, HEADLINE, type Regime, type Scenario } from '../../engine';
import type { TurnRecord } from '../../replay/timeline';
import { firstRules } from '../../replay/first-rules';
import { collapseWarning, collapseWarningText, startReason, turnSummary } from '../../replay/turn-summary';
import { signed, VAR_LABELS } from '../../replay/words';
import { h } from '../dom';
import { METER_WORDS, REGIME_INFO } from '../labels';

const REGIMES: readonly Regime[] = ['momentum', 'chaos', 'stagnation', 'drift'];

function regimeWord(regime: Regime): HTMLElement {
  const info = REGIME_INFO[regime];
  return h(
    'span',
    { class: `regime-word regime-${regime}` },
    h('span', { 'aria-hidden': 'true' }, `${info.icon} `),
    info.label,
  );
}

/**
 * The last turn in a few lines, beside the world: regime, each headline meter's change with its
 * biggest cause, events and shifts, and a way to the full explanation. Before the first turn it
 * says why the team starts where it does.
 */
export function turnSummaryPanel(
  scenario: Scenario,
  records: readonly TurnRecord[],
  state: GameState,
  onWhy: () => void,
): HTMLElement {
  const record = records[records.length - 1] ?? null;
  if (!record) {
    return h(
      'section',
      { class: 'turn-summary', 'data-testid': 'turn-summary', 'aria-labelledby': 'turn-summary-title' },
      h('h2', { id: 'turn-summary-title', tabindex: '-1' }, 'Turn 1: you start in ', regimeWord(state.regime)),
      h('p', { class: 'start-reason' }, startReason(state)),
      h(
        'p',
        { class: 'muted small' },
        HEADLINE.map((v) => `${VAR_LABELS[v]} ${state.vars[v]}`).join(' · '),
        ` · L ${state.l} · M ${state.m}`,
      ),
    );
  }
  const sum = turnSummary(scenario, record);
  return h(
    'section',
    { class: 'turn-summary', 'data-testid': 'turn-summary', 'aria-labelledby': 'turn-summary-title' },
    h('h2', { id: 'turn-summary-title', tabindex: '-1' }, `Turn ${sum.turn} in short: `, regimeWord(sum.regime)),
    h(
      'ul',
      { class: 'summary-meters' },
      ...sum.meters.map((m) =>
        h(
          'li',
          { class: m.delta > 0 ? 'up' : m.delta < 0 ? 'down' : 'same' },
          h('strong', {}, m.label),
          ` ${m.from} → ${m.to} `,
          h('span', { class: 'delta' }, `${m.delta > 0 ? '▲ ' : m.delta < 0 ? '▼ ' : ''}${signed(m.delta)}`),
          m.cause === null
            ? null
            : m.delta === 0
              ? h('span', { class: 'summary-cause' }, ' its pushes cancelled out')
              : h('span', { class: 'summary-cause' }, ` mostly ${m.cause} (${signed(m.causeAmount)})`),
        ),
      ),
      ...sum.indices.map((x) =>
        h(
          'li',
          { class: `summary-index ${x.delta > 0 ? 'up' : x.delta < 0 ? 'down' : 'same'}`, 'data-index': x.index },
          h('strong', {}, x.label),
          ` ${x.from} → ${x.to} `,
          h('span', { class: 'delta' }, `${x.delta > 0 ? '▲ ' : x.delta < 0 ? '▼ ' : ''}${signed(x.delta)}`),
          x.driver === null
            ? null
            : x.delta === 0
              ? h('span', { class: 'summary-cause' }, ' its drivers’ moves cancelled out')
              : h(
                  'span',
                  { class: 'summary-cause' },
                  ` mostly ${x.driver} (${signed(x.driverDelta)})${x.cause ? `, chiefly from ${x.cause}` : ''}`,
                ),
        ),
      ),
    ),
    ...sum.shifts.map((t) => h('p', { class: 'summary-shift' }, h('span', { 'aria-hidden': 'true' }, '⚑ '), t)),
    ...firstRules(scenario, records, record).map((t) =>
      h('p', { class: 'summary-rule', 'data-testid': 'first-rule' }, t),
    ),
    h(
      'p',
      { class: sum.events.length ? 'summary-events' : 'summary-events none' },
      sum.events.length
        ? `${sum.shifts.length > 0 ? 'Other events' : 'Events'}: ${sum.events.join('; ')}.`
        : sum.shifts.length > 0
          ? 'No other events this turn.'
          : 'No events this turn.',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary small',
        'data-testid': 'summary-why',
        'aria-controls': 'turn-explanation',
        onclick: onWhy,
      },
      'Why? The full explanation',
    ),
  );
}

/** Shown only while chaos or stagnation is under way: how long until it ends the game, and why. */
export function collapseWarningPanel(state: GameState): HTMLElement | null {
  const w = collapseWarning(state);
  if (!w) return null;
  return h(
    'p',
    { class: `collapse-warning regime-${w.regime}`, 'data-testid': 'collapse-warning' },
    h('span', { 'aria-hidden': 'true' }, '⚠ '),
    h('strong', {}, 'Warning: '),
    collapseWarningText(w),
  );
}

/** One meter or index with a definition that opens by click, tap, Enter or Space. */
function meterItem(id: string, label: string, value: string, definition: string): HTMLElement {
  return h(
    'li',
    { 'data-testid': `meter-${id}` },
    h(
      'details',
      { class: 'meter-def' },
      h('summary', {}, h('span', { class: 'meter-name' }, label), ' ', h('strong', { class: 'meter-value' }, value)),
      h('p', { class: 'small' }, definition),
    ),
  );
}

/** The meters, the indices, the regime and its thresholds as text, each with its definition. */
export function metersPanel(state: GameState): HTMLElement {
  const high = (on: boolean): string => (on ? 'high' : 'not high');
  return h(
    'section',
    { class: 'meters', 'data-testid': 'meters', 'aria-labelledby': 'meters-title' },
    h('h2', { id: 'meters-title' }, 'Meters'),
    h(
      'ul',
      { class: 'meter-list' },
      ...HEADLINE.map((v) => meterItem(v, VAR_LABELS[v], String(state.vars[v]), METER_WORDS[v] ?? '')),
      meterItem('l', 'Leadership L', `${state.l} (${high(state.lHigh)})`, METER_WORDS.l ?? ''),
      meterItem('m', 'Management M', `${state.m} (${high(state.mHigh)})`, METER_WORDS.m ?? ''),
      h(
        'li',
        { 'data-testid': 'meter-regime' },
        h(
          'details',
          { class: 'meter-def' },
          h('summary', {}, h('span', { class: 'meter-name' }, 'Regime'), ' ', regimeWord(state.regime)),
          h(
            'p',
            { class: 'small' },
            `An index counts as high from ${ENTER} and stays high until it falls below ${EXIT}.`,
          ),
          h(
            'ul',
            { class: 'small regime-defs' },
            ...REGIMES.map((r) => h('li', {}, regimeWord(r), `: ${REGIME_INFO[r].blurb} ${REGIME_RULE[r]}`)),
          ),
        ),
      ),
    ),
  );
}

const REGIME_RULE: Record<Regime, string> = {
  momentum: '(L and M both high.)',
  chaos: '(L high, M not.)',
  stagnation: '(M high, L not.)',
  drift: '(Neither high.)',
};
