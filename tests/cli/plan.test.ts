import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BalanceReport } from '../../src/bots/balance';
import { planPolicy, type Plan } from '../../src/bots/plan';
import { tallySeeds } from '../../src/bots/tally';
import { PARALLEL_FROM } from '../../src/cli/parallel';
import type { ReplayDocument } from '../../src/replay/document';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenarios/files';
import { onlyJson, sim, type Run } from './run-sim';
import { ACTIONS } from '../bots/small-team';

const dir = mkdtempSync(join(tmpdir(), 'momentum-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A plan file in the test's folder. */
function planFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** A usage mistake: exit 2, nothing on standard output, one line on standard error with every part given. */
function expectRefused(r: Run, ...parts: string[]): void {
  expect(r.code).toBe(2);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).not.toContain('\n');
  expect(r.err[0]).not.toMatch(/\n\s+at |Error:/);
  for (const p of parts) expect(r.err[0]).toContain(p);
}

const PLAN: Plan = [
  ['share-vision', 'set-goals', 'coach'],
  ['tell-the-why', { action: 'delegate', member: 'nobody' }, 'make-plan'],
];

describe('--policy plan:FILE', () => {
  it('plays the file turn by turn in sim play, then ends every later turn at once', async () => {
    const file = planFile('two-turns.json', PLAN);
    const out = join(dir, 'two-turns.replay.json');
    const r = await sim('play', '--scenario', 'first-team', '--seed', '4', '--policy', `plan:${file}`, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out[0]).toContain(`policy plan:${file}`);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as ReplayDocument;
    const actions = doc.turns.map((t) => t.actions.map((c) => c.action));
    expect(actions[0]).toEqual(['share-vision', 'set-goals', 'coach']);
    // The delegation aims at a member the team does not have: skipped.
    expect(actions[1]).toEqual(['tell-the-why', 'make-plan']);
    for (const later of actions.slice(2)) expect(later).toEqual([]);
  });

  it('plays the same games in sim batch on one thread and across worker threads', async () => {
    const file = planFile('batch.json', PLAN);
    const { scenario } = loadScenarioFile(join(SCENARIO_DIR, 'build-the-house.json'));
    const args = ['batch', '--scenario', 'build-the-house', '--policy', `plan:${file}`, '--seeds', 'p'];
    const parallel = onlyJson<{ outcomes: unknown; averageScore: number }>(
      await sim(...args, '--runs', String(PARALLEL_FROM), '--json'),
    );
    const single = tallySeeds(scenario, planPolicy(PLAN), 1, PARALLEL_FROM, undefined, 'p');
    expect(parallel.outcomes).toEqual(single.outcomes);
    expect(parallel.averageScore).toBe(Math.round(single.score / PARALLEL_FROM));
  });

  it('is taken by sim branch --then', async () => {
    const file = planFile('branch.json', PLAN);
    const code = onlyJson<{ replayCode: string }>(
      await sim('play', '--scenario', 'first-team', '--seed', '2', '--policy', 'balanced', '--json'),
    ).replayCode;
    const r = onlyJson<{ lineage: { atTurn: number } }>(
      await sim('branch', code, '--at', '1', '--then', `plan:${file}`, '--json'),
    );
    expect(r.lineage.atTurn).toBe(1);
  });

  it('refuses a missing file, a folder or a non-JSON file in one line each, exit 2', async () => {
    const missing = join(dir, 'missing.json');
    for (const command of ['play', 'batch', 'branch']) {
      const args =
        command === 'play'
          ? ['play', '--scenario', 'first-team', '--seed', '1', '--policy', `plan:${missing}`]
          : command === 'batch'
            ? ['batch', '--scenario', 'first-team', '--runs', '3', '--policy', `plan:${missing}`]
            : ['branch', 'M1.x', '--at', '1', '--then', `plan:${missing}`];
      expectRefused(await sim(...args), `${command}: plan file`, `${missing}: no such file`);
    }
    expectRefused(
      await sim('play', '--scenario', 'first-team', '--seed', '1', '--policy', `plan:${dir}`),
      `${dir} is a folder, not a file`,
    );
    const broken = planFile('broken.json', '[["share-vision",');
    expectRefused(
      await sim('play', '--scenario', 'first-team', '--seed', '1', '--policy', `plan:${broken}`),
      broken,
      'is not JSON',
    );
    expectRefused(await sim('play', '--scenario', 'first-team', '--seed', '1', '--policy', 'plan:'), 'plan:FILE');
  });

  it('refuses a file of the wrong shape naming the JSON path, what was expected and what was found', async () => {
    const cases: [unknown, string, string][] = [
      [{ turns: [] }, 'expected a list with one list of cards per turn', 'found an object'],
      [[[], [], [], ['share-vision', 'nope']], '[3][1]: expected an action id (share-vision,', 'found "nope"'],
      [[[], [], [], ['share-vision', { action: 'nope' }]], '[3][1].action: expected an action id', 'found "nope"'],
      [[['coach'], 3], '[1]: expected a list', 'found the number 3'],
      [[[{ action: 'set-goals', member: 'ana' }]], '[0][0].member: expected no member', 'found "ana"'],
    ];
    for (const [i, [content, where, found]] of cases.entries()) {
      const file = planFile(`shape-${i}.json`, content);
      for (const command of ['play', 'batch']) {
        const args =
          command === 'play'
            ? ['play', '--scenario', 'first-team', '--seed', '1', '--policy', `plan:${file}`]
            : ['batch', '--scenario', 'first-team', '--runs', '3', '--policy', `plan:${file}`];
        expectRefused(await sim(...args), `${command}: plan file`, file, where, found);
      }
    }
  });

  it('is listed among the valid policies', async () => {
    const r = await sim('play', '--scenario', 'first-team', '--seed', '1', '--policy', 'nope');
    expect(r.err[0]).toContain('plan:FILE');
  });
});

describe("a balance report's script saved as a plan file", () => {
  it('replays in sim batch to the momentum the report gives it', { timeout: 60_000 }, async () => {
    // The first team with eight of its actions: few bundles, so the report takes a second or two.
    const source = JSON.parse(readFileSync(join(SCENARIO_DIR, 'first-team.json'), 'utf8')) as Record<string, unknown>;
    delete source.$schema;
    const scenarioFile = join(dir, 'small-team.json');
    writeFileSync(scenarioFile, JSON.stringify({ ...source, id: 'small-team', actions: ACTIONS }, null, 2));
    const runs = 7;
    const report = onlyJson<BalanceReport>(
      await sim('balance', '--scenario', scenarioFile, '--runs', String(runs), '--seeds', 'room-', '--json'),
    );
    const file = planFile('script.json', report.script.plan);
    const batch = onlyJson<{ outcomes: { momentum: number } }>(
      await sim(
        'batch',
        '--scenario',
        scenarioFile,
        '--policy',
        `plan:${file}`,
        '--runs',
        String(runs),
        '--seeds',
        'room-',
        '--json',
      ),
    );
    expect(batch.outcomes.momentum).toBe(Math.round(report.script.momentum * runs));
  });
});
