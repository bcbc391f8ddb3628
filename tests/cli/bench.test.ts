import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllScenarios } from '../../src/scenarios/files';

const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run bench -- --json', () => {
  it('prints one JSON object with turns per second and verify times for every scenario', () => {
    // As `npm run bench` runs it: Node with a single-threaded collector, through tsx.
    const text = execFileSync(
      process.execPath,
      ['--single-threaded-gc', '--import', 'tsx', 'src/cli/bench.ts', '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, BENCH_GAMES: '20' },
        encoding: 'utf8',
      },
    );
    const figures = JSON.parse(text) as Record<string, Record<string, number>>;
    expect(Object.keys(figures)).toEqual(['turnsPerSecond', 'turnsPerSecondWithBot', 'verifyMs']);
    const ids = loadAllScenarios()
      .map((s) => s.scenario.id)
      .sort();
    for (const key of Object.keys(figures)) {
      expect(Object.keys(figures[key]!).sort()).toEqual(ids);
      for (const value of Object.values(figures[key]!)) expect(Number.isFinite(value) && value > 0).toBe(true);
    }
  });
});
