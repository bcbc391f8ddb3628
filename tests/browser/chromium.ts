import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

/** The system Chromium, headless, with software WebGL allowed and no calls to the outside. */
function options(extraArgs: readonly string[]): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      ...extraArgs,
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}

/** A Chromium of its own, for a test that needs other flags (a fake camera) or runs alone (benchmarks). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch(options(extraArgs));
}

/** The one Chromium a test run shares (tests/global-setup.ts starts it; files connect to it). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(options([]));
}

/** Connects to the shared Chromium at `wsEndpoint`: each test file gets its own connection and contexts. */
export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
