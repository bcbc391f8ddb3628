import { ASPECT_INFO, ASPECTS, type GameState } from '../../engine';
import { h } from '../dom';
import { SIDE_INFO } from '../labels';

/** Time spent on each side of the eight aspects, as a table with bars that grow from the middle. */
export function profileTable(state: GameState): HTMLElement {
  const max = Math.max(1, ...state.profile.lead, ...state.profile.manage);
  const lead = state.profile.lead.reduce((a, b) => a + b, 0);
  const manage = state.profile.manage.reduce((a, b) => a + b, 0);
  const rows = ASPECTS.map((a, i) => {
    const l = state.profile.lead[i] ?? 0;
    const m = state.profile.manage[i] ?? 0;
    const info = ASPECT_INFO[a];
    return h(
      'tr',
      {},
      h('td', { class: 'num' }, `${l} h`),
      h('td', { class: 'bar lead' }, h('span', { style: `width:${(100 * l) / max}%` })),
      h('th', { scope: 'row', title: `Leadership ${info.lead}; management ${info.manage}.` }, info.title),
      h('td', { class: 'bar manage' }, h('span', { style: `width:${(100 * m) / max}%` })),
      h('td', { class: 'num' }, `${m} h`),
    );
  });
  return h(
    'table',
    { class: 'profile' },
    h('caption', {}, `Your time: ${lead} h leading, ${manage} h managing`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', colspan: 2 }, `${SIDE_INFO.lead.icon} ${SIDE_INFO.lead.label}`),
        h('th', { scope: 'col' }, 'Aspect'),
        h('th', { scope: 'col', colspan: 2 }, `${SIDE_INFO.manage.label} ${SIDE_INFO.manage.icon}`),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}
