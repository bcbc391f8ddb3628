import { expect } from 'vitest';
import { main } from '../../src/cli/sim';

export interface Run {
  code: number;
  out: string[];
  err: string[];
  /** Both streams in the order they were written, as a terminal shows them. */
  shown: string[];
}

/** Runs the CLI in-process, collecting what it writes. */
export async function sim(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const shown: string[] = [];
  const code = await main(
    argv,
    (s) => {
      out.push(s);
      shown.push(s);
    },
    (s) => {
      err.push(s);
      shown.push(s);
    },
  );
  return { code, out, err, shown };
}

/** The single line of JSON a --json run must print, parsed. */
export function onlyJson<T = unknown>(run: Run): T {
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.out).toHaveLength(1);
  expect(run.out[0]).not.toContain('\n');
  return JSON.parse(run.out[0]!) as T;
}
