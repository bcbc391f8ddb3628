import type { Scenario } from '../../engine';
import { linkTo } from '../../platform/links';
import type { WorkshopRecord } from '../../platform/workshops';
import { h } from '../dom';
import { presenterToggle } from '../presenter';
import { qrCode } from '../qr';

/** The steps a team follows, on the handout and beside the link. */
const STEPS = [
  'On one device per team, open the link, scan the QR code, or open Momentum and type the room code under “Join a room”.',
  'Type your team’s name, read the briefing, and play: choose actions each turn, then end the turn.',
  'Talk before you choose: what does the team need now, direction or means?',
  'When your facilitator asks, use “Hand in progress” in the game to show how far you are.',
  'At the end, show your result’s QR code to the facilitator or paste its code into the room’s chat.',
];

/** What a live room's links add: the relay and the room's key, and each named team's own key. */
export interface LiveParams {
  readonly shared: Record<string, string>;
  readonly teams: ReadonlyMap<string, Record<string, string>>;
}

/** What the dashboard's header buttons do. */
export interface HeaderActions {
  readonly exportSession: () => void;
  /** One row per team per turn, or one row per team. */
  readonly exportCsv: (which: 'turns' | 'summary') => void;
  readonly allSessions: () => void;
  /** The browser's print dialog. */
  readonly print: () => void;
  readonly guide: () => void;
}

const small = (label: string, run: () => void, testid?: string): HTMLElement =>
  h('button', { type: 'button', class: 'secondary small', 'data-testid': testid, onclick: run }, label);

/** The session's name, room and game, with presenting, printing and exporting. */
export function dashboardHeader(record: WorkshopRecord, scenario: Scenario, act: HeaderActions): HTMLElement {
  return h(
    'header',
    { class: 'workshop-header' },
    h('h1', {}, record.name),
    // Not a paragraph: axe takes a short bold line for a heading in disguise.
    h('div', { class: 'room-code', 'data-testid': 'room-code' }, h('span', { class: 'muted' }, 'Room '), record.room),
    h('p', {}, `${scenario.title} · seed “${record.seed}”`),
    h(
      'div',
      { class: 'inline no-print' },
      presenterToggle(),
      small('Print the handout', () => printAs('handout', act.print)),
      small('Print the debrief report', () => printAs('report', act.print)),
      small('Export the session', act.exportSession, 'export-session'),
      small('Export CSV, per turn', () => act.exportCsv('turns'), 'export-csv'),
      small('Export CSV, per team', () => act.exportCsv('summary'), 'export-summary-csv'),
      small('Facilitator guide', act.guide, 'open-guide'),
      small('All sessions', act.allSessions),
    ),
  );
}

/**
 * The teams' link, to copy, scan or print: the QR code, the room code in large type, the steps,
 * and one link per listed team.
 */
export function handout(
  record: WorkshopRecord,
  scenario: Scenario,
  address: { readonly origin: string; readonly pathname: string },
  copy: (link: string) => void,
  live: LiveParams | null = null,
): HTMLElement {
  const link = linkTo({ scenario: scenario.id, seed: record.seed, room: record.room, ...live?.shared }, address);
  return h(
    'section',
    { class: 'handout', 'aria-labelledby': 'handout-title' },
    h('h2', { id: 'handout-title' }, 'The teams’ link'),
    h('p', { class: 'print-only handout-name' }, `${record.name} · ${scenario.title}`),
    h('label', { for: 'team-link' }, 'Link for every team'),
    h(
      'div',
      { class: 'inline' },
      h('input', { id: 'team-link', type: 'text', readonly: true, value: link, 'data-testid': 'team-link' }),
      h('button', { type: 'button', class: 'secondary no-print', onclick: () => copy(link) }, 'Copy'),
    ),
    h(
      'div',
      { class: 'handout-body' },
      qrCode(link, 'QR code of the teams’ link'),
      h(
        'div',
        {},
        h('p', { class: 'room-code big' }, record.room),
        h('ol', { class: 'steps' }, ...STEPS.map((s) => h('li', {}, s))),
      ),
    ),
    record.teams.length
      ? h(
          'section',
          { class: 'team-links', 'aria-labelledby': 'team-links-title', 'data-testid': 'team-links' },
          h('h3', { id: 'team-links-title' }, 'One link per team'),
          h('p', { class: 'muted small' }, 'Each opens the game with the team’s name already filled in.'),
          h(
            'ul',
            {},
            ...record.teams.map((t) => {
              const own = linkTo(
                { scenario: scenario.id, seed: record.seed, room: record.room, team: t, ...live?.teams.get(t) },
                address,
              );
              return h('li', {}, h('strong', {}, t), ' ', h('code', { class: 'team-own-link' }, own));
            }),
          ),
        )
      : null,
  );
}

/** The presenter's "Join" view: the room code and QR code large enough to read from the back of a room. */
export function joinView(
  record: WorkshopRecord,
  scenario: Scenario,
  address: { readonly origin: string; readonly pathname: string },
  live: LiveParams | null = null,
): HTMLElement {
  const link = linkTo({ scenario: scenario.id, seed: record.seed, room: record.room, ...live?.shared }, address);
  return h(
    'div',
    { class: 'join-view' },
    qrCode(link, 'QR code of the teams’ link'),
    h(
      'div',
      {},
      h('p', { class: 'join-step' }, 'Scan the code, or open Momentum and type the room code under “Join a room”:'),
      // Not a paragraph styled as a heading: a code to read out, in large type.
      h('div', { class: `room-code huge${record.room.length > 9 ? ' long' : ''}` }, record.room),
      h('p', { class: 'join-link' }, link),
      h('p', { class: 'muted' }, `${scenario.title} · one device per team`),
    ),
  );
}

/** Prints only the handout, or only the debrief report, through the print stylesheet. */
function printAs(what: 'handout' | 'report', print: () => void): void {
  document.body.dataset.print = what;
  const done = (): void => {
    delete document.body.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  print();
}
