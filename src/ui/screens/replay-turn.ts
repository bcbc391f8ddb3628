import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { historyChart } from '../panels/chart';
import { turnExplanation } from '../panels/explain';
import { regimeBadge } from '../panels/regime-badge';
import { situationPanel } from '../panels/situation';
import { worldViewOf } from '../world-view';
import { replayOutcome } from './replay-outcome';
import { turnName, type ReplayRun } from './replay-run';

/** What the replay shows of the turn it is at: the header, the world, the team and the turn's story. */
export interface ReplayTurnView {
  readonly header: HTMLElement;
  readonly stage: HTMLElement;
  /** Redraws every part for turn `at` (0 is the start). */
  show(at: number): void;
}

export function replayTurnView(ctx: AppContext, run: ReplayRun): ReplayTurnView {
  const { scenario, doc, records, states, last } = run;
  const header = h('header', { class: 'play-header' });
  const panel = h('section', { class: 'results', 'aria-live': 'polite' });
  const chart = h('div', { class: 'chart-host' });
  const situation = h('div', { class: 'situation-host' });
  const show = (at: number): void => {
    const st = states[at]!;
    mount(
      header,
      h('h1', {}, `Replay: ${scenario.title}`),
      h('p', { class: 'turn-count' }, turnName(at, last)),
      h('p', { class: 'seed' }, 'Seed ', h('code', {}, doc.seed)),
      regimeBadge(st.regime),
      h('p', { class: 'indices' }, `L ${st.l} · M ${st.m}`),
    );
    const record = records[at - 1];
    mount(
      panel,
      record
        ? turnExplanation(scenario, record)
        : h('article', { class: 'explanation' }, h('h2', {}, 'Start'), h('p', {}, scenario.briefing)),
      at === last ? replayOutcome(run, st) : null,
    );
    mount(situation, at > 0 ? situationPanel(scenario, records.slice(0, at)) : null);
    mount(chart, historyChart(states, scenario.turns, at));
    // The scene names the turn the header and explanation tell (a state is the start of the
    // next turn); before the first turn it names none.
    ctx.world.show({
      ...worldViewOf(scenario, st, records[at - 1] ?? null),
      turn: at,
      turns: at === 0 ? 0 : scenario.turns,
    });
  };
  return { header, stage: h('div', { class: 'stage' }, ctx.world.element, situation, panel, chart), show };
}
