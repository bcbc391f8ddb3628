import { actionDef, REGIMES, type Regime, type Scenario } from '../engine';
import { bundlesOf } from './bundles';
import { planPolicy, type Plan } from './plan';
import { type PolicyFactory } from './policies';
import { PLAIN_POLICIES, policyByName } from './by-name';
import { playGame } from './run';
import {
  runScriptJob,
  SCRIPT_SEARCH,
  scriptStarts,
  type Script,
  type ScriptJob,
  type ScriptPart,
} from './script-search';

/**
 * How one scenario plays for many kinds of player: outcome counts of the standard bots, the
 * strongest fixed bundles of actions, the best open-loop script found, momentum by share of time
 * spent leading, and the expert's share of leadership turn by turn. Pure computation (no Node modules), so a browser worker can
 * run it too. The work is split into jobs with fixed seed ranges and merged in job order, so any
 * executor (one thread, worker threads) gives exactly the same report.
 */

export { bundlesOf };

/** The standard players whose outcomes the report counts. */
export const BALANCE_POLICIES = PLAIN_POLICIES;
/** Leadership shares, in percent, played as `share:N`. */
export const SHARES: readonly number[] = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
export const DEFAULT_RUNS = 500;
/**
 * Every bundle is first played on this many seeds (or all of them when there are fewer): most of
 * a few thousand bundles never win, and ten games tell them from the rest…
 */
export const FIRST_SCREEN_RUNS = 10;
/** …this many of the best are played on the screening seeds that remain… */
export const FIRST_SCREEN_KEEP = 60;
/** …up to this many seeds in all… */
export const SCREEN_RUNS = 40;
/** …then this many of the best are played on every seed… */
export const SCREEN_KEEP = 20;
/** …and this many reported. */
export const TOP_BUNDLES = 5;

/** Seeds per job, and bundles per job while screening: small enough to share out across cores. */
const SEEDS_PER_JOB = 50;
const BUNDLES_PER_JOB = 25;

export interface BalanceOptions {
  readonly runs: number;
  /** Seeds are PREFIX1 … PREFIXruns; with no prefix "1" … "runs", as `batch` plays. */
  readonly prefix: string;
}

export type Outcomes = Record<Regime, number>;

/** Plays `policy` on seeds PREFIXfrom … PREFIXto. */
interface PolicyJob {
  readonly kind: 'policy';
  readonly scenario: Scenario;
  readonly policy: string;
  readonly prefix: string;
  readonly from: number;
  readonly to: number;
}

/** Plays each bundle as `fixed:` on seeds PREFIXfrom … PREFIXto. */
interface BundleJob {
  readonly kind: 'bundles';
  readonly scenario: Scenario;
  readonly bundles: readonly (readonly string[])[];
  readonly prefix: string;
  readonly from: number;
  readonly to: number;
}

/** Plays a plan (the script search's best) on seeds PREFIXfrom … PREFIXto. */
interface PlanJob {
  readonly kind: 'plan';
  readonly scenario: Scenario;
  readonly plan: Plan;
  readonly prefix: string;
  readonly from: number;
  readonly to: number;
}

export type BalanceJob = PolicyJob | BundleJob | ScriptJob | PlanJob;

interface PolicyPart {
  readonly kind: 'policy';
  readonly outcomes: Outcomes;
  /** Per turn (index 0 is turn 1): the sum over games of the percent of time spent leading… */
  readonly shareSum: number[];
  /** …and how many games spent time in that turn. */
  readonly shareGames: number[];
}

interface BundlePart {
  readonly kind: 'bundles';
  /** Games ending in momentum, per bundle of the job. */
  readonly momentum: number[];
}

interface PlanPart {
  readonly kind: 'plan';
  /** Games ending in momentum. */
  readonly momentum: number;
}

export type BalancePart = PolicyPart | BundlePart | ScriptPart | PlanPart;

/** Runs a list of jobs and gives their results in the same order. */
export type Execute = (jobs: readonly BalanceJob[]) => Promise<BalancePart[]>;

export interface BalanceReport {
  readonly scenario: string;
  readonly runs: number;
  /** Outcome counts (out of `runs`) of each standard player. */
  readonly policies: Record<string, Outcomes>;
  /** The strongest bundles, strongest first; momentum is a fraction from 0 to 1. */
  readonly fixedBundles: { actions: string[]; momentum: number }[];
  /**
   * The best open-loop script the search found, as a `plan:FILE` policy reads it (one list of
   * action ids per turn), and its momentum, a fraction from 0 to 1, over all the runs.
   */
  readonly script: { plan: Script; momentum: number };
  /** Momentum, a fraction from 0 to 1, of `share:N` for each N in SHARES. */
  readonly leadershipShare: { share: number; momentum: number }[];
  /** The expert's average percent of time spent leading in each turn; null when no game spent time then. */
  readonly expertLeadershipByTurn: (number | null)[];
}

