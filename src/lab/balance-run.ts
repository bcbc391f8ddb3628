import {
  balanceGames,
  computeBalance,
  jobGames,
  runBalanceJob,
  type BalanceDetails,
  type BalanceJob,
  type BalancePart,
  type BalanceReport,
} from '../bots/balance';
import type { Scenario } from '../engine';
import { seedProblem } from '../replay/seed';
import { lintScenarioText, type ScenarioProblem } from '../scenarios/lint';

/**
 * The balance report for the scenario lab: the same jobs as `sim balance`, shared out to any
 * number of executors (Web Workers on the page, plain calls in tests) and merged in job order by
 * the report's own code, so the report is exactly the one `sim balance --json` prints for the
 * same scenario, runs and seed prefix, however many executors play it and in whatever order
 * their jobs finish.
 */

/** Plays one job somewhere and gives its result; `signal` says the report was cancelled. */
export type JobExecutor = (job: BalanceJob, signal: AbortSignal) => Promise<BalancePart>;

/** Games played so far, out of all the report plays. */
export interface BalanceProgress {
  readonly done: number;
  readonly total: number;
}

export interface BalanceRunOptions {
  /** Seeds PREFIX1 … PREFIXruns. */
  readonly runs: number;
  readonly prefix?: string;
  /** At least one; each plays one job at a time, taking the next as soon as it is free. */
  readonly executors: readonly JobExecutor[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BalanceProgress) => void;
}

export type BalanceRunResult =
  | { readonly ok: true; readonly report: BalanceReport; readonly details: BalanceDetails }
  | { readonly ok: false; readonly cancelled: true }
  | { readonly ok: false; readonly cancelled: false; readonly reason: string };

/** The most seeds a report plays, as `sim balance --runs` accepts. */
const MAX_RUNS = 1_000_000;

/** Why a job was not played: the report was cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('the balance report was cancelled');
  }
}

/** Why these runs and prefix cannot make a report, in one sentence, or null. */
function balanceOptionsProblem(runs: number, prefix: string): string | null {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    return `The number of games must be a whole number from 1 to ${MAX_RUNS.toLocaleString('en-US')}.`;
  }
  // The longest seed a report plays is the prefix followed by the number of runs.
  return seedProblem(prefix) ?? seedProblem(`${prefix}${runs}`);
}

/**
 * Plays the balance report of `scenario` on the executors. Progress is reported after every job;
 * once `signal` aborts no job is started, the run resolves at once as cancelled, and a job already
 * being played is left to its executor (a worker can be terminated, or its result is ignored).
 */
export async function runBalance(scenario: Scenario, options: BalanceRunOptions): Promise<BalanceRunResult> {
  const { runs, executors, onProgress } = options;
  const prefix = options.prefix ?? '';
  const problem = balanceOptionsProblem(runs, prefix);
  if (problem) return { ok: false, cancelled: false, reason: problem };
  if (executors.length === 0) {
    return { ok: false, cancelled: false, reason: 'The balance report needs at least one worker to play its games.' };
  }
  // One controller for the whole run: the caller's cancel, or an executor's failure, stops every executor.
  const stop = new AbortController();
  const outer = options.signal;
  if (outer?.aborted) return { ok: false, cancelled: true };
  const onOuterAbort = (): void => stop.abort(new Cancelled());
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const stopped = new Promise<never>((_, reject) => {
    stop.signal.addEventListener('abort', () => reject(stop.signal.reason), { once: true });
  });
  stopped.catch(() => undefined);

  const total = balanceGames(scenario, runs);
  let done = 0;
  onProgress?.({ done, total });

  const execute = async (jobs: readonly BalanceJob[]): Promise<BalancePart[]> => {
    const parts: BalancePart[] = new Array<BalancePart>(jobs.length);
    let next = 0;
    const lane = async (executor: JobExecutor): Promise<void> => {
      while (next < jobs.length) {
        if (stop.signal.aborted) throw stop.signal.reason;
        const i = next++;
        const job = jobs[i]!;
        const part = await executor(job, stop.signal);
        if (stop.signal.aborted) throw stop.signal.reason;
        parts[i] = part;
        done += jobGames(job);
        onProgress?.({ done, total });
      }
    };
    const lanes = Promise.all(executors.map((e) => lane(e)));
    lanes.catch((error: unknown) => stop.abort(error));
    await Promise.race([lanes, stopped]);
    return parts;
  };

  try {
    const { report, details } = await computeBalance(scenario, { runs, prefix }, execute);
    return { ok: true, report, details };
  } catch (error) {
    if (outer?.aborted || error instanceof Cancelled) return { ok: false, cancelled: true };
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, cancelled: false, reason: `The balance report could not finish: ${why.replace(/\.$/, '')}.` };
  } finally {
    outer?.removeEventListener('abort', onOuterAbort);
    if (!stop.signal.aborted) stop.abort(new Cancelled());
  }
}

