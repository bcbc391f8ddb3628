import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BALANCE_POLICIES,
  balanceGames,
  bundlesOf,
  computeBalance,
  executeHere,
  FIRST_SCREEN_KEEP,
  FIRST_SCREEN_RUNS,
  SCREEN_KEEP,
  SCREEN_RUNS,
  SHARES,
  TOP_BUNDLES,
  type BalanceReport,
  type Outcomes,
} from '../../src/bots/balance';
import { policyByName } from '../../src/bots/by-name';
import { SCRIPT_SEARCH } from '../../src/bots/script-search';
import { balanceVerdict } from '../../src/lab/verdict';
import { playGame } from '../../src/bots/run';
import { actionDef, actionIndex, CATALOGUE, REGIMES, type Scenario } from '../../src/engine';
import { balanceParallel } from '../../src/cli/parallel';
import { tinyScenario } from '../bots/tiny-scenario';
import { onlyJson, sim } from './run-sim';

/** A small scenario file outside scenarios/, so that a balance run takes a moment. */
const small = tinyScenario();
afterAll(small.remove);
const { file: tinyFile, scenario: tiny } = small;
const dir = dirname(tinyFile);
const source = JSON.parse(small.text) as Record<string, unknown>;

const seedList = (prefix: string, runs: number): string[] =>
  Array.from({ length: runs }, (_, i) => `${prefix}${i + 1}`);

/** Outcome counts of a policy over the given seeds, computed game by game. */
function outcomes(scenario: Scenario, policy: string, seeds: readonly string[]): Outcomes {
  const t = Object.fromEntries(REGIMES.map((r) => [r, 0])) as Outcomes;
  for (const s of seeds) t[playGame(scenario, s, policyByName(policy)!).state.regime] += 1;
  return t;
}

/** What a report says that depends on the seeds, as `direct` computes it. */
function summary(r: BalanceReport) {
  return {
    policies: r.policies,
    shares: r.leadershipShare.map((s) => s.momentum),
    bundles: r.fixedBundles.map((b) => b.momentum),
    expert: r.expertLeadershipByTurn,
  };
}

/** The same as `summary`, computed game by game on the tiny scenario (at most 40 seeds, so no screening cut). */
function direct(seeds: string[]): ReturnType<typeof summary> {
  const sums: number[] = [];
  const games: number[] = [];
  for (const seed of seeds) {
    playGame(tiny, seed, policyByName('expert')!).turns.forEach((turn, k) => {
      const spent = cost(turn.flatMap((a) => (a.type === 'choose' ? [a.action] : [])));
      const lead = cost(
        turn.flatMap((a) => (a.type === 'choose' && actionDef(a.action)!.side === 'lead' ? [a.action] : [])),
      );
      if (spent === 0) return;
      sums[k] = (sums[k] ?? 0) + (100 * lead) / spent;
      games[k] = (games[k] ?? 0) + 1;
    });
  }
  return {
    policies: Object.fromEntries(BALANCE_POLICIES.map((name) => [name, outcomes(tiny, name, seeds)])),
    shares: SHARES.map((n) => outcomes(tiny, `share:${n}`, seeds).momentum / seeds.length),
    bundles: bundlesOf(tiny)
      .bundles.map((b) => outcomes(tiny, `fixed:${b.join('+')}`, seeds).momentum / seeds.length)
      .sort((a, b) => b - a)
      .slice(0, TOP_BUNDLES),
    expert: sums.map((x, k) => (games[k] ? Math.round((10 * x) / games[k]!) / 10 : null)),
  };
}

const cost = (ids: readonly string[]): number => ids.reduce((t, id) => t + actionDef(id)!.cost, 0);

/** One --json run on the tiny scenario with seeds "1" … "8", shared by the tests that read it. */
const RUNS = 8;
let plainRun: Promise<BalanceReport> | undefined;
const plainReport = (): Promise<BalanceReport> =>
  (plainRun ??= sim('balance', '--scenario', tinyFile, '--runs', String(RUNS), '--json').then((r) =>
    onlyJson<BalanceReport>(r),
  ));

