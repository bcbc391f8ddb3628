import { ENTER, EXIT, INDEX_WEIGHTS, type GameState, type VarName } from '../../engine';
import { VAR_LABELS } from '../../replay/words';
import { h } from '../dom';

type Index = keyof typeof INDEX_WEIGHTS;

const INDEX_NAMES: Record<Index, string> = { l: 'Leadership L', m: 'Management M' };

/** Where the index stands against its thresholds, in words: the margin a player plays to. */
function standing(value: number, high: boolean): string {
  if (high) return `high: stays high while ${EXIT} or more (${value - EXIT} above)`;
  return `not high: counts as high from ${ENTER} (${ENTER - value} to go)`;
}

/** A line drawn across a bar: a threshold the text beside it names. */
export interface BarMark {
  readonly at: number;
  readonly kind: 'enter' | 'exit';
}

/** A bar from 0 to 100 with its thresholds marked; its words are in the text beside it. */
export function markedBar(value: number, kind: string, marks: readonly BarMark[] = []): HTMLElement {
  return h(
    'span',
    { class: `driver-scale ${kind}`, 'aria-hidden': 'true' },
    h('span', { class: 'driver-fill', style: `width:${value}%` }),
    ...marks.map((m) => h('span', { class: `driver-mark ${m.kind}`, style: `left:${m.at}%` })),
  );
}

const INDEX_MARKS: readonly BarMark[] = [
  { at: EXIT, kind: 'exit' },
  { at: ENTER, kind: 'enter' },
];

function indexBlock(state: GameState, index: Index): HTMLElement {
  const value = state[index];
  const high = index === 'l' ? state.lHigh : state.mHigh;
  const weights = Object.entries(INDEX_WEIGHTS[index]) as [VarName, number][];
  return h(
    'div',
    { class: `driver-index${high ? ' high' : ''}`, 'data-index': index },
    h(
      'p',
      { class: 'driver-head' },
      h('strong', {}, `${INDEX_NAMES[index]} `, h('span', { class: 'driver-index-value' }, String(value))),
      ' ',
      h('span', { class: 'driver-standing' }, standing(value, high)),
    ),
    markedBar(value, 'index', INDEX_MARKS),
    h(
      'ul',
      { class: 'driver-list', 'aria-label': `What makes ${INDEX_NAMES[index]}` },
      ...weights.map(([name, weight]) =>
        h(
          'li',
          { 'data-var': name },
          h('span', { class: 'driver-name' }, VAR_LABELS[name]),
          h('span', { class: 'driver-weight' }, ` ${weight}% `),
          markedBar(state.vars[name], 'var'),
          ' ',
          h('strong', { class: 'driver-value' }, String(state.vars[name])),
        ),
      ),
    ),
  );
}

/**
 * The regime's drivers in view, without opening anything: L and M against their thresholds
 * (high from 62, high until below 50, marked on each bar), and under each the variables it is
 * made of, with their weights, as the engine computes them.
 */
export function driversPanel(state: GameState): HTMLElement {
  return h(
    'section',
    { class: 'drivers', 'data-testid': 'drivers', 'aria-labelledby': 'drivers-title' },
    h('h2', { id: 'drivers-title' }, 'What drives the regime'),
    h(
      'p',
      { class: 'small muted drivers-rule' },
      `Both indices high is momentum; only L, chaos; only M, stagnation. Each index is its drivers' weighted mean; the marks on its bar are ${EXIT} and ${ENTER}.`,
    ),
    h('div', { class: 'driver-indices' }, indexBlock(state, 'l'), indexBlock(state, 'm')),
    h(
      'p',
      { class: 'small muted drivers-rule' },
      'Momentum is kept, not banked: every turn it lasts, rising expectations wear clarity and predictability down, a little more each turn up to a limit.',
    ),
  );
}
