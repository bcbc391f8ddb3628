import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioEntries } from '../../src/cli/context';
import { GOLDEN_DIR } from '../../src/cli/write-goldens';
import { createGame } from '../../src/engine/create';
import { fingerprint } from '../../src/engine/fingerprint';
import { verifyReplay } from '../../src/replay/verify';
import { launchChromium } from '../browser/chromium';
import { startVite } from '../browser/server';

interface ProbeResult {
  replays: { file: string; valid: boolean; fingerprint: string | null; reason: string | null }[];
  starts: { id: string; fingerprint: string }[];
}

let server: ViteDevServer;
let browser: Browser;
let result: ProbeResult;

beforeAll(async () => {
  const vite = await startVite();
  server = vite.server;
  browser = await launchChromium();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${vite.url}/tests/browser/determinism.html`);
  await page.waitForFunction(() => '__result' in window, undefined, { timeout: 30_000 });
  result = (await page.evaluate(() => (window as unknown as { __result: ProbeResult }).__result)) as ProbeResult;
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the same runs in Node and in headless Chromium', () => {
  it('verify every golden replay to the same fingerprint', () => {
    const files = readdirSync(GOLDEN_DIR)
      .filter((f) => f.endsWith('.replay.json'))
      .sort();
    expect(result.replays.map((r) => r.file).sort()).toEqual(files);
    for (const file of files) {
      const node = verifyReplay(readFileSync(join(GOLDEN_DIR, file), 'utf8'), scenarioEntries());
      const browserSide = result.replays.find((r) => r.file === file)!;
      expect(browserSide.reason, file).toBeNull();
      expect(node.valid && node.fingerprint, file).toBe(browserSide.fingerprint);
    }
  });

  it('start every scenario from a unicode seed in the same state', () => {
    for (const { scenario } of scenarioEntries()) {
      const inBrowser = result.starts.find((s) => s.id === scenario.id)?.fingerprint;
      expect(inBrowser, scenario.id).toBe(fingerprint(createGame(scenario, 'cross-runtime ✓')));
    }
  });
});
