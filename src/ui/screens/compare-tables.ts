import type { Regime, Scenario } from '../../engine';
import { TRACKED, type Comparison, type Tracked } from '../../replay/compare';
import type { ReplayChoice } from '../../replay/document';
import { choiceWords, signed, VAR_LABELS } from '../../replay/words';
import { h } from '../dom';
import { REGIME_INFO } from '../labels';

type TurnPair = Comparison['turns'][number];

/** Both runs' regimes turn by turn, a row each, in a region that scrolls sideways. */
export function regimeGrid(c: Comparison): HTMLElement {
  return h(
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
  );
}

/** Both runs' choices and headline meters turn by turn, the turns that differ marked. */
export function choicesTable(c: Comparison, scenario: Scenario): HTMLElement {
  const words = (choices: readonly ReplayChoice[] | null): string =>
    choices === null ? '—' : choices.length === 0 ? 'nothing' : choices.map((x) => choiceWords(scenario, x)).join('; ');
  return h(
    'section',
    { 'aria-labelledby': 'turns-title' },
    h('h2', { id: 'turns-title' }, 'Choices turn by turn'),
    h('p', { class: 'muted small' }, 'Each figure reads run A / run B after the turn; “B +3” is how far B is above A.'),
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
            ...TRACKED.map((m) => h('th', { scope: 'col' }, `${columnName(m)} A / B`)),
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
              h('td', { class: 'wrap', 'data-label': 'Run A chose' }, words(t.choicesA)),
              h('td', { class: 'wrap', 'data-label': 'Run B chose' }, words(t.choicesB)),
              ...TRACKED.map((m) => meterCell(t, m)),
            ),
          ),
        ),
      ),
    ),
  );
}

const columnName = (m: Tracked): string => (m === 'l' ? 'L' : m === 'm' ? 'M' : VAR_LABELS[m]);

function tag(t: TurnPair): string {
  return t.choicesB === null ? 'only A' : t.choicesA === null ? 'only B' : 'differs';
}

function regimeCell(r: Regime | null): HTMLElement {
  return r === null
    ? h('td', { class: 'regime-cell' }, '—')
    : h(
        'td',
        { class: `regime-cell regime-cell-${r}`, title: REGIME_INFO[r].label },
        h('span', { 'aria-hidden': 'true' }, REGIME_INFO[r].icon),
        h('span', { class: 'sr-only' }, REGIME_INFO[r].label),
      );
}

function meterCell(t: TurnPair, m: Tracked): HTMLElement {
  const p = t.meters[m];
  return h(
    'td',
    { 'data-label': columnName(m) },
    h('span', { class: 'pair' }, `${p.a ?? '—'} / ${p.b ?? '—'}`),
    p.diff !== null && p.diff !== 0 ? h('span', { class: 'diff' }, ` (B ${signed(p.diff)})`) : null,
  );
}
