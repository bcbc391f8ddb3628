import { endingText } from '../../engine';
import { flexLine } from '../../replay/flex';
import { bestEndingWords } from '../../replay/goal-words';
import { regimeWhy } from '../../replay/regime-why';
import { turningPoints } from '../../replay/turning-points';
import { h } from '../dom';
import { REGIME_INFO } from '../labels';
import type { Session } from '../session';
import { turnExplanation } from './explain';
import { profileTable } from './profile';

/**
 * The end screen's header: which game this was, the outcome and its ending, and why it ended
 * early if it did. `score` is the score line, placed last.
 */
export function endHeader(session: Session, score: HTMLElement): HTMLElement {
  const s = session.scenario;
  const st = session.state;
  const outcome = st.regime;
  const lineage = session.lineage;
  const why = regimeWhy(s, session.records);
  const flex = flexLine(session.records);
  const best = bestEndingWords(st);
  return h(
    'header',
    { class: 'end-header' },
    h(
      'p',
      { class: 'muted' },
      `${s.title} · seed “${session.seed}” · ${session.records.length} of ${s.turns} turns`,
      lineage ? ` · branch: turns 1–${lineage.atTurn} re-played from another run` : '',
    ),
    h(
      'h1',
      { class: `outcome-title regime-${outcome}` },
      h('span', { 'aria-hidden': 'true' }, `${REGIME_INFO[outcome].icon} `),
      h('span', { 'data-testid': 'outcome' }, outcome),
    ),
    h('p', { class: 'lede' }, endingText(s, st.ending)),
    why ? h('p', { class: 'regime-why', 'data-testid': 'regime-why' }, why) : null,
    best ? h('p', { class: 'regime-why', 'data-testid': 'best-ending' }, best) : null,
    flex ? h('p', { class: 'flex-line', 'data-testid': 'flex-line' }, flex) : null,
    st.early
      ? h('p', { class: 'notice' }, `The game ended early: ${outcome} lasted ${s.collapseAfter} turns in a row.`)
      : null,
    score,
  );
}

/** The story of the game below the result: the player's profile, the turning points and the last turn. */
export function endStory(session: Session): HTMLElement[] {
  const s = session.scenario;
  const points = turningPoints(s, session.records);
  const last = session.records[session.records.length - 1];
  return [
    h(
      'section',
      { class: 'profile-section' },
      h('h2', {}, 'Your profile across the eight aspects'),
      profileTable(session.state),
    ),
    h('section', { class: 'story' }, h('h2', {}, 'Turning points'), h('ol', {}, ...points.map((p) => h('li', {}, p)))),
    ...(last ? [h('section', { class: 'last-turn' }, h('h2', {}, 'The last turn'), turnExplanation(s, last))] : []),
  ];
}
