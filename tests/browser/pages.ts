import type { Browser, BrowserContext, Page } from 'playwright-core';
import { main } from '../../src/cli/sim';

export interface OpenOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Motion on; otherwise reduced, as the animated world in software WebGL keeps a core busy. */
  readonly motion?: boolean;
  /** Where the page's errors are written down, each with the path it was opened at. */
  readonly errors: string[];
  /** Count console.error messages as errors too, not only uncaught ones. */
  readonly consoleErrors?: boolean;
  /** Runs before the page is opened: init scripts, stored data. */
  readonly init?: (page: Page) => Promise<unknown>;
  /** Let the site's service worker install and precache the site, for a test of offline play. */
  readonly serviceWorker?: boolean;
}

/** Opens `path` of the site at `base` in a new context, once the app says it is ready. */
export async function openPage(
  browser: Browser,
  base: string,
  path: string,
  options: OpenOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    reducedMotion: options.motion ? 'no-preference' : 'reduce',
    // Precaching the whole site in every new context costs CPU the suite shares, and a test that
    // routes or cuts the network wants every request to reach it, not the worker's cache.
    serviceWorkers: options.serviceWorker ? 'allow' : 'block',
  });
  const page = await context.newPage();
  if (options.consoleErrors ?? true)
    page.on('console', (m) => {
      if (m.type() === 'error') options.errors.push(`${path}: ${m.text()}`);
    });
  page.on('pageerror', (e) => options.errors.push(`${path}: ${e.message}`));
  if (options.init) await options.init(page);
  await page.goto(new URL(path, base).href);
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page };
}

/** What `sim verify CODE --json` says of a code: the page's figures are checked against it. */
export interface CliVerified {
  readonly valid: boolean;
  readonly fingerprint?: string;
  readonly outcome?: string;
  readonly turns?: number;
  readonly lineage?: unknown;
}

export async function cliVerify(code: string): Promise<CliVerified> {
  const out: string[] = [];
  await main(
    ['verify', code, '--json'],
    (s) => out.push(s),
    () => undefined,
  );
  return JSON.parse(out.join('')) as CliVerified;
}
