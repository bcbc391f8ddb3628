import type { ActionDef } from '../../engine';
import type { TurnRecord } from '../../replay/timeline';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { briefingNote } from '../panels/briefing-note';
import { driversPanel } from '../panels/drivers';
import { goalPanel } from '../panels/goal';
import { teamPanel } from '../panels/team-panel';
import { actionCards } from '../panels/cards';
import { historyChart } from '../panels/chart';
import { turnExplanation } from '../panels/explain';
import { phoneBar, type JumpTarget } from '../panels/phone-bar';
import { playHeader } from '../panels/play-header';
import { situationPanel } from '../panels/situation';
import { turnControls } from '../panels/turn-controls';
import { metersPanel, turnSummaryPanel } from '../panels/turn-summary';
import type { Session } from '../session';
import { touchOnly } from '../touch';
import { worldViewOf } from '../world-view';

/** The play screen's parts, each redrawn on its own. */
interface PlayHosts {
  readonly header: HTMLElement;
  readonly phoneBar: HTMLElement;
  readonly turnPanel: HTMLElement;
  readonly cards: HTMLElement;
  readonly results: HTMLElement;
  readonly summary: HTMLElement;
  readonly goal: HTMLElement;
  readonly drivers: HTMLElement;
  readonly team: HTMLElement;
  readonly meters: HTMLElement;
  readonly chart: HTMLElement;
  readonly situation: HTMLElement;
}

/** What the screen shows: the game, its last resolved turn, and the last refused choice. */
export interface TurnView {
  readonly session: Session;
  readonly last: TurnRecord | null;
  readonly error: string | null;
  /** Why the turn cannot end yet, when a live room's facilitator paces the rounds. */
  readonly waiting?: string | null;
}

/** What the screen's controls do. */
export interface PlayControls {
  pick(def: ActionDef): void;
  undo(): void;
  endTurn(): void;
  menu(): void;
  handIn(opener: HTMLElement): void;
}

/** Lays out the play screen: the world and the turn's story on the stage, the controls beside it. */
function playLayout(ctx: AppContext): { screen: HTMLElement; hosts: PlayHosts } {
  const hosts: PlayHosts = {
    header: h('header', { class: 'play-header' }),
    phoneBar: h('div', { class: 'phone-bar-host' }),
    turnPanel: h('section', { class: 'turn-panel', 'aria-label': 'This turn' }),
    cards: h('div', { class: 'cards-host', id: 'cards' }),
    results: h('section', {
      class: 'results',
      id: 'turn-explanation',
      'aria-label': 'Last turn explained',
      tabindex: '-1',
    }),
    summary: h('div', { class: 'turn-summary-host' }),
    goal: h('div', { class: 'goal-host' }),
    drivers: h('div', { class: 'drivers-host', tabindex: '-1' }),
    team: h('div', { class: 'team-host' }),
    meters: h('div', { class: 'meters-host', tabindex: '-1' }),
    chart: h('div', { class: 'chart-host' }),
    situation: h('div', { class: 'situation-host', tabindex: '-1' }),
  };
  const { header, turnPanel, cards, results, summary, goal, drivers, team, meters, chart, situation } = hosts;
  const screen = h(
    'section',
    { class: 'screen play-screen' },
    header,
    hosts.phoneBar,
    h(
      'div',
      { class: 'play-grid' },
      h('div', { class: 'stage' }, ctx.world.element, summary, goal, drivers, team, meters, situation, results, chart),
      h('div', { class: 'controls' }, turnPanel, cards),
    ),
  );
  mount(ctx.root, screen);
  return { screen, hosts };
}

/**
 * Focused controls scroll clear of whatever sticks at the top: the turn panel beside the cards,
 * or on a phone the phone bar. Their heights are CSS variables.
 */
function followStickyHeights(screen: HTMLElement, turnPanel: HTMLElement, phoneBarHost: HTMLElement): void {
  const sticky = new ResizeObserver(() => {
    if (!turnPanel.isConnected) return sticky.disconnect();
    screen.style.setProperty('--turn-panel-height', `${Math.ceil(turnPanel.getBoundingClientRect().height)}px`);
    screen.style.setProperty('--phone-bar-height', `${Math.ceil(phoneBarHost.getBoundingClientRect().height)}px`);
  });
  sticky.observe(turnPanel);
  sticky.observe(phoneBarHost);
}

/**
 * Builds the play screen and returns how to draw it. The header, briefing, summary, meters,
 * explanation and chart change only when a turn resolves: redrawn only then, a card chosen
 * repaints what it changes, and focus and opened definitions stay while choosing.
 */
export function playView(
  ctx: AppContext,
  on: PlayControls,
): { draw(view: TurnView): void; showSummary(): void; focusHeading(): void } {
  const { screen, hosts } = playLayout(ctx);
  followStickyHeights(screen, hosts.turnPanel, hosts.phoneBar);
  const { header, turnPanel, cards, results, summary, goal, drivers, team, meters, chart, situation } = hosts;
  /** Turns resolved when the turn's panels were last drawn. */
  let drawnTurns = -1;

  /** The phone bar's jumps: the part scrolled to the top, and focus where the player acts next. */
  const jump = (to: JumpTarget): void => {
    const place = { summary, drivers, situation, meters, cards, turn: turnPanel }[to];
    const focus =
      to === 'summary'
        ? summary.querySelector<HTMLElement>('h2')
        : to === 'cards'
          ? cards.querySelector<HTMLElement>('button:not([disabled])')
          : to === 'turn'
            ? turnPanel.querySelector<HTMLElement>('[data-testid="end-turn"]')
            : place;
    place.scrollIntoView({ block: 'start' });
    focus?.focus({ preventScroll: true });
  };

  const draw = ({ session, last, error, waiting = null }: TurnView): void => {
    const s = session.scenario;
    const st = session.state;
    const active = document.activeElement as HTMLElement | null;
    const focused = active?.getAttribute('data-testid') ?? null;
    const onHeading = active !== null && header.contains(active);
    const turnResolved = drawnTurns !== session.records.length;
    drawnTurns = session.records.length;
    if (turnResolved) mount(header, ...playHeader(session, st, on));
    mount(turnPanel, ...turnControls(s, st, error, on, waiting));
    mount(
      hosts.phoneBar,
      phoneBar(st, s.turns, (to) => to !== 'situation' || session.records.length > 0, jump),
    );
    mount(cards, actionCards(s, st, on.pick));
    if (turnResolved) {
      mount(situation, session.records.length ? situationPanel(s, session.records) : null);
      mount(
        summary,
        turnSummaryPanel(s, session.records, st, () => {
          results.scrollIntoView({ block: 'start' });
          results.focus({ preventScroll: true });
        }),
      );
      mount(goal, goalPanel(s, st));
      mount(drivers, driversPanel(st));
      mount(team, teamPanel(s, st));
      mount(meters, metersPanel(st));
      mount(results, last ? turnExplanation(s, last) : briefingNote(s, touchOnly(ctx.services)));
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
  };

  return {
    draw,
    /** After a turn: the summary's heading takes focus, and the whole summary is brought into view. */
    showSummary() {
      const heading = summary.querySelector<HTMLElement>('h2');
      heading?.focus({ preventScroll: true });
      // On a phone its top goes just below the phone bar: a long summary is read from its start.
      summary.scrollIntoView({ block: hosts.phoneBar.getBoundingClientRect().height > 0 ? 'start' : 'nearest' });
    },
    focusHeading() {
      header.querySelector<HTMLElement>('h1')?.focus();
    },
  };
}
