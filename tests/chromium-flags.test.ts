import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAYWRIGHT_DISABLED_FEATURES } from './browser/chromium';

/** The features the installed playwright-core switches off, read from its source. */
function playwrightDisabledFeatures(): string[] {
  const lib = join(createRequire(import.meta.url).resolve('playwright-core/package.json'), '..', 'lib');
  const source = readFileSync(join(lib, 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([^\]]*)\]/.exec(source);
  if (!list) throw new Error('playwright-core no longer lists its disabled features where this test looks');
  return [...list[1]!.matchAll(/^\s*"([A-Za-z0-9]+)",?\s*$/gm)].map((m) => m[1]!);
}

describe('the browser tests’ Chromium', () => {
  it('keeps every feature Playwright switches off switched off, since only the last --disable-features counts', () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.filter((f) => !(PLAYWRIGHT_DISABLED_FEATURES as readonly string[]).includes(f))).toEqual([]);
  });
});