/** What the report was built from, for telling a reader how bundles were screened. */
export interface BalanceDetails {
  /** Every non-empty set of distinct offered actions whose total cost fits one turn. */
  readonly bundles: number;
  readonly timeBudget: number;
  /** Seeds every bundle was played on, and how many of the best were then played on the rest of the screening seeds… */
  readonly firstScreenRuns: number;
  readonly firstKept: number;
  /** …the screening seeds in all, and how many of the best were then played on every seed. */
  readonly screenRuns: number;
  readonly kept: number;
  /** The script search: climbs, the changes each tried, and the seeds (from the first) each change was played on. */
  readonly scriptClimbs: number;
  readonly scriptEvaluations: number;
  readonly scriptSeeds: number;
}

const seed = (prefix: string, i: number): string => `${prefix}${i}`;

function policy(name: string): PolicyFactory {
  const p = policyByName(name);
  if (!p) throw new Error(`unknown policy ${name}`);
  return p;
}

function noOutcomes(): Outcomes {
  return Object.fromEntries(REGIMES.map((r) => [r, 0])) as Outcomes;
}

/** Runs one job. */
export function runBalanceJob(job: BalanceJob): BalancePart {
  if (job.kind === 'script') return runScriptJob(job);
  if (job.kind === 'plan') {
    const p = planPolicy(job.plan);
    let momentum = 0;
    for (let i = job.from; i <= job.to; i++) {
      if (playGame(job.scenario, seed(job.prefix, i), p).state.regime === 'momentum') momentum++;
    }
    return { kind: 'plan', momentum };
  }
  if (job.kind === 'bundles') {
    const momentum = job.bundles.map((actions) => {
      const p = policy(`fixed:${actions.join('+')}`);
      let n = 0;
      for (let i = job.from; i <= job.to; i++) {
        if (playGame(job.scenario, seed(job.prefix, i), p).state.regime === 'momentum') n++;
      }
      return n;
    });
    return { kind: 'bundles', momentum };
  }
  const p = policy(job.policy);
  const outcomes = noOutcomes();
  const shareSum: number[] = [];
  const shareGames: number[] = [];
  for (let i = job.from; i <= job.to; i++) {
    const run = playGame(job.scenario, seed(job.prefix, i), p);
    outcomes[run.state.regime] += 1;
    run.turns.forEach((turn, k) => {
      let lead = 0;
      let spent = 0;
      for (const a of turn) {
        const def = a.type === 'choose' ? actionDef(a.action) : undefined;
        if (!def) continue;
        spent += def.cost;
        if (def.side === 'lead') lead += def.cost;
      }
      if (spent === 0) return;
      shareSum[k] = (shareSum[k] ?? 0) + (100 * lead) / spent;
      shareGames[k] = (shareGames[k] ?? 0) + 1;
    });
  }
  return { kind: 'policy', outcomes, shareSum, shareGames };
}

/** How many games a job plays, for progress bars. */
export function jobGames(job: BalanceJob): number {
  if (job.kind === 'script') return scriptGames(job.seeds, job.starts.length);
  return (job.to - job.from + 1) * (job.kind === 'bundles' ? job.bundles.length : 1);
}

/** A climb's games as progress counts them: each start and each change played on every seed (most only in part). */
const scriptGames = (seeds: number, starts: number): number => (starts + SCRIPT_SEARCH.evaluations) * seeds;

/** Runs jobs one after another on this thread. */
export function executeHere(tick?: (games: number) => void): Execute {
  return (jobs) =>
    Promise.resolve(
      jobs.map((job) => {
        const part = runBalanceJob(job);
        tick?.(jobGames(job));
        return part;
      }),
    );
}

const screenRunsOf = (runs: number): number => Math.min(runs, SCREEN_RUNS);
const firstScreenRunsOf = (runs: number): number => Math.min(runs, FIRST_SCREEN_RUNS);
const scriptSeedsOf = (runs: number): number => Math.min(runs, SCRIPT_SEARCH.seeds);

/** Every player the report counts outcomes for, in the order their jobs run. */
const allPolicies = (): string[] => [...BALANCE_POLICIES, ...SHARES.map((n) => `share:${n}`)];

