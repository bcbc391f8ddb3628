import type { ActionDef, Action } from '../../engine';
import type { TurnRecord } from '../../replay/timeline';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { hours } from '../labels';
import { actionCards, cardIndexForKey, offeredActions } from '../panels/cards';
import { historyChart } from '../panels/chart';
import { planWords, turnAnnouncement, turnExplanation } from '../panels/explain';
import { openMemberPicker } from '../panels/member-picker';
import { regimeBadge } from '../panels/regime-badge';
import { situationPanel } from '../panels/situation';
import { act, SAVE_KEY, saveText, type Session } from '../session';
import { worldViewOf } from '../world-view';

/** The turn loop: cards, plan with undo, end turn, and why things happened. */
export function playScreen(ctx: AppContext, initial: Session): void {
  let session = initial;
  let last: TurnRecord | null = session.records[session.records.length - 1] ?? null;
  let error: string | null = null;
  let pickerOpen = false;
  const s = session.scenario;
  ctx.setQuery({ scenario: s.id, seed: session.seed });

  const header = h('header', { class: 'play-header' });
  const turnPanel = h('section', { class: 'turn-panel', 'aria-label': 'This turn' });
  const cards = h('div', { class: 'cards-host' });
  const results = h('section', { class: 'results', 'aria-label': 'Last turn' });
  const chart = h('div', { class: 'chart-host' });
  const situation = h('div', { class: 'situation-host' });
  let situationTurns = -1;
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen play-screen' },
      header,
      h(
        'div',
        { class: 'play-grid' },
        h('div', { class: 'stage' }, ctx.world.element, situation, results, chart),
        h('div', { class: 'controls' }, turnPanel, cards),
      ),
    ),
  );

  const save = (): void => void ctx.store.set(SAVE_KEY, saveText(session));

  const apply = (action: Action): boolean => {
    const r = act(session, action);
    if (!r.ok) {
      error = r.error.message;
      render();
      return false;
    }
    error = null;
    session = r.session;
    save();
    if (r.record) {
      last = r.record;
      ctx.announce(turnAnnouncement(s, r.record));
      if (session.state.over) {
        ctx.go({ kind: 'end', session });
        return true;
      }
    }
    render();
    return true;
  };

  const pick = (def: ActionDef): void => {
    if (def.cost > session.state.time) return;
    if (!def.targeted) {
      apply({ type: 'choose', action: def.id });
      return;
    }
    pickerOpen = true;
    const opener = document.activeElement as HTMLElement | null;
    openMemberPicker(
      def,
      session.state,
      s,
      (member) => apply({ type: 'choose', action: def.id, target: member }),
      () => {
        pickerOpen = false;
        if (opener?.isConnected) opener.focus();
      },
    );
  };

  function render(): void {
    const st = session.state;
    const focused = document.activeElement?.getAttribute('data-testid') ?? null;
    mount(
      header,
      h('h1', {}, s.title),
      h('p', { class: 'turn-count' }, `Turn ${Math.min(st.turn, s.turns)} of ${s.turns}`),
      h('p', { class: 'seed' }, 'Seed ', h('code', {}, session.seed)),
      regimeBadge(st.regime),
      h('p', { class: 'indices' }, `L ${st.l} · M ${st.m}`),
      h('button', { type: 'button', class: 'secondary small', onclick: () => ctx.go({ kind: 'title' }) }, 'Menu'),
    );
    // A shift can change the time a turn has, so the state's budget is the one to show.
    const used = st.budget - st.time;
    mount(
      turnPanel,
      h(
        'div',
        { class: 'time' },
        h('label', { for: 'time-meter' }, `Time left: ${hours(st.time)} of ${hours(st.budget)}`),
        h('meter', { id: 'time-meter', min: 0, max: st.budget, value: st.time, low: 2, optimum: st.budget }),
      ),
      h(
        'ol',
        { class: 'plan', 'aria-label': 'Chosen this turn' },
        ...(st.plan.length
          ? planWords(s, st.plan).map((w) => h('li', {}, w))
          : [h('li', { class: 'muted' }, 'Nothing chosen yet.')]),
      ),
      error ? h('p', { class: 'notice', role: 'alert' }, error) : null,
      h(
        'div',
        { class: 'turn-buttons' },
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-testid': 'undo',
            disabled: st.plan.length === 0,
            onclick: () => apply({ type: 'undo' }),
            'aria-keyshortcuts': 'Backspace',
          },
          'Undo last choice',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            'data-testid': 'end-turn',
            onclick: () => apply({ type: 'end-turn' }),
            'aria-keyshortcuts': 'Enter',
          },
          used === 0 ? 'End turn without acting' : 'End turn',
        ),
      ),
    );
    mount(cards, actionCards(st, pick));
    // Re-drawn only when a turn resolves, so an opened briefing stays open while choosing.
    if (situationTurns !== session.records.length) {
      situationTurns = session.records.length;
      mount(situation, situationTurns ? situationPanel(s, session.records) : null);
    }
    mount(results, last ? turnExplanation(s, last) : briefingNote());
    mount(chart, historyChart([session.start, ...session.records.map((r) => r.after)], s.turns));
    ctx.world.show(worldViewOf(s, st));
    if (focused) {
      const again = ctx.root.querySelector<HTMLElement>(`[data-testid="${focused}"]:not([disabled])`);
      (again ?? ctx.root.querySelector<HTMLElement>('[data-testid="end-turn"]'))?.focus();
    }
  }

  function briefingNote(): HTMLElement {
    return h(
      'article',
      { class: 'explanation' },
      h('h3', {}, 'Briefing'),
      h('p', {}, s.briefing),
      h(
        'p',
        { class: 'muted small' },
        'Keys: 1–9 and 0 pick the first ten cards, Shift with a digit the rest; Backspace undoes; Enter ends the turn.',
      ),
    );
  }

  ctx.onKey((e) => {
    if (pickerOpen || e.ctrlKey || e.metaKey || e.altKey) return false;
    const target = e.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable]');
    if (typing) return false;
    const i = cardIndexForKey(e);
    if (i >= 0) {
      const def = offeredActions(session.state)[i];
      if (def) pick(def);
      return true;
    }
    if (e.key === 'Enter' && !target?.closest('button, a, summary')) {
      apply({ type: 'end-turn' });
      return true;
    }
    if (e.key === 'Backspace' || e.key === 'u') {
      if (session.state.plan.length > 0) apply({ type: 'undo' });
      return true;
    }
    return false;
  });

  render();
  if (session.state.over) ctx.go({ kind: 'end', session });
}
