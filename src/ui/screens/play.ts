import { affordable, offeredCards, type ActionDef, type Action, type GameState } from '../../engine';
import type { TurnRecord } from '../../replay/timeline';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { hours } from '../labels';
import { choiceWords } from '../../replay/words';
import { collapseWarning, collapseWarningText } from '../../replay/turn-summary';
import { actionCards, cardIndexForKey, usesWords } from '../panels/cards';
import { historyChart } from '../panels/chart';
import { planWords, turnAnnouncement, turnExplanation } from '../panels/explain';
import { openHandIn } from '../panels/hand-in';
import { openMemberPicker } from '../panels/member-picker';
import { regimeBadge } from '../panels/regime-badge';
import { situationPanel } from '../panels/situation';
import { collapseWarningPanel, metersPanel, turnSummaryPanel } from '../panels/turn-summary';
import { presenterToggle } from '../presenter';
import { trimResults, writeGame } from '../saves';
import { act, gameQuery, LAST_SCENARIO_KEY, replayOf, resume, revOf, type Session } from '../session';
import { fileStem } from '../share';
import { worldViewOf } from '../world-view';

/** The turn loop: cards, plan with undo, end turn, and why things happened. */
export function playScreen(ctx: AppContext, initial: Session): void {
  let session = initial;
  let last: TurnRecord | null = session.records[session.records.length - 1] ?? null;
  let error: string | null = null;
  let pickerOpen = false;
  const s = session.scenario;
  ctx.setQuery(gameQuery(session));
  // The picker offers the last scenario played first next time.
  ctx.store.set(LAST_SCENARIO_KEY, s.id);

  const header = h('header', { class: 'play-header' });
  const turnPanel = h('section', { class: 'turn-panel', 'aria-label': 'This turn' });
  const cards = h('div', { class: 'cards-host', id: 'cards' });
  const results = h('section', {
    class: 'results',
    id: 'turn-explanation',
    'aria-label': 'Last turn explained',
    tabindex: '-1',
  });
  const summary = h('div', { class: 'turn-summary-host' });
  const meters = h('div', { class: 'meters-host' });
  const chart = h('div', { class: 'chart-host' });
  const situation = h('div', { class: 'situation-host' });
  /**
   * Turns resolved when the turn's panels were last drawn. The header, briefing, summary,
   * meters, explanation and chart change only when a turn resolves: redrawn only then, a card
   * chosen repaints what it changes, and focus and opened definitions stay while choosing.
   */
  let drawnTurns = -1;
  mount(
    ctx.root,
    h(
      'section',
      { class: 'screen play-screen' },
      header,
      h(
        'div',
        { class: 'play-grid' },
        h('div', { class: 'stage' }, ctx.world.element, summary, meters, situation, results, chart),
        h('div', { class: 'controls' }, turnPanel, cards),
      ),
    ),
  );

  /**
   * Saves the game, or says why it could not: a refusal keeps the game going in this page and
   * offers it as a file or code; a newer save from another tab replaces this tab's game, so the
   * tab never writes over turns it has not seen. Returns false when this tab was stale.
   */
  const save = (next: Session): boolean => {
    const w = writeGame(ctx.store, next, ctx.services.clock.now());
    if (w.kind === 'stale') {
      takeNewer(
        w.text,
        'This game was played on in another tab, so this tab now shows its latest turn; the choice made here was not kept.',
      );
      return false;
    }
    if (w.kind === 'saved') {
      session = w.session;
      ctx.notices.close('save-refused');
      if (session.state.over) trimResults(ctx.store, ctx.entries);
      return true;
    }
    session = next;
    if (!ctx.notices.has('save-refused')) {
      ctx.notices.show({
        id: 'save-refused',
        text: 'This browser refused to save the game (its storage is full or turned off). The game goes on in this page: keep it as a file or a code before you close it, or make room by deleting old games on the title screen.',
        actions: [
          { label: 'Download the run so far', run: () => downloadRun() },
          { label: 'Copy its code', run: () => void copyRun() },
        ],
      });
    }
    return true;
  };
  const downloadRun = (): void => {
    const { document: doc } = replayOf(session);
    ctx.services.download(
      `${fileStem(s.id, session.seed)}.replay.json`,
      'application/json',
      `${JSON.stringify(doc, null, 2)}\n`,
    );
  };
  const copyRun = async (): Promise<void> => {
    const { code, problem } = replayOf(session);
    if (code === null) ctx.announce(`${problem ?? ''} Download the run instead.`);
    else
      ctx.announce(
        (await ctx.services.copyText(code))
          ? 'The code of the run so far is copied.'
          : `Copying was refused; the code is: ${code}`,
      );
  };
  /** Opens the newer save another tab wrote of this same game. */
  const takeNewer = (text: string, why: string): void => {
    const r = resume(text, ctx.entries, session.key);
    if (!r.ok) {
      ctx.notices.show({
        id: 'other-tab',
        text: `Another tab changed this game, and its save cannot be opened: ${r.reason}`,
      });
      return;
    }
    ctx.notices.show({ id: 'other-tab', text: why });
    ctx.go(r.session.state.over ? { kind: 'end', session: r.session } : { kind: 'play', session: r.session });
  };
  // Another tab saving this game makes this one stale: it follows at once.
  ctx.onLeave(
    ctx.store.watch((key, value) => {
      if (key !== session.key || value === null) return;
      if ((revOf(value) ?? -1) > session.rev)
        takeNewer(value, 'This game was played on in another tab; this tab now shows its latest turn.');
    }),
  );
  const screen = ctx.root.querySelector<HTMLElement>('.play-screen')!;
  // Focused controls scroll clear of the sticky turn panel: its height is a CSS variable.
  const sticky = new ResizeObserver(() => {
    if (!turnPanel.isConnected) return sticky.disconnect();
    screen.style.setProperty('--turn-panel-height', `${Math.ceil(turnPanel.getBoundingClientRect().height)}px`);
  });
  sticky.observe(turnPanel);

  /** The choice just made or undone, in words for the live region. */
  const spoken = (c: { action: string; target?: string } | undefined): string => (c ? choiceWords(s, c) : '');

  const apply = (action: Action): boolean => {
    const r = act(session, action);
    if (!r.ok) {
      error = r.error.message;
      render();
      return false;
    }
    error = null;
    const before = session.state;
    if (!save(r.session)) return false;
    if (r.record) {
      last = r.record;
      // While chaos or stagnation is under way, its warning is heard with the turn's results.
      const w = collapseWarning(session.state);
      const warned = w ? collapseWarningText(w) : null;
      ctx.announce(`${turnAnnouncement(s, r.record)}${warned ? ` Warning: ${warned}` : ''}`);
      if (session.state.over) {
        ctx.go({ kind: 'end', session });
        return true;
      }
      render();
      showSummary();
      return true;
    }
    const st = session.state;
    if (action.type === 'choose') {
      const c = st.plan[st.plan.length - 1];
      const uses = st.plan.filter((x) => x.action === action.action).length;
      ctx.announce(
        `Chosen: ${spoken(c)}${uses > 1 ? `, ${usesWords(uses)} this turn, at reduced strength` : ''}. ${hours(st.time)} left.`,
      );
    } else if (action.type === 'undo') {
      ctx.announce(`Undone: ${spoken(before.plan[before.plan.length - 1])}. ${hours(st.time)} left.`);
    }
    render();
    return true;
  };

  /** After a turn: the summary's heading takes focus, and the whole summary is brought into view. */
  const showSummary = (): void => {
    const heading = summary.querySelector<HTMLElement>('h2');
    heading?.focus({ preventScroll: true });
    summary.scrollIntoView({ block: 'nearest' });
  };

  const undo = (): void => {
    if (session.state.plan.length === 0) ctx.announce('Nothing to undo: no card is chosen this turn.');
    else apply({ type: 'undo' });
  };

  const pick = (def: ActionDef): void => {
    if (session.state.over) return;
    if (!affordable(session.state, def)) {
      ctx.announce(
        `Refused: ${def.title} costs ${hours(def.cost)} and only ${hours(session.state.time)} ${session.state.time === 1 ? 'is' : 'are'} left this turn.`,
      );
      return;
    }
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

  function mountHeader(st: GameState): void {
    mount(
      header,
      h('h1', { tabindex: '-1' }, s.title),
      h('p', { class: 'turn-count' }, `Turn ${Math.min(st.turn, s.turns)} of ${s.turns}`),
      h('p', { class: 'seed' }, 'Seed ', h('code', {}, session.seed)),
      regimeBadge(st.regime),
      h('p', { class: 'indices' }, `L ${st.l} · M ${st.m}`),
      h('button', { type: 'button', class: 'secondary small', onclick: () => ctx.go({ kind: 'title' }) }, 'Menu'),
      session.meta?.room
        ? h(
            'button',
            {
              type: 'button',
              class: 'secondary small',
              'data-testid': 'hand-in-progress',
              onclick: (e: Event) => {
                const opener = e.currentTarget as HTMLElement;
                pickerOpen = true;
                openHandIn(ctx, session, () => {
                  pickerOpen = false;
                  if (opener.isConnected) opener.focus();
                });
              },
            },
            'Hand in progress',
          )
        : null,
      presenterToggle(),
    );
  }

  function render(): void {
    const st = session.state;
    const active = document.activeElement as HTMLElement | null;
    const focused = active?.getAttribute('data-testid') ?? null;
    const onHeading = active !== null && header.contains(active);
    const turnResolved = drawnTurns !== session.records.length;
    drawnTurns = session.records.length;
    if (turnResolved) mountHeader(st);
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
      collapseWarningPanel(st),
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
            // Stays focusable when there is nothing to undo, so focus never jumps to End turn.
            'aria-disabled': st.plan.length === 0 ? 'true' : undefined,
            onclick: undo,
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
    if (turnResolved) {
      mount(situation, session.records.length ? situationPanel(s, session.records) : null);
      mount(
        summary,
        turnSummaryPanel(s, last, st, () => {
          results.scrollIntoView({ block: 'start' });
          results.focus({ preventScroll: true });
        }),
      );
      mount(meters, metersPanel(st));
      mount(results, last ? turnExplanation(s, last) : briefingNote());
      mount(chart, historyChart([session.start, ...session.records.map((r) => r.after)], s.turns));
    }
    ctx.world.show(worldViewOf(s, st, last));
    if (onHeading && !active.isConnected) {
      // The header is re-drawn: the same heading or button there takes focus again.
      const same = [...header.querySelectorAll<HTMLElement>(active.tagName)].find(
        (x) => x.textContent === active.textContent,
      );
      (same ?? header.querySelector<HTMLElement>('h1'))?.focus();
    } else if (focused) {
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
        'Keys: 1–9 and 0 pick the first ten cards, Shift with a digit the rest; Backspace undoes; Enter ends the turn when no button or link has focus (on a focused card, Enter chooses that card).',
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
      const def = offeredCards(session.state)[i];
      if (def) pick(def);
      return true;
    }
    // Enter ends the turn only when no control has focus: on a control it does what that control says.
    if (e.key === 'Enter' && !target?.closest('button, a, summary, details, [role="button"], [tabindex="0"]')) {
      apply({ type: 'end-turn' });
      return true;
    }
    if (e.key === 'Backspace') {
      undo();
      return true;
    }
    return false;
  });

  // A new game is saved from its first screen, so a reload finds it even before a choice. A
  // game read from storage is not written again until it changes: two tabs would echo forever.
  if (session.rev === 0 && !save(session)) return;
  render();
  if (session.state.over) ctx.go({ kind: 'end', session });
  else {
    header.querySelector<HTMLElement>('h1')?.focus();
    const w = collapseWarning(session.state);
    if (w) ctx.announce(`Warning: ${collapseWarningText(w)}`);
  }
}
