import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startRelay } from './server';

const USAGE = `npm run relay -- [--port 1234] [--host 127.0.0.1] [--data relay-data] [--redis HOST:PORT]

Starts Momentum's live relay: teams publish their runs to it, the facilitator's dashboard
watches them and paces the rounds. It keeps only codes, team names, pacing and each room's
keys, in the folder given by --data.
  --port   the port to listen on (default 1234; 0 picks a free one)
  --host   the address to listen on (default 127.0.0.1; 0.0.0.0 lets devices on the network in)
  --data   the folder of its database (default ./relay-data)
  --redis  a Redis server shared by several relays, for rooms that outgrow one`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function options(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '1234' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: 'relay-data' },
        redis: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535)
    fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
  let redis;
  if (values.redis !== undefined) {
    const m = /^([^:]+):(\d+)$/.exec(values.redis);
    if (!m) fail(`--redis must be HOST:PORT, not "${values.redis}".`);
    redis = { host: m[1]!, port: Number(m[2]) };
  }
  return { port, host: values.host, data: resolve(values.data), redis };
}

const log = (line: string): void => void process.stdout.write(`${new Date().toISOString()} ${line}\n`);
// Nothing a client sends may stop the relay: whatever escapes is logged and the relay goes on.
process.on('uncaughtException', (e) => log(`error: ${e.message}`));
process.on('unhandledRejection', (e) => log(`error: ${(e as Error)?.message ?? String(e)}`));

startRelay({ ...options(process.argv.slice(2)), log })
  .then((relay) => {
    const stop = (): void => void relay.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Started beside the site by `npm start`: it ends with the process that started it, however that ends.
    const parent = Number(process.env.MOMENTUM_RELAY_PARENT);
    if (Number.isInteger(parent) && parent > 0)
      setInterval(() => {
        try {
          process.kill(parent, 0);
        } catch {
          stop();
        }
      }, 2000).unref();
  })
  .catch((e: unknown) => {
    process.stderr.write(`The relay could not start: ${(e as Error).message}\n`);
    process.exit(1);
  });
