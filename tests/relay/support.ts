import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { LiveStatus } from '../../src/live/client';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** A real relay process, as `npm run relay` starts it, on a free loopback port. */
export interface RelayProcess {
  readonly url: string;
  readonly port: number;
  /** Every line it has logged. */
  readonly log: string[];
  alive(): boolean;
  stop(): Promise<void>;
}

export function tempFolder(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'momentum-relay-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Relays still running: whatever a failed test leaves is stopped when the test run ends. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startRelayProcess(data: string, extra: readonly string[] = [], port = 0): Promise<RelayProcess> {
  const child: ChildProcess = spawn(TSX, ['src/relay/main.ts', '--port', String(port), '--data', data, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const log: string[] = [];
  let exited = false;
  child.on('exit', () => (exited = true));
  const heard = (chunk: Buffer): void => void log.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', heard);
  child.stderr!.on('data', heard);
  const started = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the relay did not start: ${log.join('\n')}`)), 20_000);
    const look = (): void => {
      const m = log.map((l) => /listening on ws:\/\/[^:]+:(\d+)/.exec(l)).find(Boolean);
      if (m) {
        clearTimeout(timer);
        done(Number(m[1]));
      } else if (exited) {
        clearTimeout(timer);
        fail(new Error(`the relay exited: ${log.join('\n')}`));
      } else setTimeout(look, 50);
    };
    look();
  });
  return {
    url: `ws://127.0.0.1:${started}`,
    port: started,
    log,
    alive: () => !exited,
    stop: () =>
      new Promise<void>((done) => {
        if (exited) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Waits until `done` holds, checking every 20 ms; fails naming `what` after `ms`. */
export async function until(done: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Connection options for Node, with every status the connection reports written down. */
export function nodeOptions(url: string): {
  url: string;
  WebSocket: unknown;
  statuses: string[];
  onStatus(s: LiveStatus, r?: string): void;
} {
  const statuses: string[] = [];
  return { url, WebSocket, statuses, onStatus: (s, r) => void statuses.push(r ? `${s}: ${r}` : s) };
}

/** Debian's redis-server on a free loopback port, keeping nothing on disk. */
export async function startRedis(): Promise<{ port: number; stop(): Promise<void> }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  await until(() => out.includes('Ready to accept connections') || child.exitCode !== null, 'redis-server', 10_000);
  if (child.exitCode !== null) throw new Error(`redis-server did not start: ${out}`);
  return {
    port,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
