import { availableParallelism } from 'node:os';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import Tinypool from 'tinypool';
import { computeBalance, jobGames, type BalanceJob, type BalanceOptions, type BalancePart } from '../bots/balance';
import type { Plan } from '../bots/plan';
import { emptyTally, mergeTally, type Tally } from '../bots/tally';
import type { Scenario } from '../engine';
import type { TallyJob } from './batch-worker';

/** Below this many games, starting workers costs more than it saves. */
export const PARALLEL_FROM = 2000;
const CHUNK = 1000;
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Worker threads on Node 20 cannot load TypeScript through the main thread's loader, and a
 * loader per worker costs seconds; one plain-JavaScript bundle of the worker costs milliseconds.
 * It lives under node_modules so the bundle's own imports resolve as the sources' do.
 */
function workerBundle(): string {
  const outfile = join(ROOT, 'node_modules', '.cache', 'momentum', 'batch-worker.mjs');
  // Built beside it and renamed into place, so a process starting workers at the same moment
  // never loads a half-written file.
  const partial = `${outfile}.${process.pid}.${threadId}.tmp`;
  buildSync({
    entryPoints: [join(ROOT, 'src', 'cli', 'batch-worker.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  renameSync(partial, outfile);
  return outfile;
}

/** One worker thread per core, each running the worker bundle. */
function startPool(): Tinypool {
  const threads = availableParallelism();
  return new Tinypool({ filename: workerBundle(), maxThreads: threads, minThreads: threads });
}

/**
 * Plays seeds PREFIX1…PREFIXruns across all cores in chunks; each chunk covers a fixed seed range,
 * so the merged tally equals a single-threaded run's whatever order the chunks finish in. A
 * `plan:FILE` policy goes to the workers as its plan.
 */
export async function tallyParallel(
  scenario: Scenario,
  policy: string,
  runs: number,
  tick?: (n: number) => void,
  { prefix = '', plan = null }: { prefix?: string; plan?: Plan | null } = {},
): Promise<Tally> {
  const pool = startPool();
  try {
    const jobs: Promise<Tally>[] = [];
    for (let from = 1; from <= runs; from += CHUNK) {
      const to = Math.min(runs, from + CHUNK - 1);
      const job: TallyJob = { scenario, policy, plan, prefix, from, to };
      jobs.push(
        (pool.run(job) as Promise<Tally>).then((t) => {
          tick?.(to - from + 1);
          return t;
        }),
      );
    }
    const total = emptyTally();
    for (const t of await Promise.all(jobs)) mergeTally(total, t);
    return total;
  } finally {
    await pool.destroy();
  }
}

/**
 * The balance report computed across all cores: the same jobs as on one thread, merged in the
 * same order, so the report is identical to `computeBalance` with `executeHere`.
 */
export async function balanceParallel(
  scenario: Scenario,
  options: BalanceOptions,
  tick?: (games: number) => void,
): ReturnType<typeof computeBalance> {
  const pool = startPool();
  try {
    return await computeBalance(scenario, options, (jobs) =>
      Promise.all(
        jobs.map((job: BalanceJob) =>
          (pool.run(job, { name: 'balance' }) as Promise<BalancePart>).then((part) => {
            tick?.(jobGames(job));
            return part;
          }),
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
}
