import type { Services } from '../services';

/**
 * The balance workers of the lab: started ahead of the click once there is a valid scenario to
 * measure, so a report does not wait for them to load, and kept after a finished report for the
 * next one. A cancelled report's workers may be mid-job, so they are ended instead.
 */

/** The report being played: its workers, and what stops it. */
interface Run {
  readonly abort: AbortController;
  readonly workers: readonly Worker[];
}

export interface WorkerPool {
  /** Starts workers ahead of a report, unless one is running or the lab was left. */
  warm(): void;
  /** A new report's workers and its cancel: the warm workers when all are there, else fresh ones. */
  start(): Run;
  /** Whether the report `run` is still the one playing, in a lab not left. */
  playing(run: Run): boolean;
  /** Stops the report being played, if any (true then); a finished one leaves its workers idle for the next. */
  stop(finished?: boolean): boolean;
  /** Ends every worker, as the lab is left. */
  close(): void;
}

export function workerPool(services: Pick<Services, 'balanceWorker' | 'cores'>): WorkerPool {
  let ready: Worker[] = [];
  let running: Run | null = null;
  let closed = false;
  const drop = (): void => {
    for (const w of ready) w.terminate();
    ready = [];
  };
  const stop = (finished = false): boolean => {
    if (!running) return false;
    running.abort.abort();
    if (finished && !closed) ready = [...running.workers];
    else for (const w of running.workers) w.terminate();
    running = null;
    return true;
  };
  return {
    warm() {
      if (closed || running) return;
      while (ready.length < services.cores) {
        const worker = services.balanceWorker();
        if (!worker) return;
        ready.push(worker);
      }
    },
    start() {
      const { cores } = services;
      const workers =
        ready.length === cores
          ? ready
          : Array.from({ length: cores }, () => services.balanceWorker()).filter((w) => w !== null);
      if (workers !== ready) drop();
      ready = [];
      running = { abort: new AbortController(), workers };
      return running;
    },
    playing: (run) => !closed && running === run,
    stop,
    close() {
      closed = true;
      stop();
      drop();
    },
  };
}