/**
 * Lets the event loop run (a cancel message, a page repaint) before the next job. A message
 * channel, unlike a timer, is not slowed to 4 ms when called over and over.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Plays jobs on this thread, one at a time, letting other work run between them. */
export function inProcessExecutor(): JobExecutor {
  return async (job, signal) => {
    await nextTask();
    if (signal.aborted) throw new Cancelled();
    return runBalanceJob(job);
  };
}

/** A scenario to report on: already validated, or a scenario file's text, checked here as the game loads it. */
type BalanceInput = Scenario | string;

type CheckedInput =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly reason: string; readonly problems: readonly ScenarioProblem[] };

/** The scenario a report is asked for, or why it cannot be played. */
function scenarioOf(input: BalanceInput): CheckedInput {
  if (typeof input !== 'string') return { ok: true, scenario: input };
  const r = lintScenarioText('scenario.json', input, { expectedId: null });
  if (r.ok) return { ok: true, scenario: r.scenario };
  const n = r.problems.length;
  return {
    ok: false,
    reason: `The scenario has ${n === 1 ? 'a problem' : `${n} problems`} to fix before its balance can be measured.`,
    problems: r.problems,
  };
}

/** What the page asks a balance worker. Ids are the page's own, echoed in every reply. */
export type BalanceWorkerRequest =
  /** Play one job and reply `part`: the page runs the coordinator and shares jobs among workers. */
  | { readonly type: 'job'; readonly id: number; readonly job: BalanceJob }
  /** Play a whole report here, replying `progress` after every job, then `report`. */
  | {
      readonly type: 'report';
      readonly id: number;
      readonly scenario: BalanceInput;
      readonly runs: number;
      readonly prefix?: string;
    }
  /** Stop that job or report before its next job; without an id, everything asked so far. */
  | { readonly type: 'cancel'; readonly id?: number };

/** What a balance worker replies. */
export type BalanceWorkerReply =
  | { readonly type: 'part'; readonly id: number; readonly part: BalancePart }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'report'; readonly id: number; readonly report: BalanceReport; readonly details: BalanceDetails }
  | { readonly type: 'cancelled'; readonly id: number }
  /** The scenario text does not validate (its problems, as the lab lists them) or the options are refused. */
  | {
      readonly type: 'refused';
      readonly id: number;
      readonly reason: string;
      readonly problems: readonly ScenarioProblem[];
    }
  | { readonly type: 'failed'; readonly id: number; readonly reason: string };

/**
 * A balance worker's message handler, apart from the worker so it can be driven anywhere:
 * `post` sends a reply. Each request starts on a later task, so a cancel sent right after it is
 * seen first, and a report yields between its jobs, so a cancel stops it before the next one.
 */
