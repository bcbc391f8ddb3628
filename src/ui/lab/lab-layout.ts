import { h } from '../dom';
import { randomSeed } from '../screens/picker';

/**
 * The lab's page, top to bottom: where a scenario comes from, the editor and its problems, then
 * what can be done with it (its balance, a game of it, a link, its file) and how that went.
 */

/** The parts the lab's concerns build, each placed here. */
interface LabParts {
  readonly heading: HTMLElement;
  /** Open a file, or start from a copy of a shipped scenario. */
  readonly files: HTMLElement;
  /** Where the editor's text came from. */
  readonly source: HTMLElement;
  /** How the browser keeps drafts. */
  readonly storage: HTMLElement;
  readonly kept: HTMLElement;
  /** A link's scenario meeting a kept one of its id, and a draft a link put aside. */
  readonly choice: HTMLElement;
  readonly aside: HTMLElement;
  readonly editor: HTMLElement;
  /** The check's summary, its problems and how many more there are. */
  readonly check: readonly HTMLElement[];
  readonly balance: HTMLElement;
  readonly progress: HTMLElement;
  readonly status: HTMLElement;
  readonly share: HTMLElement;
  readonly report: HTMLElement;
}

/** What the lab's own buttons do. */
interface LabActions {
  back(): void;
  /** Plays the scenario on the seed typed (maybe blank). */
  play(seed: string): void;
  share(): void;
  download(): void;
}

export function labLayout(parts: LabParts, actions: LabActions): HTMLElement {
  const seedInput = h('input', {
    id: 'lab-seed',
    type: 'text',
    value: randomSeed(),
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const button = (testid: string, kind: 'primary' | 'secondary', run: () => void, text: string): HTMLElement =>
    h('button', { type: 'button', class: kind, 'data-testid': testid, onclick: run }, text);
  return h(
    'section',
    { class: 'screen lab-screen' },
    h(
      'header',
      { class: 'lab-header' },
      parts.heading,
      h('button', { type: 'button', class: 'secondary', onclick: actions.back }, 'Back to the title'),
    ),
    h(
      'p',
      {},
      'Write a scenario for your own organisation: open its file, or start from a copy of one that ships with the game. It is checked as you type, exactly as the game and the sim CLI check it.',
    ),
    parts.files,
    parts.source,
    parts.storage,
    parts.kept,
    h('div', { class: 'lab-guard' }, parts.choice, parts.aside),
    parts.editor,
    h('h2', {}, 'Problems'),
    ...parts.check,
    h('h2', {}, 'Try it'),
    parts.balance,
    parts.progress,
    h(
      'div',
      { class: 'lab-actions' },
      h('label', { for: 'lab-seed' }, 'Seed'),
      seedInput,
      button('lab-play', 'primary', () => actions.play(seedInput.value), 'Play this scenario'),
      button('lab-share', 'secondary', actions.share, 'Share'),
      button('lab-download', 'secondary', actions.download, 'Download the file'),
    ),
    parts.status,
    parts.share,
    parts.report,
  );
}
