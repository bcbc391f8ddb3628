import type { AppContext } from '../context';
import { h } from '../dom';
import { newSession, type Session } from '../session';

/** The way on from a result: the same game again on the same seed, or a new one. */
export function playAgain(ctx: AppContext, session: Session): HTMLElement {
  const s = session.scenario;
  return h(
    'div',
    { class: 'actions' },
    h(
      'button',
      {
        type: 'button',
        class: 'primary',
        onclick: () => {
          const entry = ctx.entries.find((e) => e.scenario.id === s.id);
          if (entry)
            ctx.go({
              kind: 'play',
              session: newSession(entry, session.seed, session.meta ? { meta: session.meta } : {}),
            });
        },
      },
      'Play again with the same seed',
    ),
    h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => ctx.go({ kind: 'picker', scenario: s.id }) },
      'New game',
    ),
  );
}