/** How many games a report plays, for progress bars. */
export function balanceGames(scenario: Scenario, runs: number): number {
  const { bundles } = bundlesOf(scenario);
  const first = firstScreenRunsOf(runs);
  const screen = screenRunsOf(runs);
  const second = screen > first ? Math.min(FIRST_SCREEN_KEEP, bundles.length) * (screen - first) : 0;
  const final = runs > screen ? Math.min(SCREEN_KEEP, bundles.length) * runs : 0;
  const starts = scriptStarts(bundles[0] ?? null).length;
  const script = SCRIPT_SEARCH.climbs * scriptGames(scriptSeedsOf(runs), starts) + runs;
  return allPolicies().length * runs + bundles.length * first + second + final + script;
}

/** Seed ranges of at most SEEDS_PER_JOB covering first … last. */
function ranges(last: number, first = 1): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let from = first; from <= last; from += SEEDS_PER_JOB)
    out.push({ from, to: Math.min(last, from + SEEDS_PER_JOB - 1) });
  return out;
}

/** Momentum counts of each bundle over seeds first … last, from jobs' parts. */
function bundleCounts(
  scenario: Scenario,
  bundles: readonly string[][],
  prefix: string,
  [first, last]: readonly [number, number],
  bySeeds: boolean,
): { jobs: BundleJob[]; merge: (parts: BalancePart[]) => number[] } {
  const jobs: BundleJob[] = [];
  if (bySeeds) {
    for (const r of ranges(last, first)) jobs.push({ kind: 'bundles', scenario, bundles, prefix, ...r });
  } else {
    for (let i = 0; i < bundles.length; i += BUNDLES_PER_JOB) {
      jobs.push({
        kind: 'bundles',
        scenario,
        bundles: bundles.slice(i, i + BUNDLES_PER_JOB),
        prefix,
        from: first,
        to: last,
      });
    }
  }
  const merge = (parts: BalancePart[]): number[] => {
    const counts = bundles.map(() => 0);
    parts.forEach((part, j) => {
      if (part.kind !== 'bundles') throw new Error('expected a bundle result');
      const offset = bySeeds ? 0 : j * BUNDLES_PER_JOB;
      part.momentum.forEach((n, k) => (counts[offset + k]! += n));
    });
    return counts;
  };
  return { jobs, merge };
}

/** The ids in `order` by their counts (`counts[k]` belongs to `order[k]`), most first; ties keep their order. */
function ranked(order: readonly number[], counts: readonly number[]): number[] {
  return order
    .map((id, pos) => ({ id, pos, n: counts[pos]! }))
    .sort((a, b) => b.n - a.n || a.pos - b.pos)
    .map((x) => x.id);
}

/** Builds the whole report with the given executor. */
interface PolicyTotal {
  outcomes: Outcomes;
  shareSum: number[];
  shareGames: number[];
}

/** Each player's outcomes and leadership shares, summed over its jobs. */
function policyTotals(
  names: readonly string[],
  jobs: readonly PolicyJob[],
  parts: readonly BalancePart[],
): Map<string, PolicyTotal> {
  const totals = new Map<string, PolicyTotal>();
  for (const name of names) totals.set(name, { outcomes: noOutcomes(), shareSum: [], shareGames: [] });
  parts.forEach((part, j) => {
    if (part.kind !== 'policy') throw new Error('expected a policy result');
    const t = totals.get(jobs[j]!.policy)!;
    for (const r of REGIMES) t.outcomes[r] += part.outcomes[r];
    part.shareSum.forEach((x, k) => (t.shareSum[k] = (t.shareSum[k] ?? 0) + (x ?? 0)));
    part.shareGames.forEach((x, k) => (t.shareGames[k] = (t.shareGames[k] ?? 0) + (x ?? 0)));
  });
  return totals;
}

/** The best climb's script; the earlier climb's on a tie. */
function bestClimb(parts: readonly BalancePart[]): ScriptPart | null {
  let script: ScriptPart | null = null;
  for (const part of parts) {
    if (part.kind !== 'script') throw new Error('expected a script result');
    if (
      script === null ||
      part.momentum > script.momentum ||
      (part.momentum === script.momentum && part.score > script.score)
    )
      script = part;
  }
  return script;
}

/** A player's mean leadership share per turn, to one decimal; null for a turn no game reached. */
function sharesByTurn(total: PolicyTotal): (number | null)[] {
  const byTurn: (number | null)[] = [];
  for (let k = 0; k < total.shareSum.length; k++) {
    const games = total.shareGames[k] ?? 0;
    byTurn.push(games === 0 ? null : Math.round((10 * total.shareSum[k]!) / games) / 10);
  }
  return byTurn;
}

