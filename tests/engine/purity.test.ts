import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('engine purity lint', () => {
  it('src/engine has no lint errors', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['src/engine']);
    expect(results.length).toBeGreaterThan(10);
    const errors = results.flatMap((r) =>
      r.messages
        .filter((m) => m.severity === 2)
        .map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`),
    );
    expect(errors).toEqual([]);
    expect(results.reduce((n, r) => n + r.errorCount + r.fatalErrorCount, 0)).toBe(0);
  });

  it('the rules bite: clock, unseeded randomness, inexact math and Phaser are all reported', async () => {
    const probe = [
      "import Phaser from 'phaser';", // 1
      'export const a = Math.random();', // 2
      'export const b = Math.pow(2, 3);', // 3
      'export const c = 2 ** 3;', // 4
      'export const d = Date.now();', // 5
      'export const e = Math.trunc(7 / 2) + Math.imul(3, 4);', // 6: allowed
      'export const game = Phaser;', // 7
      '',
    ].join('\n');
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(probe, { filePath: join(ROOT, 'src/engine/__probe__.ts') });
    expect(result).toBeDefined();
    const errors = result!.messages.filter((m) => m.severity === 2);
    const at = (line: number) => errors.filter((m) => m.line === line).map((m) => m.ruleId);
    expect(at(1)).toContain('no-restricted-imports');
    expect(at(2)).toContain('no-restricted-properties');
    expect(at(3)).toContain('no-restricted-properties');
    expect(at(4)).toContain('no-restricted-syntax');
    expect(at(5)).toContain('no-restricted-globals');
    expect(at(6)).toEqual([]);
    expect(at(7)).toEqual([]);
  });

  it('the same text outside the engine is not held to the engine rules', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText('export const a = Math.random() + 2 ** 3 + Date.now();\n', {
      filePath: join(ROOT, 'src/cli/__probe__.ts'),
    });
    expect(result!.messages.filter((m) => m.severity === 2)).toEqual([]);
  });
});