describe('sim balance --json', () => {
  it('prints exactly the contract keys, with counts, fractions and percents in range', async () => {
    const runs = RUNS;
    const r = await plainReport();
    expect(Object.keys(r)).toEqual([
      'scenario',
      'runs',
      'policies',
      'fixedBundles',
      'script',
      'leadershipShare',
      'expertLeadershipByTurn',
    ]);
    expect(r.scenario).toBe('tiny-team');
    expect(r.runs).toBe(runs);
    expect(Object.keys(r.policies)).toEqual([...BALANCE_POLICIES]);
    for (const o of Object.values(r.policies)) {
      expect(Object.keys(o)).toEqual(['momentum', 'chaos', 'stagnation', 'drift']);
      for (const n of Object.values(o)) expect(Number.isInteger(n)).toBe(true);
      expect(Object.values(o).reduce((a, b) => a + b, 0)).toBe(runs);
    }
    expect(r.leadershipShare.map((s) => s.share)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    for (const s of r.leadershipShare) {
      expect(Object.keys(s)).toEqual(['share', 'momentum']);
      expect(s.momentum).toBeGreaterThanOrEqual(0);
      expect(s.momentum).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(r.script)).toEqual(['plan', 'momentum']);
    expect(r.script.plan).toHaveLength(tiny.turns);
    for (const cards of r.script.plan) {
      for (const card of cards as (string | { action: string; member: string })[]) {
        // A targeted card names the member it aims at: a script decided in advance cannot look for one.
        if (typeof card === 'string') expect(tiny.actions).toContain(card);
        else {
          expect(tiny.actions).toContain(card.action);
          expect(tiny.members.map((m) => m.id)).toContain(card.member);
        }
      }
    }
    expect(r.script.momentum).toBeGreaterThanOrEqual(0);
    expect(r.script.momentum).toBeLessThanOrEqual(1);
    expect(r.expertLeadershipByTurn.length).toBeGreaterThan(0);
    expect(r.expertLeadershipByTurn.length).toBeLessThanOrEqual(tiny.turns);
    for (const p of r.expertLeadershipByTurn) {
      if (p === null) continue;
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(100);
    }
  });

  it('reports the strongest bundles first, each a distinct set that fits one turn', async () => {
    const runs = RUNS;
    const r = await plainReport();
    const { bundles } = bundlesOf(tiny);
    expect(bundles.length).toBeGreaterThan(TOP_BUNDLES);
    expect(r.fixedBundles).toHaveLength(TOP_BUNDLES);
    // With no more runs than the screening plays, every bundle is played on every seed, so the top five can be
    // checked against momentum counted game by game for every bundle.
    const direct = bundles.map((b) => ({
      key: b.join('+'),
      momentum: outcomes(tiny, `fixed:${b.join('+')}`, seedList('', runs)).momentum / runs,
    }));
    const best = direct.map((d) => d.momentum).sort((a, b) => b - a);
    expect(r.fixedBundles.map((b) => b.momentum)).toEqual(best.slice(0, TOP_BUNDLES));
    const keys = new Set<string>();
    for (const b of r.fixedBundles) {
      expect(Object.keys(b)).toEqual(['actions', 'momentum']);
      expect(b.actions.length).toBeGreaterThan(0);
      expect(new Set(b.actions).size).toBe(b.actions.length);
      expect(cost(b.actions)).toBeLessThanOrEqual(tiny.timeBudget);
      for (const id of b.actions) expect(tiny.actions).toContain(id);
      const order = b.actions.map(actionIndex);
      expect(order).toEqual([...order].sort((x, y) => x - y));
      expect(direct.find((d) => d.key === b.actions.join('+'))!.momentum).toBe(b.momentum);
      keys.add(b.actions.join('+'));
    }
    expect(keys.size).toBe(r.fixedBundles.length);
  });

  it('plays seeds PREFIX1 … PREFIXN with --seeds, and "1" … "N" without', async () => {
    const runs = RUNS;
    const plain = await plainReport();
    const prefixed = onlyJson<BalanceReport>(
      await sim('balance', '--scenario', tinyFile, '--runs', String(runs), '--seeds', 'room-', '--json'),
    );
    const plainDirect = direct(seedList('', runs));
    const prefixedDirect = direct(seedList('room-', runs));
    expect(summary(plain)).toEqual(plainDirect);
    expect(summary(prefixed)).toEqual(prefixedDirect);
    // Other seeds play differently somewhere, so the two checks above have teeth.
    expect(prefixedDirect).not.toEqual(plainDirect);
  });

  it('takes a shipped scenario by id', async () => {
    const r = onlyJson<BalanceReport>(await sim('balance', '--scenario', 'first-team', '--runs', '2', '--json'));
    expect(r.scenario).toBe('first-team');
    expect(r.fixedBundles).toHaveLength(TOP_BUNDLES);
  });
});

describe('balance across worker threads', () => {
  // Two whole reports, the script search included: minutes on a busy two-core machine.
  it('gives exactly the single-threaded report, screening included', async () => {
    // More runs than the screening plays, so the best bundles are played again on every seed.
    const options = { runs: SCREEN_RUNS + 3, prefix: 'w' };
    let ticked = 0;
    const parallel = await balanceParallel(tiny, options, (n) => (ticked += n));
    const single = await computeBalance(tiny, options, executeHere());
    expect(parallel).toEqual(single);
    expect(parallel.details.firstScreenRuns).toBe(FIRST_SCREEN_RUNS);
    expect(parallel.details.firstKept).toBe(Math.min(FIRST_SCREEN_KEEP, bundlesOf(tiny).bundles.length));
    expect(parallel.details.screenRuns).toBe(SCREEN_RUNS);
    expect(parallel.details.kept).toBe(SCREEN_KEEP);
    expect(ticked).toBe(balanceGames(tiny, options.runs));
  }, 240_000);
});

describe('sim balance as text', () => {
  it('prints tables for policies, bundles, shares and the expert, and says how bundles were screened', async () => {
    const runs = SCREEN_RUNS + 1;
    const r = await sim('balance', '--scenario', tinyFile, '--runs', String(runs), '--seeds', 'x');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const text = r.out.join('\n');
    expect(text).toContain(`${runs} runs, seeds "x1" to "x${runs}"`);
    for (const name of BALANCE_POLICIES) expect(text).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(text).toContain(`${bundlesOf(tiny).bundles.length} sets`);
    expect(text).toContain(
      `seeds "x1" to "x${FIRST_SCREEN_RUNS}", the ${FIRST_SCREEN_KEEP} best on seeds "x${FIRST_SCREEN_RUNS + 1}" to "x${SCREEN_RUNS}", the ${SCREEN_KEEP} best again on all ${runs} seeds`,
    );
    for (const n of SHARES) expect(text).toMatch(new RegExp(`^ +${n}% +\\d+\\.\\d%$`, 'm'));
    // The lab's verdict on the same report closes the text, one finding a line.
    const json = await sim('balance', '--scenario', tinyFile, '--runs', String(runs), '--seeds', 'x', '--json');
    const report = JSON.parse(json.out.join('')) as BalanceReport;
    const verdict = balanceVerdict(report).map((f) => `  - ${f.text}`);
    // The best open-loop script: how it was searched, its momentum, one line a turn and the plan to save.
    expect(text).toContain(
      `${SCRIPT_SEARCH.climbs} hill-climbs of ${SCRIPT_SEARCH.evaluations} changes each on seeds "x1" to "x${SCRIPT_SEARCH.seeds}", the best played on all ${runs} seeds`,
    );
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Best open-loop script'));
    expect(lines[at + 1]).toBe(`  momentum ${(100 * report.script.momentum).toFixed(1)}%`);
    expect(lines.slice(at + 3, at + 3 + tiny.turns)).toEqual(
      report.script.plan.map(
        (cards, k) =>
          `  ${String(k + 1).padStart(4)}  ${
            cards.length
              ? cards.map((c) => (typeof c === 'string' ? c : `${c.action} (${c.member})`)).join(' + ')
              : '(end the turn at once)'
          }`,
      ),
    );
    expect(lines[at + 3 + tiny.turns]).toBe(`  plan ${JSON.stringify(report.script.plan)}`);
    expect(text.slice(text.lastIndexOf('\nVerdict\n') + 1).split('\n')).toEqual(['Verdict', ...verdict]);
  }, 240_000);
});

describe('sim balance mistakes', () => {
  it('exits 1 naming the file for a broken scenario file', async () => {
    const broken = join(dir, 'broken-team.json');
    writeFileSync(broken, JSON.stringify({ ...source, id: 'broken-team', turns: 'eight' }, null, 2));
    const r = await sim('balance', '--scenario', broken, '--runs', '2', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain(relative(process.cwd(), broken));
    expect(r.err.join('\n')).toContain('turns');
  });

  it('exits 1 naming the file for a scenario file that cannot be read', async () => {
    const missing = join(dir, 'missing.json');
    const r = await sim('balance', '--scenario', missing, '--runs', '2');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${relative(process.cwd(), missing)}: no such file`]);
  });

  it('exits 2 naming the valid scenarios for an unknown id, and refuses a bad --runs', async () => {
    const unknown = await sim('balance', '--scenario', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).toContain('"nope"');
    expect(unknown.err[0]).toContain('first-team');
    for (const runs of ['0', 'ten', '-3']) {
      const r = await sim('balance', '--scenario', 'first-team', `--runs=${runs}`);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toContain('--runs');
    }
  });
});

describe('new policies on the command line', () => {
  it('exits 2 with one line naming every valid action id for an unknown id in fixed:', async () => {
    for (const policy of ['fixed:share-vision+nope', 'fixed:']) {
      const r = await sim('play', '--scenario', 'first-team', '--seed', '1', '--policy', policy);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).not.toContain('\n');
      expect(r.err[0]).toContain(`"${policy}"`);
      for (const a of CATALOGUE) expect(r.err[0]).toContain(a.id);
    }
  });

  it('plays coast, expert, fixed: and share: by name', async () => {
    for (const policy of ['coast', 'expert', 'fixed:share-vision+set-goals+coach', 'share:40']) {
      const r = await sim('play', '--scenario', 'first-team', '--seed', '3', '--policy', policy, '--json');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out[0]!) as { policy: string }).policy).toBe(policy);
    }
  });

  it('lists the new policies for an unknown policy', async () => {
    const r = await sim('play', '--scenario', 'first-team', '--seed', '1', '--policy', 'nope');
    expect(r.code).toBe(2);
    for (const name of ['coast', 'expert', 'fixed:', 'share:']) expect(r.err[0]).toContain(name);
  });
});
