import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balanceGames,
  runBalanceJob,
  SCREEN_RUNS,
  type BalanceJob,
  type BalancePart,
  type BalanceReport,
} from '../../src/bots/balance';
import {
  balanceWorkerHandler,
  Cancelled,
  inProcessExecutor,
  runBalance,
  workerExecutor,
  workerExecutors,
  type BalanceProgress,
  type BalanceWorkerPort,
  type BalanceWorkerReply,
  type BalanceWorkerRequest,
  type JobExecutor,
} from '../../src/lab/balance-run';
import { loadAllScenarios } from '../../src/scenarios/files';
import { tinyScenario } from '../bots/tiny-scenario';
import { onlyJson, sim } from '../cli/run-sim';

/**
 * A small scenario, so a report of 60 seeds (more than the screening's 40, so the best bundles
 * are played again) takes seconds.
 */
const small = tinyScenario();
afterAll(small.remove);
const { file: tinyFile, text: tinyText, scenario: tiny } = small;

const RUNS = 60;
const PREFIX = 'lab-';
const SLOW = 240_000;

/** What `sim balance --json` prints for the tiny scenario, seeds lab-1 … lab-60: one line of JSON. */
let cliLine = '';
beforeAll(async () => {
  const r = await sim('balance', '--scenario', tinyFile, '--runs', String(RUNS), '--seeds', PREFIX, '--json');
  onlyJson<BalanceReport>(r);
  cliLine = r.out[0]!;
}, SLOW);

/** Plays jobs on this thread after a pseudo-random pause, so executors finish out of order. */
function jittery(seed: number): JobExecutor {
  let x = seed;
  return async (job) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    await new Promise((r) => setTimeout(r, (x >>> 16) % 4));
    return runBalanceJob(job);
  };
}

/** A stand-in for a Web Worker: requests go to the worker's own handler, replies come back as message events. */
class FakeWorker implements BalanceWorkerPort {
  readonly requests: BalanceWorkerRequest[] = [];
  private readonly listeners = new Set<(event: MessageEvent<BalanceWorkerReply>) => void>();
  private readonly errorListeners = new Set<(event: Event) => void>();
  private readonly handle = balanceWorkerHandler((reply) => {
    for (const l of [...this.listeners]) l({ data: structuredClone(reply) } as MessageEvent<BalanceWorkerReply>);
  });
  postMessage(request: BalanceWorkerRequest): void {
    this.requests.push(request);
    this.handle(structuredClone(request));
  }
  addEventListener(type: 'message' | 'error', listener: (event: MessageEvent<BalanceWorkerReply>) => void): void {
    if (type === 'message') this.listeners.add(listener);
    else this.errorListeners.add(listener as (event: Event) => void);
  }
  removeEventListener(type: 'message' | 'error', listener: (event: MessageEvent<BalanceWorkerReply>) => void): void {
    if (type === 'message') this.listeners.delete(listener);
    else this.errorListeners.delete(listener as (event: Event) => void);
  }
  /** What a Worker does when its script cannot load or it crashes. */
  crash(message: string): void {
    for (const l of [...this.errorListeners]) l(Object.assign(new Event('error'), { message }));
  }
  get listening(): number {
    return this.listeners.size + this.errorListeners.size;
  }
}

/** A real Worker is a port a page can hand to workerExecutor (checked by the compiler). */
export const workerFits = (worker: Worker): JobExecutor => workerExecutor(worker);

