import type { Scenario } from '../../engine';
import { SERIES_KEYS, type Room, type SeriesKey, type TeamRun } from '../../workshop';
import { h, mount } from '../dom';
import { letteredRoom } from './letters';
import { decisions, profiles, prompts, regimeGrid, roomChart, roomTable } from './views';

/** The room's views; "Join" (the room code and QR code, large) is for a projector, the handout shows it otherwise. */
const VIEWS = ['Join', 'Table', 'Chart', 'Regimes', 'Decisions', 'Profiles', 'Debrief'] as const;
type View = (typeof VIEWS)[number];

/** The most teams one view draws: a room is a few dozen, and a page of thousands would stall. */
const SHOWN_TEAMS = 100;

/** What the views show of a room while its hand-ins are still being verified. */
export interface RoomShown {
  readonly room: Room;
  readonly loading: boolean;
  readonly handIns: number;
}

/**
 * The room compared: a picker of views (all at once on a laptop, one at a time on a projector),
 * and the table, chart, regimes, decisions, profiles and debrief questions it picks.
 */
export function roomViews(
  scenario: Scenario,
  presenting: boolean,
  join: () => HTMLElement,
): {
  readonly picker: HTMLElement;
  readonly results: HTMLElement;
  draw(shown: RoomShown): void;
  present(on: boolean): void;
  /** Shows every view while printing (on), then the view chosen before (off). */
  printing(on: boolean): void;
} {
  let view: View | 'All' = presenting ? 'Join' : 'All';
  let presentingNow = presenting;
  // While printing, every view is shown; this is the one to come back to.
  let chosenBeforePrint: View | 'All' | null = null;
  let ranked = false;
  let hideNames = false;
  // The team the chart draws in full, the others faded, by its kept hand-in (see keyOf), so a
  // team that hands in meanwhile, or names hidden, leave the highlight on the same team.
  let highlight: string | null = null;
  let meter: SeriesKey = 'morale';
  let turn = 1;
  let last: RoomShown = { room: { teams: [], refused: [], notes: [] }, loading: true, handIns: 0 };
  const results = h('div', { class: 'room-results' });
  const again = (): void => draw(last);
  const { picker, viewButtons } = viewPicker(
    () => view,
    (v) => ((view = v), again()),
    (on) => ((hideNames = on), again()),
  );

  const section = (name: View, title: string, ...body: (HTMLElement | null)[]): HTMLElement | null =>
    view === name || (view === 'All' && name !== 'Join') ? viewSection(name, title, ...body) : null;

  function draw(shownRoom: RoomShown): void {
    last = shownRoom;
    const room = hideNames ? letteredRoom(shownRoom.room) : shownRoom.room;
    for (const b of viewButtons.querySelectorAll('button'))
      b.setAttribute('aria-pressed', String(b.textContent === view));
    const turnSelect = turnPicker(scenario.turns, turn, (t) => ((turn = t), again()));
    const meterSelect = meterPicker(meter, (k) => ((meter = k), again()));
    // A room of thousands (a stress test, a merged archive) shows its first teams, never all at once.
    const shown = room.teams.length > SHOWN_TEAMS ? { ...room, teams: room.teams.slice(0, SHOWN_TEAMS) } : room;
    mount(
      results,
      roomNotice(shownRoom, room, shown !== room),
      section('Join', 'Join the room', join()),
      section(
        'Table',
        `Teams (${room.teams.length} verified)`,
        h(
          'label',
          { class: 'inline no-print' },
          h('input', {
            type: 'checkbox',
            checked: ranked,
            onchange: (e: Event) => ((ranked = (e.target as HTMLInputElement).checked), again()),
          }),
          'Rank by score',
        ),
        roomTable(room, scenario, { ranked, limit: SHOWN_TEAMS, shorten: presentingNow }),
      ),
      section(
        'Chart',
        'One meter, every team',
        h(
          'div',
          { class: 'inline chart-controls no-print' },
          h('label', { for: 'ws-meter' }, 'Meter '),
          meterSelect,
          h('label', { for: 'ws-highlight' }, 'Highlight '),
          highlightPicker(shown, highlight, (f) => ((highlight = f), again())),
        ),
        roomChart(shown, scenario, meter, highlightIndex(shown, highlight)),
      ),
      section('Regimes', 'Regimes, turn by turn', regimeGrid(shown, scenario)),
      section(
        'Decisions',
        'Decisions',
        h('label', { for: 'ws-turn' }, 'At '),
        turnSelect,
        decisions(shown, scenario, turn),
      ),
      section('Profiles', 'Where the time went: leading : managing hours by aspect', profiles(shown)),
      section('Debrief', 'Questions for the debrief', prompts(room, scenario)),
    );
  }

  return {
    picker,
    results,
    draw,
    printing(on) {
      if (on === (chosenBeforePrint !== null)) return;
      if (on) {
        chosenBeforePrint = view;
        view = 'All';
      } else {
        view = chosenBeforePrint ?? view;
        chosenBeforePrint = null;
      }
      again();
    },
    // On a projector the dashboard shows one view at a time, in large type.
    present(on) {
      presentingNow = on;
      view = on ? (view === 'All' ? 'Join' : view) : 'All';
      again();
    },
  };
}

