import type { GameState, Scenario } from '../../engine';
import { progressMarks, winCondition } from '../../replay/goal-words';
import { progressSourceWords } from '../../replay/words';
import { scoreRows } from '../../replay/score-words';
import { h } from '../dom';
import { markedBar } from './drivers';
import { scoreTable } from './score';

/**
 * The goal from turn 1: progress against the thresholds the scenario's endings test, the win
 * condition, and the score as it would stand if the game ended now, its parts one click away.
 */
export function goalPanel(scenario: Scenario, state: GameState): HTMLElement {
  const progress = state.vars.progress;
  const marks = progressMarks(state);
  return h(
    'section',
    { class: 'goal', 'data-testid': 'goal-progress', 'aria-labelledby': 'goal-title' },
    h('h2', { id: 'goal-title' }, `Goal: ${scenario.goal.label}`),
    h('p', { class: 'goal-head' }, 'Progress ', h('strong', { class: 'goal-value' }, String(progress)), ' of 100'),
    h('p', { class: 'small goal-source' }, `It grows each turn from ${progressSourceWords()}.`),
    markedBar(
      progress,
      'goal-scale',
      marks.map((m) => ({ at: m.value, kind: 'enter' })),
    ),
    marks.length
      ? h('ul', { class: 'goal-marks small' }, ...marks.map((m) => h('li', {}, `Progress ${m.words}`)))
      : null,
    h('p', { class: 'small goal-win' }, winCondition(state)),
    h(
      'details',
      { class: 'goal-score' },
      h('summary', {}, 'Score if the game ended now: ', h('strong', {}, String(scoreRows(state).total))),
      scoreTable(state),
    ),
  );
}