describe('the lab balance report', () => {
  it(
    'equals sim balance --json for the same scenario, runs and prefix, on 1 executor and on 3',
    { timeout: SLOW },
    async () => {
      expect(RUNS).toBeGreaterThan(SCREEN_RUNS);
      const one = await runBalance(tiny, { runs: RUNS, prefix: PREFIX, executors: [inProcessExecutor()] });
      expect(one.ok).toBe(true);
      if (!one.ok) return;
      expect(JSON.stringify(one.report)).toBe(cliLine);
      const three = await runBalance(tiny, { runs: RUNS, prefix: PREFIX, executors: [1, 2, 3].map(jittery) });
      expect(three.ok).toBe(true);
      if (!three.ok) return;
      expect(JSON.stringify(three.report)).toBe(cliLine);
      expect(three.details).toEqual(one.details);
    },
  );

  it('equals sim balance --json for a shipped scenario', { timeout: SLOW }, async () => {
    const { scenario } = loadAllScenarios().find((s) => s.scenario.id === 'first-team')!;
    const cli = await sim('balance', '--scenario', 'first-team', '--runs', '3', '--json');
    onlyJson(cli);
    const r = await runBalance(scenario, { runs: 3, executors: [inProcessExecutor(), inProcessExecutor()] });
    expect(r.ok && JSON.stringify(r.report)).toBe(cli.out[0]);
  });

  it('reports progress after every job, rising to the total number of games', { timeout: SLOW }, async () => {
    const seen: BalanceProgress[] = [];
    const r = await runBalance(tiny, {
      runs: RUNS,
      prefix: PREFIX,
      executors: [inProcessExecutor(), inProcessExecutor()],
      onProgress: (p) => seen.push(p),
    });
    expect(r.ok).toBe(true);
    const total = balanceGames(tiny, RUNS);
    expect(seen[0]).toEqual({ done: 0, total });
    expect(seen.at(-1)).toEqual({ done: total, total });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.total).toBe(total);
      expect(seen[i]!.done).toBeGreaterThan(seen[i - 1]!.done);
    }
  });

  it('stops starting jobs once cancelled and reports cancelled', async () => {
    const controller = new AbortController();
    let started = 0;
    const counting: JobExecutor = (job, signal) => {
      started++;
      return inProcessExecutor()(job, signal);
    };
    const r = await runBalance(tiny, {
      runs: RUNS,
      prefix: PREFIX,
      executors: [counting, counting, counting],
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done > 0) controller.abort();
      },
    });
    expect(r).toEqual({ ok: false, cancelled: true });
    // The first job to finish cancels; only the two others already under way were started besides it.
    expect(started).toBeLessThanOrEqual(3);
  });

  it('resolves as cancelled at once, without waiting for a job under way', async () => {
    const controller = new AbortController();
    const stuck: JobExecutor = () => new Promise<BalancePart>(() => undefined);
    const running = runBalance(tiny, { runs: RUNS, executors: [stuck], signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await running).toEqual({ ok: false, cancelled: true });
    const before = new AbortController();
    before.abort();
    expect(await runBalance(tiny, { runs: RUNS, executors: [stuck], signal: before.signal })).toEqual({
      ok: false,
      cancelled: true,
    });
  });

  it('stops every executor and says why in one sentence when one fails', async () => {
    let others = 0;
    const failing: JobExecutor = () => Promise.reject(new Error('the worker ran out of memory'));
    const other: JobExecutor = async (job, signal) => {
      others++;
      return inProcessExecutor()(job, signal);
    };
    const r = await runBalance(tiny, { runs: RUNS, executors: [failing, other] });
    expect(r).toEqual({
      ok: false,
      cancelled: false,
      reason: 'The balance report could not finish: the worker ran out of memory.',
    });
    expect(others).toBeLessThanOrEqual(1);
  });

  it('refuses runs and seed prefixes that sim balance refuses, in one sentence', async () => {
    const executors = [inProcessExecutor()];
    for (const runs of [0, -1, 2.5, 1_000_001]) {
      const r = await runBalance(tiny, { runs, executors });
      expect(r.ok || r.cancelled || r.reason).toMatch(
        /^The number of games must be a whole number from 1 to 1,000,000\.$/,
      );
    }
    const control = await runBalance(tiny, { runs: 5, prefix: 'a\u0007', executors });
    expect(control.ok || control.cancelled || control.reason).toMatch(/control character/);
    const long = await runBalance(tiny, { runs: 100, prefix: 'x'.repeat(98), executors });
    expect(long.ok || long.cancelled || long.reason).toMatch(/at most 100/);
    expect(await runBalance(tiny, { runs: 5, executors: [] })).toMatchObject({ ok: false, cancelled: false });
  });
});

