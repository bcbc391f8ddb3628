import { ASPECT_INFO, type GameState } from '../../engine';
import { timeProfile } from '../../replay/profile';
import { h } from '../dom';
import { SIDE_INFO } from '../labels';

/** Time spent on each side of the eight aspects, as a table with bars that grow from the middle. */
export function profileTable(state: GameState): HTMLElement {
  const profile = timeProfile(state);
  const max = Math.max(1, profile.most);
  const rows = profile.aspects.map(({ aspect, title, lead: l, manage: m }) => {
    const info = ASPECT_INFO[aspect];
    return h(
      'tr',
      {},
      h('td', { class: 'num' }, `${l} h`),
      h('td', { class: 'bar lead' }, h('span', { style: `width:${(100 * l) / max}%` })),
      h('th', { scope: 'row', title: `Leadership ${info.lead}; management ${info.manage}.` }, title),
      h('td', { class: 'bar manage' }, h('span', { style: `width:${(100 * m) / max}%` })),
      h('td', { class: 'num' }, `${m} h`),
    );
  });
  return h(
    'table',
    { class: 'profile' },
    h('caption', {}, `Your time: ${profile.lead} h leading, ${profile.manage} h managing`),
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
