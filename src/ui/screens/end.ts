import { endingText } from '../../engine';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { REGIME_INFO } from '../labels';
import { historyChart } from '../panels/chart';
import { endHeader, endStory } from '../panels/end-result';
import { scoreLine, scoreSection } from '../panels/end-score';
import { handInPanel } from '../panels/hand-in';
import { gameQuery, type Session } from '../session';
import { worldViewOf } from '../world-view';
import { playAgain } from './end-again';
import { playOnOffer } from './end-play-on';
import { shareSection } from './end-share';

/** Outcome, profile, story, and the replay code to share or re-check. */
export function endScreen(ctx: AppContext, session: Session): void {
  const s = session.scenario;
  const st = session.state;
  const last = session.records[session.records.length - 1];
  // The address names the game, so a reload comes back to this result (the share link is the code).
  ctx.setQuery(gameQuery(session));
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen end-screen' },
      endHeader(session, scoreLine(st)),
      h(
        'div',
        { class: 'end-grid' },
        h(
          'div',
          { class: 'stage' },
          ctx.world.element,
          historyChart([session.start, ...session.records.map((r) => r.after)], s.turns),
        ),
        h(
          'div',
          { class: 'end-side' },
          session.meta?.room ? handInPanel(ctx, session, false) : null,
          playOnOffer(ctx, session),
          scoreSection(st),
          shareSection(ctx, session),
          playAgain(ctx, session),
        ),
      ),
      ...endStory(session),
    ),
  );
  // The scene names the last turn played, as the header does.
  ctx.world.show({ ...worldViewOf(s, st, last ?? null), turn: session.records.length });
  ctx.announce(`Game over: ${REGIME_INFO[st.regime].label}. ${endingText(s, st.ending)} Score ${st.score}.`);
  ctx.onKey(null);
  // Focus the main action without scrolling to it: the screen opens at its outcome.
  (ctx.root.querySelector('button.primary') as HTMLElement | null)?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}
