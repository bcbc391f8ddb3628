import { createServer, type ViteDevServer } from 'vite';

/** A Vite dev server for the project on a free loopback port. */
export async function startVite(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}
