import type { ScenarioProblem } from '../../scenarios/lint';
import { h, mount } from '../dom';
import type { Clock } from '../services';
import { scenarioChecker, WORKER_CHARS } from './lint-check';

/**
 * The scenario's check as the author types: a summary in words, every problem listed with a link
 * to its place in the text, and why a shared link or a file could not be opened.
 */

/** A file with thousands of problems lists the first of them: the rest usually share their cause. */
const MAX_SHOWN = 500;

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface LiveCheck {
  readonly summary: HTMLElement;
  readonly list: HTMLElement;
  readonly more: HTMLElement;
  /** The problems of the latest check. */
  problems(): readonly ScenarioProblem[];
  /**
   * Checks `text` as the game loads it and shows the outcome; gives the problems listed, or none
   * when a later check has started meanwhile.
   */
  check(source: string, text: string): Promise<readonly ScenarioProblem[]>;
  /** Why a shared link could not be read, listed first until another scenario is opened (null). */
  linkProblem(reason: string | null): void;
  /** Says a file was not opened, and why. */
  refused(reason: string): void;
  /** Starts the checking worker ahead of a large text. */
  warm(): void;
  stop(): void;
}

/**
 * The live check. `newWorker` gives a worker for large texts; `goTo` takes the cursor to a
 * problem; `onValid` hears of every check that found a valid scenario.
 */
export function liveCheck(
  clock: Clock,
  newWorker: () => Worker | null,
  goTo: (problem: ScenarioProblem) => void,
  onValid: () => void,
): LiveCheck {
  const checker = scenarioChecker(newWorker);
  const summary = h('p', { class: 'lab-summary', 'data-testid': 'lab-summary', role: 'status' });
  const list = h('ul', { class: 'lab-problems', 'data-testid': 'lab-problems' });
  const more = h('p', { class: 'muted small' });
  let problems: readonly ScenarioProblem[] = [];
  let fromLink: string | null = null;
  let seq = 0;
  let stopped = false;

  const item = (p: ScenarioProblem): HTMLElement => {
    const where = p.line === null ? null : `line ${p.line}${p.column === null ? '' : `, column ${p.column}`}`;
    return h(
      'li',
      { class: 'lab-problem' },
      where
        ? h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'aria-label': `Go to ${where}: ${p.message}`,
              onclick: () => goTo(p),
            },
            `Go to ${where}`,
          )
        : null,
      h('span', { class: 'lab-problem-text' }, p.text),
    );
  };
  const textItem = (text: string): HTMLElement =>
    h('li', { class: 'lab-problem' }, h('span', { class: 'lab-problem-text' }, text));

  const check = async (source: string, text: string): Promise<readonly ScenarioProblem[]> => {
    const mine = ++seq;
    if (text.length >= WORKER_CHARS) summary.textContent = 'Checking…';
    const started = clock.elapsed();
    const r = await checker.check(source, text);
    if (mine !== seq || stopped) return [];
    problems = r.problems;
    const shown = problems.slice(0, MAX_SHOWN);
    mount(list, fromLink ? textItem(fromLink) : null, ...shown.map(item));
    more.textContent =
      problems.length > MAX_SHOWN
        ? `The first ${MAX_SHOWN} are listed; ${(problems.length - MAX_SHOWN).toLocaleString('en-US')} more follow once these are fixed.`
        : '';
    summary.dataset.ms = String(Math.round(clock.elapsed() - started));
    summary.textContent = r.scenario
      ? `No problems: “${r.scenario.title}” (${r.scenario.id}) is a valid scenario of ${plural(r.scenario.turns, 'turn', 'turns')}.`
      : `${plural(problems.length, 'problem', 'problems')} to fix.`;
    if (fromLink) summary.textContent = `The shared link could not be opened. ${summary.textContent}`;
    summary.dataset.ok = String(r.scenario !== null && !fromLink);
    if (r.scenario) onValid();
    return shown;
  };

  return {
    summary,
    list,
    more,
    problems: () => problems,
    check,
    linkProblem(reason) {
      fromLink = reason;
    },
    refused(reason) {
      summary.textContent = 'The file was not opened.';
      mount(list, textItem(reason));
    },
    warm: () => checker.warm(),
    stop() {
      stopped = true;
      checker.stop();
    },
  };
}
