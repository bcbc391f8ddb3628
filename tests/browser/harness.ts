import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { connectChromium } from './chromium';
import { openPage, type OpenOptions } from './pages';
import { previewUrl } from './preview';

/** Screenshots are test artifacts: look at them after a run. */
export const SHOTS = join(new URL('../..', import.meta.url).pathname, 'test-results', 'screenshots');

/** The shared Chromium of this test run, launched by tests/global-setup.ts on the first ask. */
async function sharedChromium(): Promise<Browser> {
  const control = inject('browserControl');
  if (!control) throw new Error('no browser control: tests/global-setup.ts is not in the test config');
  const response = await fetch(control);
  const text = await response.text();
  if (!response.ok) throw new Error(text);
  return connectChromium(text);
}

export interface Harness {
  /** The built site's address. */
  readonly url: string;
  /** This file's connection to the run's shared Chromium. */
  readonly browser: Browser;
  /** Errors the file's pages raised (uncaught, and console.error unless a page opts out). */
  readonly errors: string[];
  /**
   * Opens `path` of the site in a new context, once the app says it is ready. Pages prefer reduced
   * motion unless a test is about the motion itself: the animated world in software WebGL keeps a
   * core busy, and the whole suite shares two.
   */
  open(path: string, options?: Omit<OpenOptions, 'errors'>): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * The browser tests' shared setup, one call per file: the built site (one build and preview
 * server per run), a connection to the run's one Chromium, and a check after the file that no
 * page raised an error. `shots` is a folder under test-results/screenshots to create.
 */
export function browserHarness(options: { readonly shots?: string; readonly errorsAllowed?: boolean } = {}): Harness {
  let url = '';
  let browser: Browser | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    if (options.shots !== undefined) mkdirSync(join(SHOTS, options.shots), { recursive: true });
    [url, browser] = await Promise.all([previewUrl(), sharedChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (!options.errorsAllowed) expect(errors).toEqual([]);
  });
  return {
    get url() {
      return url;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not connected yet: use it inside a test');
      return browser;
    },
    errors,
    open(path, openOptions = {}) {
      if (!browser) throw new Error('the browser is not connected yet: use it inside a test');
      return openPage(browser, url, path, { ...openOptions, errors });
    },
  };
}
