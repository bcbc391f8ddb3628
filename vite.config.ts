/// <reference types="vitest/config" />
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The world needs only Phaser's core (game, scenes, cameras, scale, Graphics and Text, WebGL):
 * built from Phaser's own `phaser-core` entry it ships about 125 KB gzip less than the full
 * bundle (no physics, tilemaps, sound or Canvas renderer; without WebGL the world is a still
 * picture anyway).
 */
const PHASER_CORE = fileURLToPath(new URL('./node_modules/phaser/src/phaser-core.js', import.meta.url));
/** The build flags Phaser's own bundles set at compile time. */
const PHASER_FLAGS: Record<string, string> = {
  'typeof WEBGL_RENDERER': 'true',
  'typeof CANVAS_RENDERER': 'false',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
  'global.Phaser = Phaser;': 'globalThis.Phaser = Phaser;',
};
const PHASER_SOURCE = /node_modules[\\/]phaser[\\/]src[\\/].*\.js$/;

function phaserFlags(): Plugin {
  return {
    name: 'phaser-flags',
    transform(code, id) {
      if (!PHASER_SOURCE.test(id)) return null;
      let out = code;
      for (const [flag, value] of Object.entries(PHASER_FLAGS)) out = out.replaceAll(flag, value);
      return { code: out, map: null };
    },
  };
}

/**
 * Tests that play thousands of games: the balance sweeps, the documentation's commands (which run
 * such sweeps), every word shown checked over a thousand games per scenario, the benchmark run as
 * `npm run bench` runs it, and the live relay's processes.
 */
const SLOW_TESTS = [
  'tests/balance/**/*.test.ts',
  'tests/**/balance*.test.ts',
  'tests/docs/**/*.test.ts',
  'tests/replay/shown-words-true.test.ts',
  'tests/cli/bench.test.ts',
  // Real relay processes (and Redis): mostly waiting on sockets, kept out of the quick tests.
  'tests/relay/**/*.test.ts',
];
/** Tests that drive headless Chromium. */
const BROWSER_TESTS = ['tests/browser/**/*.test.ts', 'tests/**/browser-*.test.ts'];

/**
 * `npm start` runs the live relay beside the site (on port 1234, or a free one when that is
 * taken) and says where at ./relay.json, so the workshop setup fills in its address. It listens
 * where the site does: on the network too when the site is started with --host.
 */
function liveRelay(): Plugin {
  return {
    name: 'momentum-live-relay',
    apply: 'serve',
    configureServer(server) {
      // Vitest serves through Vite too; its tests start their own relays.
      if (process.env.VITEST) return;
      const host = server.config.server.host;
      const address = host === true ? '0.0.0.0' : typeof host === 'string' ? host : '127.0.0.1';
      const relay = startRelayProcess(address, (line) => server.config.logger.info(`relay: ${line}`));
      server.httpServer?.once('close', () => relay.child.kill('SIGTERM'));
      server.middlewares.use('/relay.json', (_req, res) => {
        void relay.port.then((port) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ port }));
        });
      });
    },
  };
}

/**
 * `npm run relay` as a child process: on 1234 unless taken, then on a free port; resolves to the
 * port. A relay that crashes comes back on the port it had, which every session's links name.
 */
function startRelayProcess(
  host: string,
  log: (line: string) => void,
): { child: ChildProcess; port: Promise<number | null> } {
  const tsx = fileURLToPath(new URL('./node_modules/.bin/tsx', import.meta.url));
  const start = (port: number): ChildProcess =>
    spawn(tsx, ['src/relay/main.ts', '--port', String(port), '--host', host, '--data', 'relay-data'], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOMENTUM_RELAY_PARENT: String(process.pid) },
    });
  const holder = { child: start(1234), port: Promise.resolve<number | null>(null) };
  let resolve: (port: number | null) => void = () => undefined;
  holder.port = new Promise((done) => (resolve = done));
  let first = true;
  const watch = (child: ChildProcess): void => {
    let heard: number | null = null;
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log(line.replace(/^\S+ /, ''));
        const m = /listening on ws:\/\/\S+:(\d+)/.exec(line);
        if (m) resolve((heard = Number(m[1])));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString().trim()));
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGTERM') return;
      // Never listened: 1234 was taken, so once more on a free port; listened: back on its port.
      if (heard === null && !first) return resolve(null);
      first = false;
      holder.child = start(heard ?? 0);
      watch(holder.child);
    });
  };
  watch(holder.child);
  return holder;
}

export default defineConfig({
  // Relative asset paths let the built site run from any static host and any sub-path.
  base: './',
  // The project's own icons, copied to the site as they are.
  publicDir: 'assets',
  resolve: { alias: [{ find: /^phaser$/, replacement: PHASER_CORE }] },
  // The dev server pre-bundles Phaser's CommonJS sources once, with the same flags.
  optimizeDeps: { include: ['phaser'], rolldownOptions: { plugins: [phaserFlags()] } },
  plugins: [
    phaserFlags(),
    liveRelay(),
    // An installable site that works offline after one visit: the game, the replay viewer and
    // workshop mode, the world's Phaser chunk included, are precached by a service worker.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Momentum',
        short_name: 'Momentum',
        description: 'A game about the difference between leading and managing a team.',
        theme_color: '#14192b',
        background_color: '#14192b',
        display: 'standalone',
        start_url: './',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The scenario lab (CodeMirror and the balance worker, about 130 KB gzip) is for scenario
        // authors, not players: precaching it would make every player on a workshop's poor Wi-Fi
        // download an editor they never open. It is cached on first use instead (runtimeCaching).
        globIgnores: ['**/assets/lab-*.js', '**/assets/balance-worker-*.js'],
        runtimeCaching: [
          {
            urlPattern: /\/assets\/(lab|balance-worker)-[^/]*\.js$/,
            handler: 'CacheFirst',
            options: { cacheName: 'momentum-lab-code', expiration: { maxEntries: 20 } },
          },
        ],
        // Phaser's chunk is about 1.4 MB: above workbox's default limit of 2 MiB it would not be kept.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            // The scenario lab and its editor, loaded on first use and left out of the precache.
            {
              name: 'lab',
              // Only the lab's own modules: the engine and the rest it shares with the game stay in the game's chunks.
              includeDependenciesRecursively: false,
              test: /node_modules[\\/](@codemirror|@lezer|crelt|style-mod|w3c-keyname|@marijn)[\\/]|src[\\/]ui[\\/]lab[\\/]|src[\\/](lab|bots)[\\/]|scenario\.schema\.json$/,
            },
          ],
        },
      },
    },
  },
  test: {
    // Builds and serves the site and starts one Chromium for the browser tests, once per run and
    // only if one asks for it.
    globalSetup: ['tests/global-setup.ts'],
    // Balance sweeps are long and single-threaded: on a 2-core machine the default of one worker
    // would leave a core idle for minutes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `npm run coverage`: line coverage of the sources by the Node tests (the browser tests run
    // the built site, which V8 coverage in Node cannot see).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
    projects: [
      {
        extends: true,
        test: {
          // The quick tests (`npm run test:unit`): the engine, replay, workshop, CLI, scenarios and
          // the screens in happy-dom. They share modules within a worker thread instead of loading
          // the engine again for every file, which took more time than most files' tests; none
          // keeps state between files (a test that must count calls passes in its own counter).
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...SLOW_TESTS, ...BROWSER_TESTS],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        // Each file on its own: a sweep keeps every game it played for its tests, which would add up.
        test: { name: 'slow', include: SLOW_TESTS, pool: 'threads' },
      },
      // Real Chromium on the built site; each file in a process of its own.
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS } },
    ],
  },
});
