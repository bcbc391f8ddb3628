import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inject } from 'vitest';

/** The site as `npm run build` makes it, built once per test run by tests/global-setup.ts. */
const OUT_DIR: string = inject('previewDir');

/**
 * The address of the built site, served on loopback by one preview server for the whole test run.
 * The first call of the run builds the site; every test file shares it, so none may change its files.
 */
export async function previewUrl(): Promise<string> {
  const control = inject('previewControl');
  if (!control) throw new Error('no preview control: tests/global-setup.ts is not in the test config');
  const response = await fetch(control);
  const text = await response.text();
  if (!response.ok) throw new Error(text);
  return text;
}

/** Every JavaScript file of the build with its raw and gzip size in bytes. */
export function scriptSizes(): { file: string; raw: number; gzip: number }[] {
  const dir = join(OUT_DIR, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({
      file: f,
      raw: statSync(join(dir, f)).size,
      gzip: gzipSync(readFileSync(join(dir, f)), { level: 9 }).length,
    }));
}
