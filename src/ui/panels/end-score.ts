import type { GameState } from '../../engine';
import { h } from '../dom';
import { scoreTable } from './score';

/** The final score in one line, with the meters and the progress it came from. */
export function scoreLine(st: GameState): HTMLElement {
  return h(
    'p',
    { class: 'score' },
    'Score ',
    h('strong', { 'data-testid': 'score' }, String(st.score)),
    ` · morale ${st.vars.morale}, execution ${st.vars.execution}, innovation ${st.vars.innovation} · progress ${st.vars.progress}%`,
  );
}

/** How the score adds up, part by part. */
export function scoreSection(st: GameState): HTMLElement {
  return h('section', { class: 'score-section', 'aria-label': 'Score' }, scoreTable(st));
}
