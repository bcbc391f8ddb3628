import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = new URL('../..', import.meta.url).pathname;
/** One folder per test process, so runs side by side never empty each other's build. */
export const OUT_DIR = join(ROOT, 'node_modules', '.cache', `momentum-test-dist-${process.pid}`);

export function removeBuild(): void {
  rmSync(OUT_DIR, { recursive: true, force: true });
}

/** Builds the site as `npm run build` does, into a scratch folder, and serves it on loopback. */
export async function buildAndPreview(): Promise<{ server: PreviewServer; url: string }> {
  await build({ root: ROOT, logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
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
