import type { BalanceWorkerReply, BalanceWorkerRequest } from '../../lab/balance-run';
import { lintScenarioText, type ScenarioProblem } from '../../scenarios/lint';

/** What the lab shows of a check: every problem, or the valid scenario's name. */
export interface CheckOutcome {
  readonly problems: readonly ScenarioProblem[];
  readonly scenario: { readonly id: string; readonly title: string; readonly turns: number } | null;
}

/** Texts longer than this are checked on a worker: a few hundred kilobytes check well within a keystroke. */
export const WORKER_CHARS = 200_000;

/** The file name the balance worker gives problems; the lab puts the real one back. */
const WORKER_FILE = 'scenario.json';

function here(file: string, text: string): CheckOutcome {
  const r = lintScenarioText(file, text, { expectedId: null });
  return {
    problems: r.problems,
    scenario: r.ok ? { id: r.scenario.id, title: r.scenario.title, turns: r.scenario.turns } : null,
  };
}

/** A valid scenario's name, read from its text without checking it again. */
function nameOf(text: string): CheckOutcome['scenario'] {
  try {
    const data = JSON.parse(text) as { id?: unknown; title?: unknown; turns?: unknown };
    return { id: String(data.id), title: String(data.title), turns: Number(data.turns) };
  } catch {
    return null;
  }
}

/**
 * Checks scenario texts as the game loads them: small ones at once, large ones on the balance
 * worker (which checks a scenario text before anything else and, asked for zero games, stops
 * there), so a 5 MB file never freezes the page and the lab ships no second worker.
 */
export function scenarioChecker(newWorker: () => Worker | null): {
  check(file: string, text: string): Promise<CheckOutcome>;
  warm(): void;
  stop(): void;
} {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { file: string; text: string; resolve: (outcome: CheckOutcome) => void }>();
  const start = (): void => {
    if (worker) return;
    worker = newWorker();
    if (!worker) return;
    worker.onmessage = (e: MessageEvent<BalanceWorkerReply>) => {
      const reply = e.data;
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      if (reply.type !== 'refused') return w.resolve(here(w.file, w.text));
      const problems = reply.problems.map((p) => ({
        ...p,
        text: p.text.startsWith(WORKER_FILE) ? `${w.file}${p.text.slice(WORKER_FILE.length)}` : p.text,
      }));
      w.resolve({ problems, scenario: problems.length === 0 ? nameOf(w.text) : null });
    };
    worker.onerror = () => {
      // A worker that cannot start or crashes: the waiting texts are checked here instead.
      worker = null;
      for (const w of waiting.values()) w.resolve(here(w.file, w.text));
      waiting.clear();
    };
  };
  return {
    /** Starts the worker ahead of a large text (a big file being read), so the check need not wait for it. */
    warm: start,
    check(file, text) {
      if (text.length < WORKER_CHARS) return Promise.resolve(here(file, text));
      start();
      const running = worker;
      // Where the browser runs no workers, the text is checked here.
      if (!running) return Promise.resolve(here(file, text));
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, { file, text, resolve });
        const request: BalanceWorkerRequest = { type: 'report', id, scenario: text, runs: 0 };
        running.postMessage(request);
      });
    },
    stop() {
      worker?.terminate();
      worker = null;
      waiting.clear();
    },
  };
}
