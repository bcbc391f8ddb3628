import { actionDef, type Scenario } from '../../engine';
import { runBalance, workerExecutors, type BalanceRunResult, type BalanceWorkerPort } from '../../lab/balance-run';
import { balanceVerdict, type Finding } from '../../lab/verdict';
import { lintScenarioText } from '../../scenarios/lint';
import type { AppContext } from '../context';
import { h, mount } from '../dom';
import { balanceProgress } from './balance-progress';
import type { Draft } from './draft-autosave';
import { plural } from './live-check';
import { reportView } from './report';
import { workerPool } from './worker-pool';

/**
 * "Check its balance": the scenario's balance report played on the lab's workers, with its
 * progress and Cancel, and the report drawn once every game is played.
 */

const DEFAULT_RUNS = 500;

/** The games per player and the button that starts a report (`onBalance`). */
function runControls(onBalance: () => void): {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  runs(): number;
} {
  const runsInput = h('input', {
    id: 'lab-runs',
    type: 'number',
    min: 1,
    max: 100000,
    value: DEFAULT_RUNS,
    inputmode: 'numeric',
    'data-testid': 'lab-runs',
  });
  const button = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'lab-balance', onclick: onBalance },
    'Check its balance',
  );
  return {
    element: h('div', { class: 'lab-actions' }, h('label', { for: 'lab-runs' }, 'Games per player'), runsInput, button),
    button,
    runs: () => Number(runsInput.value),
  };
}

/** Draws a finished report in `box`; gives its findings, the most telling first. */
function drawReport(
  box: HTMLElement,
  result: Extract<BalanceRunResult, { ok: true }>,
  scenario: Scenario,
  seconds: number,
): Finding[] {
  const findings = balanceVerdict(result.report);
  mount(
    box,
    reportView(
      result.report,
      result.details,
      findings,
      seconds,
      (id) => actionDef(id)?.title ?? id,
      (id) => scenario.members.find((m) => m.id === id)?.name ?? id,
    ),
  );
  box.dataset.seconds = seconds.toFixed(2);
  return findings;
}

export interface BalanceRunner {
  /** The games per player and the button that starts a report. */
  readonly controls: HTMLElement;
  readonly progress: HTMLElement;
  readonly report: HTMLElement;
  /** Starts the workers ahead of a report: the scenario is valid. */
  warm(): void;
  /** Takes the report away: another scenario is open. */
  clear(): void;
  leave(): void;
}

/** The balance report of what `current` holds; `say` is the lab's line for how an action went. */
export function balanceRunner(
  ctx: Pick<AppContext, 'services' | 'announce'>,
  current: () => Draft,
  say: (text: string) => void,
): BalanceRunner {
  const { clock } = ctx.services;
  const pool = workerPool(ctx.services);
  const report = h('div', { class: 'lab-report-box' });
  const stop = (finished = false): void => {
    if (!pool.stop(finished)) return;
    progress.show(false);
    button.disabled = false;
  };
  const progress = balanceProgress(ctx.services.timers, () => {
    stop();
    say('The balance report was cancelled.');
    ctx.announce('The balance report was cancelled.');
    button.focus();
  });

  const balance = async (): Promise<void> => {
    const { text, source } = current();
    const r = lintScenarioText(source, text, { expectedId: null });
    if (!r.ok) {
      say(`Fix the ${plural(r.problems.length, 'problem', 'problems')} listed above before measuring its balance.`);
      return;
    }
    const runs = controls.runs();
    stop();
    mount(report);
    const run = pool.start();
    progress.show(true);
    button.disabled = true;
    say('Measuring its balance…');
    const started = clock.elapsed();
    const result = await runBalance(r.scenario, {
      runs,
      executors: run.workers.flatMap((w) => workerExecutors(w as unknown as BalanceWorkerPort)),
      signal: run.abort.signal,
      onProgress: progress.update,
    });
    progress.settle();
    if (!pool.playing(run)) return;
    const seconds = (clock.elapsed() - started) / 1000;
    stop(result.ok);
    if (result.ok) {
      const findings = drawReport(report, result, r.scenario, seconds);
      say(`The balance report is ready (${seconds.toFixed(1)} s).`);
      ctx.announce(`Balance report ready. ${findings[0]?.text ?? ''}`);
      return;
    }
    if (!result.cancelled) {
      say(result.reason);
      ctx.announce(result.reason);
    }
  };

  const controls = runControls(() => void balance());
  const { button } = controls;
  return {
    controls: controls.element,
    progress: progress.element,
    report,
    warm: () => pool.warm(),
    clear: () => mount(report),
    leave() {
      stop();
      pool.close();
    },
  };
}
