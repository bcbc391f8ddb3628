import { execFile } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { preview, type PreviewServer } from 'vite';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './browser/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the site is built into, once per test run. */
    previewDir: string;
    /** A loopback address whose answer, once the site is built and served, is the site's address. */
    previewControl: string;
    /** A loopback address whose answer is the shared Chromium's endpoint, launched on first ask. */
    browserControl: string;
  }
}

const ROOT = new URL('..', import.meta.url).pathname;
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CACHE = join(ROOT, 'node_modules', '.cache');
/** Each run builds into a folder of its own, named after its process. */
const PREFIX = 'momentum-test-dist-';

/** Builds the site exactly as `npm run build` does (a production build, service worker included). */
export async function buildSite(outDir: string): Promise<void> {
  try {
    await promisify(execFile)(
      process.execPath,
      [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (e) {
    const { stderr, stdout, message } = e as { stderr?: string; stdout?: string; message: string };
    throw new Error(`the site did not build: ${stderr || stdout || message}`);
  }
}

export async function serveSite(outDir: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the builds that runs ended without their teardown (killed, say) left behind. */
function removeOrphanBuilds(): void {
  let names: string[];
  try {
    names = readdirSync(CACHE);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.slice(PREFIX.length));
    if (name.startsWith(PREFIX) && Number.isInteger(pid) && pid > 0 && !alive(pid))
      rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

/**
 * The browser tests' site: built once per test run, only when a browser test first asks for it,
 * and served by one preview server on loopback. Tests read its address with `previewUrl()` from
 * tests/browser/preview.ts. A run without browser tests builds nothing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // One folder per test run, so runs side by side never empty each other's build.
  const outDir = join(CACHE, `${PREFIX}${process.pid}`);
  let site: Promise<{ server: PreviewServer; url: string }> | undefined;

  async function stopSite(): Promise<void> {
    const running = site;
    site = undefined;
    if (!running) return;
    const served = await running.catch(() => undefined);
    await served?.server.close();
    rmSync(outDir, { recursive: true, force: true });
  }

  removeOrphanBuilds();
  let chromium: Promise<BrowserServer> | undefined;
  const control: Server = createServer((request, response) => {
    const asked: Promise<string> =
      request.url === '/browser'
        ? (chromium ??= launchChromiumServer()).then((server) => server.wsEndpoint())
        : (site ??= buildSite(outDir).then(() => serveSite(outDir))).then(({ url }) => url);
    asked.then(
      (answer) => response.writeHead(200, { 'content-type': 'text/plain', connection: 'close' }).end(answer),
      (e: unknown) =>
        response
          .writeHead(500, { 'content-type': 'text/plain', connection: 'close' })
          .end(e instanceof Error ? e.message : String(e)),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const address = control.address();
  if (!address || typeof address === 'string') throw new Error('the preview control server has no port');
  project.provide('previewDir', outDir);
  project.provide('previewControl', `http://127.0.0.1:${address.port}/`);
  project.provide('browserControl', `http://127.0.0.1:${address.port}/browser`);
  // In watch mode a rerun tests the sources as they are now: the next request builds afresh.
  project.onTestsRerun(stopSite);

  return async () => {
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await (await chromium?.catch(() => undefined))?.close();
    await stopSite();
  };
}
