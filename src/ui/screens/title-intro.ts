import { h } from '../dom';

/** The game's name, what it is about, and its three regimes in a line each. */
export function titleIntro(): HTMLElement[] {
  return [
    h('h1', {}, 'Momentum'),
    h('p', { class: 'lede' }, 'A game about the difference between leading and managing a team.'),
    h(
      'ul',
      { class: 'rules-of-thumb' },
      h('li', {}, h('span', { class: 'regime-word regime-chaos' }, '⚡ Chaos'), ': lead without managing.'),
      h('li', {}, h('span', { class: 'regime-word regime-stagnation' }, '■ Stagnation'), ': manage without leading.'),
      h('li', {}, h('span', { class: 'regime-word regime-momentum' }, '▲ Momentum'), ': do both.'),
    ),
  ];
}