describe('the balance worker', () => {
  /** Sends requests to a handler and collects its replies until one of `until` arrives. */
  function drive(
    requests: readonly BalanceWorkerRequest[],
    until: BalanceWorkerReply['type'][],
    onReply?: (reply: BalanceWorkerReply, send: (r: BalanceWorkerRequest) => void) => void,
  ): Promise<BalanceWorkerReply[]> {
    return new Promise((resolve) => {
      const replies: BalanceWorkerReply[] = [];
      const handle = balanceWorkerHandler((reply) => {
        replies.push(reply);
        onReply?.(reply, handle);
        if (until.includes(reply.type)) resolve(replies);
      });
      for (const r of requests) handle(r);
    });
  }

  it(
    'plays a whole report from scenario text, with progress, equal to sim balance --json',
    { timeout: SLOW },
    async () => {
      const replies = await drive(
        [{ type: 'report', id: 7, scenario: tinyText, runs: RUNS, prefix: PREFIX }],
        ['report', 'refused', 'failed'],
      );
      const last = replies.at(-1)!;
      expect(last.type).toBe('report');
      if (last.type !== 'report') return;
      expect(JSON.stringify(last.report)).toBe(cliLine);
      const progress = replies.filter((r) => r.type === 'progress');
      expect(progress.length).toBeGreaterThan(10);
      expect(progress.at(-1)).toEqual({
        type: 'progress',
        id: 7,
        done: balanceGames(tiny, RUNS),
        total: balanceGames(tiny, RUNS),
      });
      expect(replies.every((r) => r.id === 7)).toBe(true);
    },
  );

  it('refuses scenario text that does not validate, with its problems placed', async () => {
    const broken = tinyText.replace(`"turns": ${tiny.turns}`, '"turns": "four"');
    expect(broken).not.toBe(tinyText);
    const replies = await drive([{ type: 'report', id: 1, scenario: broken, runs: 5 }], ['refused', 'report']);
    expect(replies.map((r) => r.type)).toEqual(['refused']);
    const reply = replies[0]!;
    if (reply.type !== 'refused') return;
    expect(reply.reason).toBe('The scenario has a problem to fix before its balance can be measured.');
    expect(reply.problems).toHaveLength(1);
    expect(reply.problems[0]).toMatchObject({ path: '$.turns', line: expect.any(Number), column: expect.any(Number) });
  });

  it('stops a report between jobs when told to cancel', async () => {
    const replies = await drive(
      [{ type: 'report', id: 3, scenario: tiny, runs: RUNS }],
      ['cancelled', 'report'],
      (reply, send) => {
        if (reply.type === 'progress' && reply.done > 0) send({ type: 'cancel', id: 3 });
      },
    );
    expect(replies.at(-1)).toEqual({ type: 'cancelled', id: 3 });
    // The cancel arrived after the first job; at most the job under way then was finished.
    expect(replies.filter((r) => r.type === 'progress' && r.done > 0).length).toBeLessThanOrEqual(2);
  });

  it('drops a job cancelled before it starts, and plays one job as runBalanceJob does', async () => {
    const job: BalanceJob = { kind: 'policy', scenario: tiny, policy: 'balanced', prefix: 'j', from: 1, to: 5 };
    const cancelled = await drive(
      [
        { type: 'job', id: 1, job },
        { type: 'cancel', id: 1 },
      ],
      ['cancelled', 'part'],
    );
    expect(cancelled).toEqual([{ type: 'cancelled', id: 1 }]);
    const played = await drive([{ type: 'job', id: 2, job }], ['part', 'failed']);
    expect(played).toEqual([{ type: 'part', id: 2, part: runBalanceJob(job) }]);
  });

  it('plays the jobs of different scenarios in turn, each as runBalanceJob does', async () => {
    const other = loadAllScenarios().find((e) => e.scenario.id === 'idea-factory')!.scenario;
    const jobs: BalanceJob[] = [tiny, other, tiny, other, tiny].map((scenario) => ({
      kind: 'policy',
      scenario,
      policy: 'balanced',
      prefix: 's',
      from: 1,
      to: 8,
    }));
    const parts = new Map<number, BalancePart>();
    await new Promise<void>((done) => {
      const handle = balanceWorkerHandler((reply) => {
        if (reply.type === 'part') parts.set(reply.id, reply.part);
        if (parts.size === jobs.length) done();
      });
      // Each job with its own copy of its scenario, as a worker receives them.
      jobs.forEach((job, id) => handle({ type: 'job', id, job: structuredClone(job) }));
    });
    jobs.forEach((job, id) => expect(parts.get(id)).toEqual(runBalanceJob(job)));
    expect(parts.get(0)).not.toEqual(parts.get(1));
  });

  it('backs the coordinator through worker messages, giving the same report', { timeout: SLOW }, async () => {
    const workers = [new FakeWorker(), new FakeWorker()];
    // The executors the page runs, several a worker: each worker holds a job while it plays one.
    const executors = workers.flatMap(workerExecutors);
    const r = await runBalance(tiny, { runs: RUNS, prefix: PREFIX, executors });
    expect(r.ok && JSON.stringify(r.report)).toBe(cliLine);
    for (const w of workers) {
      const ids = w.requests.map((q) => (q.type === 'job' ? q.id : -1));
      expect(ids.length).toBeGreaterThan(5);
      // Executors sharing a worker never give two jobs one id, or a reply could reach the wrong one.
      expect(new Set(ids).size).toBe(ids.length);
      expect(w.listening).toBe(0);
    }
  });

  it('gives a job up at once on cancel and tells its worker', async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const job: BalanceJob = { kind: 'policy', scenario: tiny, policy: 'expert', prefix: '', from: 1, to: 50 };
    const pending = workerExecutor(worker)(job, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(Cancelled);
    expect(worker.requests).toEqual([
      { type: 'job', id: 1, job },
      { type: 'cancel', id: 1 },
    ]);
    expect(worker.listening).toBe(0);
  });

  it('fails the report in one sentence when a worker crashes, rather than waiting for it', async () => {
    const crashing = new FakeWorker();
    crashing.postMessage = (request) => {
      crashing.requests.push(request);
      if (request.type === 'job') setTimeout(() => crashing.crash('out of memory'), 1);
    };
    const r = await runBalance(tiny, { runs: RUNS, executors: [workerExecutor(crashing)] });
    expect(r).toEqual({
      ok: false,
      cancelled: false,
      reason: 'The balance report could not finish: a balance worker stopped (out of memory).',
    });
    expect(crashing.listening).toBe(0);
  });

  it('runs as a Web Worker script: the bundled entry answers a job posted to it', async () => {
    const built = buildSync({
      entryPoints: [join(import.meta.dirname, '..', '..', 'src', 'lab', 'balance-worker.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const code = built.outputFiles[0]!.text;
    const replies: BalanceWorkerReply[] = [];
    const scope: {
      onmessage: ((e: { data: BalanceWorkerRequest }) => void) | null;
      postMessage(r: BalanceWorkerReply): void;
    } = {
      onmessage: null,
      postMessage: (r) => replies.push(r),
    };
    // The bundle reads `self` as a worker does; here it is a stand-in scope.
    new Function('self', code)(scope);
    expect(scope.onmessage).toBeTypeOf('function');
    const job: BalanceJob = {
      kind: 'bundles',
      scenario: tiny,
      bundles: [['share-vision']],
      prefix: '',
      from: 1,
      to: 3,
    };
    scope.onmessage!({ data: { type: 'job', id: 9, job } });
    await expect.poll(() => replies.length).toBe(1);
    expect(replies[0]).toEqual({ type: 'part', id: 9, part: runBalanceJob(job) });
  });
});