export async function computeBalance(
  scenario: Scenario,
  options: BalanceOptions,
  execute: Execute,
): Promise<{ report: BalanceReport; details: BalanceDetails }> {
  const { runs, prefix } = options;
  const { bundles, timeBudget } = bundlesOf(scenario);
  const firstScreenRuns = firstScreenRunsOf(runs);
  const screenRuns = screenRunsOf(runs);
  const all = bundles.map((_, i) => i);

  // Phase 1: every bundle on the first screening seeds.
  const first = bundleCounts(scenario, bundles, prefix, [1, firstScreenRuns], false);
  const firstCounts = first.merge(await execute(first.jobs));
  const survivors = screenRuns > firstScreenRuns ? ranked(all, firstCounts).slice(0, FIRST_SCREEN_KEEP) : all;

  // Phase 2: the script search's climbs (the longest jobs, so they start first), every player on
  // every seed, and the best bundles on the rest of the screening seeds.
  const best = ranked(all, firstCounts)[0];
  const starts = scriptStarts(best === undefined ? null : bundles[best]!);
  const climbJobs: ScriptJob[] = Array.from({ length: SCRIPT_SEARCH.climbs }, (_, climb) => ({
    kind: 'script',
    scenario,
    prefix,
    seeds: scriptSeedsOf(runs),
    starts,
    climb,
    evaluations: SCRIPT_SEARCH.evaluations,
  }));
  const names = allPolicies();
  const policyJobs: PolicyJob[] = names.flatMap((name) =>
    ranges(runs).map((r) => ({ kind: 'policy' as const, scenario, policy: name, prefix, ...r })),
  );
  const second = bundleCounts(
    scenario,
    survivors.map((i) => bundles[i]!),
    prefix,
    [firstScreenRuns + 1, screenRuns],
    false,
  );
  const parts = await execute([...climbJobs, ...policyJobs, ...(screenRuns > firstScreenRuns ? second.jobs : [])]);
  const climbParts = parts.slice(0, climbJobs.length);
  const policyParts = parts.slice(climbJobs.length, climbJobs.length + policyJobs.length);

  const totals = policyTotals(names, policyJobs, policyParts);
  // Each survivor's count over all the screening seeds.
  const secondCounts =
    screenRuns > firstScreenRuns ? second.merge(parts.slice(climbJobs.length + policyJobs.length)) : [];
  const screenCounts = survivors.map((i, k) => firstCounts[i]! + (secondCounts[k] ?? 0));
  const plan = bestClimb(climbParts)?.plan ?? [];

  // Phase 3: the best of the screening on every seed (when the screening did not already cover
  // them), and the best script on every seed.
  const keptAt = ranked(
    survivors.map((_, k) => k),
    screenCounts,
  ).slice(0, SCREEN_KEEP);
  const kept = keptAt.map((k) => survivors[k]!);
  let finalCounts = keptAt.map((k) => screenCounts[k]!);
  const full =
    runs > screenRuns && kept.length > 0
      ? bundleCounts(
          scenario,
          kept.map((i) => bundles[i]!),
          prefix,
          [1, runs],
          true,
        )
      : null;
  const planJobs: PlanJob[] = ranges(runs).map((r) => ({ kind: 'plan', scenario, plan, prefix, ...r }));
  const last = await execute([...planJobs, ...(full?.jobs ?? [])]);
  if (full) finalCounts = full.merge(last.slice(planJobs.length));
  let scriptMomentum = 0;
  for (const part of last.slice(0, planJobs.length)) {
    if (part.kind !== 'plan') throw new Error('expected a plan result');
    scriptMomentum += part.momentum;
  }
  const top = ranked(kept, finalCounts).slice(0, TOP_BUNDLES);

  const report: BalanceReport = {
    scenario: scenario.id,
    runs,
    policies: Object.fromEntries(BALANCE_POLICIES.map((name) => [name, totals.get(name)!.outcomes])),
    fixedBundles: top.map((i) => ({ actions: [...bundles[i]!], momentum: finalCounts[kept.indexOf(i)]! / runs })),
    script: { plan, momentum: scriptMomentum / runs },
    leadershipShare: SHARES.map((n) => ({ share: n, momentum: totals.get(`share:${n}`)!.outcomes.momentum / runs })),
    expertLeadershipByTurn: sharesByTurn(totals.get('expert')!),
  };
  return {
    report,
    details: {
      bundles: bundles.length,
      timeBudget,
      firstScreenRuns,
      firstKept: survivors.length,
      screenRuns,
      kept: kept.length,
      scriptClimbs: SCRIPT_SEARCH.climbs,
      scriptEvaluations: SCRIPT_SEARCH.evaluations,
      scriptSeeds: scriptSeedsOf(runs),
    },
  };
}
