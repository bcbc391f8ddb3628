import { seedProblem } from '../../replay/seed';
import { LAST_SCENARIO_KEY, newSession } from '../session';

/** The scenario a first game starts on. */
const TUTORIAL = 'first-team';
/** The field takes a little more than a seed may hold, so an over-long paste is told, not cut silently. */
const MAX_SEED_INPUT = 200;
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { DIFFICULTY_LABEL } from '../labels';

/** A short random seed anyone can read aloud to a room. */
export function randomSeed(): string {
  const words = [
    'amber',
    'birch',
    'cedar',
    'delta',
    'ember',
    'fjord',
    'grove',
    'harbor',
    'iris',
    'juniper',
    'kite',
    'lumen',
    'maple',
    'north',
    'orbit',
    'pine',
    'quartz',
    'river',
    'stone',
    'tide',
  ];
  const pick = (): string => words[Math.floor(Math.random() * words.length)]!;
  return `${pick()}-${pick()}-${Math.floor(Math.random() * 100)}`;
}

/** Scenario picker with a seed field: random by default, editable, shown during play. */
export function pickerScreen(ctx: AppContext, selected?: string, seed?: string): void {
  // A first game starts on the tutorial; later ones on the scenario played last.
  const known = (id: string | null | undefined): string | undefined =>
    id && ctx.entries.some((e) => e.scenario.id === id) ? id : undefined;
  const first =
    known(selected) ?? known(ctx.store.get(LAST_SCENARIO_KEY)) ?? known(TUTORIAL) ?? ctx.entries[0]?.scenario.id;
  const seedInput = h('input', {
    id: 'seed',
    type: 'text',
    value: seed ?? randomSeed(),
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'seed-help seed-error',
    maxlength: String(MAX_SEED_INPUT),
  });
  const seedError = h('p', { id: 'seed-error', class: 'field-error', 'data-testid': 'seed-error' });
  const showSeedError = (problem: string | null): void => {
    seedError.textContent = problem ?? '';
    if (problem) seedInput.setAttribute('aria-invalid', 'true');
    else seedInput.removeAttribute('aria-invalid');
  };
  seedInput.addEventListener('input', () => showSeedError(null));
  // Earlier versions of a custom scenario stay for their old games, never for a new one.
  const options = ctx.entries
    .filter((e) => !e.archived)
    .map(({ scenario: s }) =>
      h(
        'label',
        { class: 'scenario-option' },
        h('input', { type: 'radio', name: 'scenario', value: s.id, checked: s.id === first }),
        h(
          'span',
          { class: 'scenario-text' },
          h('span', { class: 'scenario-title' }, s.title),
          h(
            'span',
            { class: 'scenario-meta' },
            `${DIFFICULTY_LABEL[s.difficulty]} · ${s.turns} turns · ${s.timeBudget} h a turn`,
          ),
          h('span', { class: 'scenario-tagline' }, s.tagline),
          h('span', { class: 'scenario-briefing' }, s.briefing),
        ),
      ),
    );
  const start = (e: Event): void => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const id = (form.elements.namedItem('scenario') as RadioNodeList).value;
    const entry = ctx.entries.find((x) => x.scenario.id === id);
    if (!entry) return;
    // A seed the game would not carry in a code is refused here, before any turn is played.
    const problem = seedProblem(seedInput.value);
    if (problem) {
      showSeedError(problem);
      ctx.announce(problem);
      seedInput.focus();
      return;
    }
    ctx.go({ kind: 'briefing', session: newSession(entry, seedInput.value) });
  };
  mount(
    ctx.root,
    h(
      'form',
      { class: 'screen picker-screen', onsubmit: start },
      h('h1', {}, 'Choose a scenario'),
      h('fieldset', {}, h('legend', { class: 'sr-only' }, 'Scenario'), ...options),
      h(
        'div',
        { class: 'seed-row' },
        h('label', { for: 'seed' }, 'Seed'),
        seedInput,
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => (seedInput.value = randomSeed()) },
          'New seed',
        ),
      ),
      seedError,
      h(
        'p',
        { id: 'seed-help', class: 'muted small' },
        'The same scenario, seed and choices always give the same game. Give a room the same seed to compare runs.',
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, 'Read the briefing'),
        h('button', { type: 'button', class: 'secondary', onclick: () => ctx.go({ kind: 'title' }) }, 'Back'),
      ),
    ),
  );
  ctx.onKey(null);
  (ctx.root.querySelector('input[name=scenario]:checked') as HTMLElement | null)?.focus();
}