export function balanceWorkerHandler(
  post: (reply: BalanceWorkerReply) => void,
): (request: BalanceWorkerRequest) => void {
  const running = new Map<number, AbortController>();
  const controllerFor = (id: number): AbortController => {
    const c = new AbortController();
    running.set(id, c);
    return c;
  };

  // Every job arrives with its own copy of the scenario. Played on one object, the jobs of a
  // report share the engine's per-scenario work (the frozen setup, the members' reaction
  // tables) instead of redoing it for each of some five hundred jobs.
  let known: { readonly text: string; readonly scenario: Scenario } | null = null;
  const sharedScenario = (job: BalanceJob): BalanceJob => {
    const text = JSON.stringify(job.scenario);
    if (known?.text !== text) known = { text, scenario: job.scenario };
    return { ...job, scenario: known.scenario };
  };

  const playJob = async (id: number, job: BalanceJob, signal: AbortSignal): Promise<void> => {
    await nextTask();
    if (signal.aborted) return post({ type: 'cancelled', id });
    post({ type: 'part', id, part: runBalanceJob(sharedScenario(job)) });
  };

  const playReport = async (
    id: number,
    input: BalanceInput,
    runs: number,
    prefix: string,
    signal: AbortSignal,
  ): Promise<void> => {
    await nextTask();
    if (signal.aborted) return post({ type: 'cancelled', id });
    const checked = scenarioOf(input);
    if (!checked.ok) return post({ type: 'refused', id, reason: checked.reason, problems: checked.problems });
    const problem = balanceOptionsProblem(runs, prefix);
    if (problem) return post({ type: 'refused', id, reason: problem, problems: [] });
    const r = await runBalance(checked.scenario, {
      runs,
      prefix,
      executors: [inProcessExecutor()],
      signal,
      onProgress: ({ done, total }) => post({ type: 'progress', id, done, total }),
    });
    if (r.ok) post({ type: 'report', id, report: r.report, details: r.details });
    else if (r.cancelled) post({ type: 'cancelled', id });
    else post({ type: 'failed', id, reason: r.reason });
  };

  return (request) => {
    if (request.type === 'cancel') {
      for (const [id, c] of running) if (request.id === undefined || request.id === id) c.abort(new Cancelled());
      return;
    }
    const { id } = request;
    const { signal } = controllerFor(id);
    const work =
      request.type === 'job'
        ? playJob(id, request.job, signal)
        : playReport(id, request.scenario, request.runs, request.prefix ?? '', signal);
    work
      .catch((error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        post({ type: 'failed', id, reason: `The balance worker failed: ${why}.` });
      })
      .finally(() => running.delete(id));
  };
}

/** The part of a Worker a page-side executor needs (a real Worker fits). */
export interface BalanceWorkerPort {
  postMessage(request: BalanceWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BalanceWorkerReply>) => void): void;
  /** A worker that fails to load or crashes says so here rather than in a message. */
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<BalanceWorkerReply>) => void): void;
  removeEventListener(type: 'error', listener: (event: Event) => void): void;
}

/** The last job id given to each worker: several executors may share one worker. */
const lastIds = new WeakMap<BalanceWorkerPort, number>();

/**
 * An executor backed by one balance worker: each job is posted to it and its `part` awaited.
 * On cancel the job is given up at once and the worker told to drop it; a page in a hurry can
 * also terminate the worker. Several executors may share one worker (see `workerExecutors`).
 */
export function workerExecutor(worker: BalanceWorkerPort): JobExecutor {
  return (job, signal) =>
    new Promise<BalancePart>((resolve, reject) => {
      const id = (lastIds.get(worker) ?? 0) + 1;
      lastIds.set(worker, id);
      const finish = (): void => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        signal.removeEventListener('abort', onAbort);
      };
      const onMessage = (event: MessageEvent<BalanceWorkerReply>): void => {
        const reply = event.data;
        if (reply.id !== id) return;
        if (reply.type === 'part') {
          finish();
          resolve(reply.part);
        } else if (reply.type === 'cancelled') {
          finish();
          reject(new Cancelled());
        } else if (reply.type === 'failed' || reply.type === 'refused') {
          finish();
          reject(new Error(reply.reason));
        }
      };
      const onError = (event: Event): void => {
        finish();
        const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
        reject(new Error(message ? `a balance worker stopped (${message})` : 'a balance worker stopped'));
      };
      const onAbort = (): void => {
        finish();
        worker.postMessage({ type: 'cancel', id });
        reject(new Cancelled());
      };
      if (signal.aborted) return reject(new Cancelled());
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      signal.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ type: 'job', id, job });
    });
}

/**
 * The executors a page runs on one worker: two, so the worker holds its next job while it plays
 * one and starts it as soon as it posts a result, instead of idling until the page answers.
 */
export function workerExecutors(worker: BalanceWorkerPort): JobExecutor[] {
  return [workerExecutor(worker), workerExecutor(worker)];
}
