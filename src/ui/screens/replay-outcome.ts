import { endingText, type GameState } from '../../engine';
import { h } from '../dom';
import { REGIME_INFO } from '../labels';
import { scoreTable } from '../panels/score';
import type { ReplayRun } from './replay-run';

/** Under a run's last turn: how it ended, its score and the fingerprint the replay verified to. */
export function replayOutcome(run: ReplayRun, st: GameState): HTMLElement {
  const { scenario, verified: r } = run;
  return h(
    'div',
    { class: 'replay-end' },
    h(
      'h3',
      {},
      'Outcome: ',
      h('span', { 'aria-hidden': 'true' }, `${REGIME_INFO[r.summary.outcome].icon} `),
      h('span', { 'data-testid': 'outcome' }, r.summary.outcome),
    ),
    h('p', {}, endingText(scenario, r.summary.ending)),
    st.early
      ? h(
          'p',
          { class: 'notice' },
          `The game ended early: ${st.regime} lasted ${scenario.collapseAfter} turns in a row.`,
        )
      : null,
    h(
      'p',
      {},
      `Score ${r.summary.score}. Verified fingerprint `,
      h('code', { 'data-testid': 'fingerprint' }, r.fingerprint),
    ),
    st.over ? scoreTable(st) : null,
  );
}
