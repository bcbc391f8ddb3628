import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

/**
 * The features Playwright itself switches off (playwright-core's chromiumSwitches). Chromium
 * honours only the last `--disable-features` on its command line, so ours must repeat them;
 * tests/chromium-flags.test.ts checks this list against the installed playwright-core.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
] as const;

/**
 * Headless Chromium still builds the address bar's suggestion popups, as web pages in a renderer
 * of their own, for every window: about a second of CPU for each browser context a test opens.
 */
const UNSEEN_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'] as const;

/**
 * The system Chromium, headless, with software WebGL allowed and no calls to the outside. Pages
 * are composited in software: compositing through SwiftShader's emulated GPU cost a fifth of the
 * browser tests' CPU, and WebGL canvases are still drawn on the emulated GPU.
 */
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
      '--disable-gpu-compositing',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSEEN_FEATURES].join(',')}`,
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
