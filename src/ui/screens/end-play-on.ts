import { branchAt } from '../../replay/branch';
import type { AppContext } from '../context';
import { h } from '../dom';
import { branchSession, replayOf, type Session } from '../session';

/**
 * For a workshop team whose game ended early: play on from a turn of its choosing. The turns
 * before it are re-played, the choices after it are new, and the game keeps the team's name and
 * room, so the facilitator's dashboard lists it as the team's next attempt beside the first.
 */
export function playOnOffer(ctx: AppContext, session: Session): HTMLElement | null {
  const played = session.records.length;
  if (!session.meta?.room || !session.state.early || played === 0) return null;
  // Offered first: the last turn after which the team was not yet in the regime that ended it.
  const final = session.state.regime;
  let suggested = 0;
  session.records.forEach((r, i) => {
    if (r.regime !== final) suggested = i + 1;
  });
  const turn = h(
    'select',
    { id: 'play-on-turn', 'data-testid': 'play-on-turn' },
    ...Array.from({ length: played }, (_, at) =>
      h(
        'option',
        { value: String(at), selected: at === suggested },
        at === 0 ? 'From the first turn' : `After turn ${at}`,
      ),
    ),
  );
  const refusal = h('p', { class: 'field-error', role: 'status' });
  const start = (): void => {
    const entry = ctx.entries.find((e) => e.scenario.id === session.scenario.id);
    const { document, code } = replayOf(session);
    const point = branchAt({ document, state: session.state }, Number(turn.value));
    if (!entry || !point.ok || code === null) {
      refusal.textContent = point.ok ? 'This game cannot be played on here.' : point.reason;
      return;
    }
    ctx.go({ kind: 'play', session: branchSession(entry, session.seed, point, code, session.meta) });
  };
  return h(
    'section',
    { class: 'play-on', 'aria-labelledby': 'play-on-title', 'data-testid': 'play-on' },
    h('h2', { id: 'play-on-title' }, 'Play on from an earlier turn'),
    h(
      'p',
      {},
      `Your game ended early, in ${final}. Go back to a turn of your choosing and play on from there: the turns before it stay as they were, the choices after it are yours to make again, and your facilitator sees it as your team’s next attempt, beside this one.`,
    ),
    h(
      'div',
      { class: 'inline' },
      h('label', { for: 'play-on-turn' }, 'Start'),
      turn,
      h('button', { type: 'button', class: 'primary', 'data-testid': 'play-on-start', onclick: start }, 'Play on'),
    ),
    refusal,
  );
}
