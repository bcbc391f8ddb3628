import { traitsOf, type GameState, type Scenario } from '../../engine';
import { h } from '../dom';
import { TRAIT_WORDS } from '../labels';

const STATUS: Record<string, string> = { engaged: 'engaged', disengaged: 'disengaged', gone: 'left the team' };

/**
 * The team as it stands, in view during play: each person's morale, skill and state, and the
 * traits that make them react to some cards, with what each trait does.
 */
export function teamPanel(scenario: Scenario, state: GameState): HTMLElement {
  const present = new Set<string>();
  const items = scenario.members.map((m, i) => {
    const now = state.members[i]!;
    const gone = now.status === 'gone';
    const traits = gone ? [] : traitsOf(state, i);
    for (const t of traits) present.add(t);
    return h(
      'li',
      { 'data-testid': `member-${m.id}`, class: gone ? 'gone' : undefined },
      h('strong', {}, m.name),
      h('span', { class: 'muted' }, `, ${m.role}`),
      h(
        'span',
        { class: 'member-stats' },
        gone ? ' · left the team' : ` · morale ${now.morale} · skill ${now.skill} · ${STATUS[now.status]}`,
      ),
      traits.length
        ? h('span', { class: 'member-traits' }, ' · ', ...traits.flatMap((t, k) => [k ? ', ' : '', h('strong', {}, t)]))
        : null,
    );
  });
  return h(
    'section',
    { class: 'team-panel', 'data-testid': 'team-panel', 'aria-labelledby': 'team-title' },
    h('h2', { id: 'team-title' }, 'The team'),
    h('ul', { class: 'team-members' }, ...items),
    present.size
      ? h(
          'details',
          { class: 'team-traits' },
          h('summary', {}, 'What their traits do'),
          h(
            'ul',
            { class: 'trait-words small' },
            ...[...present].map((t) => h('li', {}, h('strong', {}, t), `: ${TRAIT_WORDS[t] ?? ''}`)),
          ),
        )
      : null,
  );
}
