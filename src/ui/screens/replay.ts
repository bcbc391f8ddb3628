import { namedByPlayer } from '../../replay/player-words';
import { endingText } from '../../engine';
import { linkTo } from '../../platform/links';
import { branchAt } from '../../replay/branch';
import { timeline } from '../../replay/timeline';
import { verifyReplay } from '../../replay/verify';
import type { AppContext } from '../context';
import { compareWithParent } from '../compare-parent';
import { h, mount } from '../dom';
import { REGIME_INFO } from '../labels';
import { historyChart } from '../panels/chart';
import { turnExplanation } from '../panels/explain';
import { regimeBadge } from '../panels/regime-badge';
import { scoreTable } from '../panels/score';
import { situationPanel } from '../panels/situation';
import { branchSession } from '../session';
import { worldViewOf } from '../world-view';

/** Watch a verified run turn by turn: play, pause, step and a turn slider. */
export function replayScreen(ctx: AppContext, code: string): void {
  ctx.setQuery({ replay: code });
  const r = verifyReplay(code, ctx.entries, { timeline: true });
  if (!r.valid) {
    mount(
      ctx.root,
      h(
        'section',
        { class: 'screen replay-invalid' },
        h('h1', {}, 'This replay cannot be shown'),
        h('p', { class: 'notice', role: 'alert', 'data-testid': 'replay-error' }, r.reason),
        // A run of a scenario written in the lab checks once that scenario's file or link is opened there.
        r.kind === 'unknown-scenario'
          ? h(
              'p',
              {},
              'If it is a scenario someone wrote, open its file or its shared link in the Scenario lab first: this browser then knows it and checks the run.',
            )
          : null,
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', class: 'primary', onclick: () => ctx.go({ kind: 'title' }) },
            'Back to the title',
          ),
          r.kind === 'unknown-scenario'
            ? h(
                'button',
                { type: 'button', class: 'secondary', onclick: () => ctx.go({ kind: 'lab' }) },
                'Open the Scenario lab',
              )
            : null,
        ),
      ),
    );
    ctx.onKey(null);
    (ctx.root.querySelector('button.primary') as HTMLElement | null)?.focus();
    return;
  }
  const scenario = r.scenario;
  const doc = r.document;
  const records = r.records ?? timeline(scenario, doc.seed, doc.turns);
  const start = records[0]?.before ?? r.state;
  const states = [start, ...records.map((x) => x.after)];
  const last = states.length - 1;
  let at = 0;
  let timer: (() => void) | null = null;

  const slider = h('input', {
    id: 'turn-slider',
    type: 'range',
    min: 0,
    max: last,
    step: 1,
    value: at,
    'aria-valuetext': '',
  });
  const playButton = h('button', { type: 'button', class: 'primary', 'aria-keyshortcuts': 'Space' }, 'Play');
  const header = h('header', { class: 'play-header' });
  const panel = h('section', { class: 'results', 'aria-live': 'polite' });
  const chart = h('div', { class: 'chart-host' });
  const situation = h('div', { class: 'situation-host' });
  const branchNote = h('p', { class: 'muted small', id: 'branch-note' });
  const branchButton = h(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'branch', 'aria-describedby': 'branch-note' },
    'Play on from here',
  );
  const branchRefusal = h('p', { class: 'notice small', role: 'status', 'data-testid': 'branch-refused' });
  branchRefusal.hidden = true;

  const stop = (): void => {
    timer?.();
    timer = null;
    playButton.textContent = 'Play';
  };
  const show = (i: number): void => {
    at = Math.max(0, Math.min(last, i));
    const st = states[at]!;
    slider.value = String(at);
    slider.setAttribute('aria-valuetext', at === 0 ? 'Start' : `Turn ${at} of ${last}`);
    mount(
      header,
      h('h1', {}, `Replay: ${scenario.title}`),
      h('p', { class: 'turn-count' }, at === 0 ? 'Start' : `Turn ${at} of ${last}`),
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
      at === last
        ? h(
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
          )
        : null,
    );
    branchNote.textContent =
      at === 0
        ? 'Starts a game of this scenario and seed from turn 1, linked to this run. Saved apart: this run is untouched.'
        : `Starts a game with turns 1–${at} of this run re-played, then your own choices. Saved apart: this run is untouched.`;
    branchRefusal.hidden = true;
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
  const play = (): void => {
    if (timer !== null) return stop();
    if (at === last) show(0);
    playButton.textContent = 'Pause';
    timer = ctx.services.timers.every(1400, () => {
      if (at >= last) stop();
      else show(at + 1);
    });
  };
  playButton.addEventListener('click', play);
  branchButton.addEventListener('click', () => {
    stop();
    const point = branchAt(r, at);
    const entry = ctx.entries.find((e) => e.scenario.id === scenario.id);
    if (!point.ok || !entry) {
      branchRefusal.textContent = point.ok ? 'This run’s scenario is not available here.' : point.reason;
      branchRefusal.hidden = false;
      return;
    }
    ctx.go({ kind: 'play', session: branchSession(entry, doc.seed, point, code.trim()) });
  });
  slider.addEventListener('input', () => {
    stop();
    show(Number(slider.value));
  });
  const named = namedByPlayer(doc.meta);
  const lineage = doc.lineage;
  const withParent = lineage ? compareWithParent(ctx, lineage) : null;
  const openParent = (): void => {
    stop();
    withParent?.open(code.trim());
  };
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen replay-screen' },
      header,
      h(
        'div',
        { class: 'play-grid' },
        h('div', { class: 'stage' }, ctx.world.element, situation, panel, chart),
        h(
          'div',
          { class: 'controls' },
          h(
            'section',
            { class: 'turn-panel replay-controls', 'aria-label': 'Replay controls' },
            named ? h('p', { class: 'small', 'data-testid': 'named-by-player' }, named) : null,
            lineage
              ? h(
                  'p',
                  { class: 'small', 'data-testid': 'lineage' },
                  `A branch: turns 1–${lineage.atTurn} are those of the run ending ${lineage.parentFinal}, then it plays on.`,
                )
              : null,
            h(
              'p',
              { class: 'muted small' },
              `Verified: re-played from the seed, every turn matches. ${records.length} turns.`,
            ),
            h(
              'div',
              { class: 'inline' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  'aria-label': 'Step back',
                  'aria-keyshortcuts': 'ArrowLeft',
                  onclick: () => {
                    stop();
                    show(at - 1);
                  },
                },
                '◀ Step',
              ),
              playButton,
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  'aria-label': 'Step forward',
                  'aria-keyshortcuts': 'ArrowRight',
                  onclick: () => {
                    stop();
                    show(at + 1);
                  },
                },
                'Step ▶',
              ),
            ),
            h('label', { for: 'turn-slider' }, 'Turn'),
            slider,
            h('div', { class: 'branch-box' }, branchButton, branchNote, branchRefusal),
            h(
              'div',
              { class: 'inline' },
              h(
                'a',
                { class: 'button secondary small', href: linkTo({ scenario: scenario.id, seed: doc.seed }) },
                'Play this scenario and seed',
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary small',
                  onclick: () => {
                    stop();
                    ctx.go({ kind: 'compare', a: code.trim() });
                  },
                },
                'Compare with another run',
              ),
              lineage
                ? h(
                    'button',
                    { type: 'button', class: 'secondary small', onclick: openParent },
                    'Compare with the run it came from',
                  )
                : null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary small',
                  onclick: () => {
                    stop();
                    ctx.go({ kind: 'title' });
                  },
                },
                'Title',
              ),
            ),
            withParent?.note ?? null,
          ),
        ),
      ),
    ),
  );
  ctx.onKey((e) => {
    const on = (e.target as HTMLElement | null)?.closest('input, button, a');
    if (on?.matches('input')) return false;
    if (e.key === ' ' && !on) {
      play();
      return true;
    }
    const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: last };
    const next = to[e.key];
    if (next === undefined) return false;
    stop();
    show(next);
    return true;
  });
  show(at);
  playButton.focus();
}
