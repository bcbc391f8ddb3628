import { traitsOf } from '../../engine';
import { winCondition } from '../../replay/goal-words';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { DIFFICULTY_LABEL } from '../labels';
import { touchOnly } from '../touch';
import type { Session } from '../session';

/** The scenario's briefing, its team and its goal, before the first turn. */
export function briefingScreen(ctx: AppContext, session: Session): void {
  const s = session.scenario;
  void ctx.world.load();
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen briefing-screen' },
      h(
        'p',
        { class: 'muted' },
        `${DIFFICULTY_LABEL[s.difficulty]} · ${s.turns} turns · ${s.timeBudget} hours a turn · seed “${session.seed}”`,
      ),
      h('h1', {}, s.title),
      h('p', { class: 'lede' }, s.briefing),
      h('h2', {}, `Goal: ${s.goal.label}`),
      h('p', { 'data-testid': 'win-condition' }, winCondition(session.state)),
      h('h2', {}, 'Your team'),
      h(
        'ul',
        { class: 'team-list' },
        // Traits as this seed dealt them: who is the sceptic or the tired one changes with the seed.
        ...s.members.map((m, i) =>
          h(
            'li',
            {},
            h('strong', {}, m.name),
            `, ${m.role}`,
            h('span', { class: 'muted' }, ` (${traitsOf(session.state, i).join(', ') || 'no strong traits'})`),
          ),
        ),
      ),
      h(
        'p',
        { class: 'muted small' },
        touchOnly(ctx.services)
          ? `Each turn you have ${s.timeBudget} hours. Tap cards to choose them, undo any choice before the turn ends, and tap End turn to end it. The game ends early if chaos or stagnation lasts ${s.collapseAfter} turns.`
          : `Each turn you have ${s.timeBudget} hours. Choose actions with the number keys or by clicking, undo any choice before the turn ends, and press Enter to end the turn. The game ends early if chaos or stagnation lasts ${s.collapseAfter} turns.`,
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => ctx.go({ kind: 'play', session }) }, 'Begin'),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => ctx.go({ kind: 'picker', scenario: s.id, seed: session.seed }),
          },
          'Back',
        ),
      ),
    ),
  );
  ctx.onKey(null);
  // Begin takes focus for the keyboard; a touch screen keeps the briefing's title in view instead.
  (ctx.root.querySelector('button.primary') as HTMLElement | null)?.focus({ preventScroll: touchOnly(ctx.services) });
}
