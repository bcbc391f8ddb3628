import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The rule ids eslint reports at each line of `text`, linted as if it were the file at `path`. */
async function rulesAt(path: string, text: string): Promise<string[][]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(text, { filePath: join(ROOT, path) });
  const lines = text.split('\n').length;
  return Array.from({ length: lines }, (_, i) =>
    result!.messages.filter((m) => m.severity === 2 && m.line === i + 1).map((m) => m.ruleId ?? ''),
  );
}

const PROBE = [
  'export const a = Date.now();',
  'export const b = setTimeout(() => undefined, 5);',
  'export const c = window.location.href + location.search;',
  'export const d = new Worker("w.js");',
  'export const e = navigator.hardwareConcurrency;',
  'export const f = window.print;',
  'export const g = new Date(0).getTime();',
].join('\n');

describe('screens reach the browser only through the app context', () => {
  it('a screen file may not use the clock, timers, address, workers or print directly', async () => {
    const at = await rulesAt('src/ui/screens/__probe__.ts', PROBE);
    expect(at[0]).toContain('no-restricted-properties');
    expect(at[1]).toContain('no-restricted-globals');
    expect(at[2]).toEqual(expect.arrayContaining(['no-restricted-properties', 'no-restricted-globals']));
    expect(at[3]).toContain('no-restricted-globals');
    expect(at[4]).toContain('no-restricted-properties');
    expect(at[5]).toContain('no-restricted-properties');
    // Formatting a stored time is not reading the clock.
    expect(at[6]).toEqual([]);
  });

  it('the one file that wires the browser’s own services may', async () => {
    const at = await rulesAt('src/ui/browser-services.ts', PROBE);
    expect(at.flat().filter((r) => r.startsWith('no-restricted-'))).toEqual([]);
  });
});
