import type { WorkshopRecord } from '../../platform/workshops';
import type { ScenarioEntry } from '../../replay/verify';
import { h } from '../dom';
import { DIFFICULTY_LABEL } from '../labels';
import { newRoomSeed } from '../../platform/room-codes';

/** What the form says of a new session: the room's code, date and hand-ins are not the form's. */
type SessionFields = Pick<WorkshopRecord, 'name' | 'scenario' | 'seed' | 'teams'> & {
  /** A live relay's address, or '' for a room that collects by code alone. */
  readonly relay: string;
};

/** The form for a new session. */
export interface SetupForm {
  readonly element: HTMLFormElement;
  /** The session as filled in; a blank name is the day's default. */
  values(): SessionFields;
  /** Says why the seed cannot be used, beside it, and puts the cursor there. */
  refuseSeed(problem: string): void;
  /** Says why the relay's address cannot be used, beside it, and puts the cursor there. */
  refuseRelay(problem: string): void;
  /** Fills in the relay started with the site, unless one was typed already. */
  offerRelay(url: string): void;
  focus(): void;
}

/** Team names typed one per line (or separated by commas), trimmed, without repeats. */
function teamNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const name = raw.trim().slice(0, 60);
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/**
 * A new session's form: its name (the day's date unless typed), the scenario of every team, one
 * seed for the room (a new one at a click) and, optionally, the teams' names.
 */
export function setupForm(
  entries: readonly ScenarioEntry[],
  today: string,
  act: { readonly create: () => void; readonly back: () => void },
): SetupForm {
  const fallback = `Workshop, ${today}`;
  const name = h('input', { id: 'ws-name', type: 'text', value: fallback, maxlength: '120' });
  const seed = h('input', {
    id: 'ws-seed',
    type: 'text',
    value: newRoomSeed(),
    maxlength: '200',
    spellcheck: 'false',
    'aria-describedby': 'ws-seed-help ws-error',
  });
  const teams = h('textarea', { id: 'ws-teams', rows: '4', placeholder: 'Blue\nGreen\nRed' });
  const relay = h('input', {
    id: 'ws-relay',
    // Text, not url: the address is checked here, with a sentence, not by the browser's own bubble.
    type: 'text',
    inputmode: 'url',
    value: '',
    placeholder: 'ws://192.168.1.20:1234',
    spellcheck: 'false',
    autocomplete: 'off',
    'data-testid': 'relay-url',
    'aria-describedby': 'ws-relay-help ws-relay-error',
  });
  const relayError = h('p', { class: 'field-error', id: 'ws-relay-error' });
  const error = h('p', { class: 'field-error', id: 'ws-error' });
  const scenarios = h(
    'select',
    { id: 'ws-scenario' },
    ...entries
      .filter((e) => !e.archived)
      .map(({ scenario: s }) =>
        h('option', { value: s.id }, `${s.title} (${DIFFICULTY_LABEL[s.difficulty]}, ${s.turns} turns)`),
      ),
  );
  const submit = (e: Event): void => {
    e.preventDefault();
    act.create();
  };
  const element = h(
    'form',
    { class: 'workshop-setup', 'data-testid': 'workshop-setup', onsubmit: submit },
    h('label', { for: 'ws-name' }, 'Session name'),
    name,
    h('label', { for: 'ws-scenario' }, 'Scenario'),
    scenarios,
    h('label', { for: 'ws-seed' }, 'Seed (the same for every team)'),
    h(
      'div',
      { class: 'inline' },
      seed,
      h('button', { type: 'button', class: 'secondary', onclick: () => (seed.value = newRoomSeed()) }, 'New seed'),
    ),
    h(
      'p',
      { class: 'muted small', id: 'ws-seed-help' },
      'Teams can join by typing the room code, which carries the seed: a seed of five letters and digits, as offered here, gives the shortest code (7 characters); a seed of your own follows a dash in it.',
    ),
    error,
    h('label', { for: 'ws-teams' }, 'Team names (optional, one per line): each gets its own link'),
    teams,
    h('label', { for: 'ws-relay' }, 'Live relay (optional)'),
    relay,
    h(
      'p',
      { class: 'muted small', id: 'ws-relay-help' },
      'With a relay, each team’s run reaches this page as the team plays, and you can pace the rounds. Without one, or when it cannot be reached, teams hand in their codes as usual. “npm start” runs one beside the site and fills this in; for teams’ phones, open this page at the laptop’s network address (start it with “npm start -- --host”), not localhost, which a phone takes for itself.',
    ),
    relayError,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Create the session'),
      h('button', { type: 'button', class: 'secondary', onclick: act.back }, 'Back'),
    ),
  );
  return {
    element,
    values: () => ({
      name: name.value.trim() || fallback,
      scenario: scenarios.value,
      seed: seed.value.trim(),
      teams: teamNames(teams.value),
      relay: relay.value.trim(),
    }),
    refuseRelay(problem) {
      relayError.textContent = problem;
      relay.setAttribute('aria-invalid', 'true');
      relay.focus();
    },
    offerRelay(url) {
      if (relay.value.trim() === '') relay.value = url;
    },
    refuseSeed(problem) {
      error.textContent = problem;
      seed.setAttribute('aria-invalid', 'true');
      seed.focus();
    },
    focus: () => name.focus(),
  };
}
