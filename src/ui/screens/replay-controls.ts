import { queryString } from '../../platform/links';
import { namedByPlayer } from '../../replay/player-words';
import { choiceWords } from '../../replay/words';
import { h } from '../dom';
import { branchBox } from './replay-branch';
import { turnName, type ReplayRun } from './replay-run';

/** What the replay's controls ask of the screen. */
export interface ReplayActions {
  /** Steps by `by` turns (-1 back, 1 forward). */
  step(by: number): void;
  /** Plays, or pauses while playing. */
  play(): void;
  /** Moves to turn `at` (the slider). */
  seek(at: number): void;
  branch(): void;
  compare(): void;
  compareParent(): void;
  title(): void;
}

/** The replay's control panel, kept in step with the turn shown and whether it plays. */
export interface ReplayControls {
  readonly element: HTMLElement;
  readonly playButton: HTMLButtonElement;
  showTurn(at: number): void;
  showPlaying(playing: boolean): void;
  refuseBranch(reason: string): void;
}

/**
 * Who played the run and where it came from, that it verified, the step and play buttons with the
 * choices of the turn shown, the turn slider, branching, and ways to the scenario, a comparison and the title. `parentNote` is
 * where comparing with a parent run this browser lacks says so.
 */
export function replayControls(run: ReplayRun, actions: ReplayActions, parentNote: HTMLElement | null): ReplayControls {
  const { scenario, doc, records, last } = run;
  const slider = h('input', {
    id: 'turn-slider',
    type: 'range',
    min: 0,
    max: last,
    step: 1,
    value: 0,
    'aria-valuetext': '',
  });
  slider.addEventListener('input', () => actions.seek(Number(slider.value)));
  const playButton = h(
    'button',
    { type: 'button', class: 'primary', 'aria-keyshortcuts': 'Space', onclick: () => actions.play() },
    'Play',
  );
  const branch = branchBox(() => actions.branch());
  // The choices of the turn shown, beside the buttons that step through turns.
  const choices = h('p', { class: 'replay-choices', 'data-testid': 'replay-choices' });
  const named = namedByPlayer(doc.meta);
  const lineage = doc.lineage;
  const element = h(
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
    h('p', { class: 'muted small' }, `Verified: re-played from the seed, every turn matches. ${records.length} turns.`),
    h(
      'div',
      { class: 'inline' },
      stepButton('◀ Step', 'Step back', 'ArrowLeft', () => actions.step(-1)),
      playButton,
      stepButton('Step ▶', 'Step forward', 'ArrowRight', () => actions.step(1)),
    ),
    choices,
    h('label', { for: 'turn-slider' }, 'Turn'),
    slider,
    branch.element,
    h(
      'div',
      { class: 'inline' },
      h(
        'a',
        { class: 'button secondary small', href: `?${queryString({ scenario: scenario.id, seed: doc.seed })}` },
        'Play this scenario and seed',
      ),
      smallButton('Compare with another run', () => actions.compare()),
      lineage ? smallButton('Compare with the run it came from', () => actions.compareParent()) : null,
      smallButton('Title', () => actions.title()),
    ),
    parentNote,
  );
  return {
    element,
    playButton,
    showTurn(at) {
      slider.value = String(at);
      slider.setAttribute('aria-valuetext', turnName(at, last));
      const chosen = records[at - 1]?.choices ?? [];
      choices.replaceChildren(
        at === 0 ? 'The start: nothing chosen yet.' : h('strong', {}, `Turn ${at} chose: `),
        at === 0 ? '' : chosen.length ? chosen.map((c) => choiceWords(scenario, c)).join('; ') : 'nothing',
      );
      branch.showTurn(at);
    },
    showPlaying(playing) {
      playButton.textContent = playing ? 'Pause' : 'Play';
    },
    refuseBranch: (reason) => branch.refuse(reason),
  };
}

function stepButton(text: string, label: string, key: string, run: () => void): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'secondary', 'aria-label': label, 'aria-keyshortcuts': key, onclick: run },
    text,
  );
}

function smallButton(text: string, run: () => void): HTMLElement {
  return h('button', { type: 'button', class: 'secondary small', onclick: run }, text);
}