/** One view's section: its container says which view it is, for the presenter layout and its tests. */
function viewSection(name: View, title: string, ...body: (HTMLElement | null)[]): HTMLElement {
  return h(
    'section',
    {
      class: `room-view room-view-${name.toLowerCase()}`,
      'data-testid': 'presenter-view',
      'data-view': name.toLowerCase(),
    },
    h('h2', {}, title),
    ...body,
  );
}

/** What is said above the views: a room too large to draw whole, or one with nothing to show yet. */
function roomNotice(shown: RoomShown, room: Room, cut: boolean): HTMLElement | null {
  if (cut) {
    return h(
      'p',
      { class: 'notice small', 'data-testid': 'teams-cut' },
      `This room has ${room.teams.length.toLocaleString('en')} teams: each view shows the first ${SHOWN_TEAMS} (by name, or by score when ranked). The CSV export holds them all.`,
    );
  }
  if (room.teams.length > 0 || room.refused.length > 0) return null;
  return h(
    'p',
    { class: 'muted' },
    shown.loading && shown.handIns > 0
      ? `Verifying the room’s ${shown.handIns.toLocaleString('en')} hand-ins…`
      : 'No team has handed in yet.',
  );
}

/** The turn the Decisions view shows. */
function turnPicker(turns: number, turn: number, pick: (turn: number) => void): HTMLSelectElement {
  return h(
    'select',
    { id: 'ws-turn', onchange: (e: Event) => pick(Number((e.target as HTMLSelectElement).value)) },
    ...Array.from({ length: turns }, (_, i) =>
      h('option', { value: String(i + 1), selected: i + 1 === turn }, `Turn ${i + 1}`),
    ),
  );
}

/** The meter the Chart view follows. */
function meterPicker(meter: SeriesKey, pick: (meter: SeriesKey) => void): HTMLSelectElement {
  return h(
    'select',
    { id: 'ws-meter', onchange: (e: Event) => pick((e.target as HTMLSelectElement).value as SeriesKey) },
    ...SERIES_KEYS.map((k) =>
      h(
        'option',
        { value: k, selected: k === meter },
        k === 'l' ? 'L' : k === 'm' ? 'M' : k[0]!.toUpperCase() + k.slice(1),
      ),
    ),
  );
}

/** The team the chart shows in full while the others fade, or none. */
function highlightPicker(
  room: Room,
  chosen: string | null,
  pick: (fingerprint: string | null) => void,
): HTMLSelectElement {
  return h(
    'select',
    {
      id: 'ws-highlight',
      'data-testid': 'chart-highlight',
      onchange: (e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        pick(v === '' ? null : v);
      },
    },
    h('option', { value: '', selected: chosen === null }, 'No team'),
    ...room.teams.map((t) => h('option', { value: keyOf(t), selected: keyOf(t) === chosen }, t.team)),
  );
}

/**
 * A team's run as the chart's highlight remembers it: the text of the hand-in it keeps, which
 * names the team and stays the same when names are hidden or other teams hand in.
 */
const keyOf = (t: TeamRun): string => t.texts.at(-1) ?? t.fingerprint;

/** Where the highlighted team is in the room's order now; null when none is, or it has left. */
function highlightIndex(room: Room, key: string | null): number | null {
  const i = key === null ? -1 : room.teams.findIndex((t) => keyOf(t) === key);
  return i < 0 ? null : i;
}

/** The buttons that pick a view, and the switch that hides the teams' names. */
function viewPicker(
  current: () => View | 'All',
  choose: (v: View | 'All') => void,
  hideNames: (on: boolean) => void,
): { picker: HTMLElement; viewButtons: HTMLElement } {
  const hide = h('input', {
    type: 'checkbox',
    'data-testid': 'hide-names',
    onchange: (e: Event) => hideNames((e.target as HTMLInputElement).checked),
  });
  const viewButtons = h(
    'div',
    { class: 'inline view-buttons', role: 'group', 'aria-label': 'Show' },
    ...(['All', ...VIEWS] as const).map((v) =>
      h(
        'button',
        { type: 'button', class: 'secondary small', 'aria-pressed': String(current() === v), onclick: () => choose(v) },
        v,
      ),
    ),
  );
  const picker = h(
    'div',
    { class: 'inline view-picker' },
    viewButtons,
    h('label', { class: 'inline hide-names' }, hide, 'Hide names (teams as letters)'),
  );
  return { picker, viewButtons };
}
