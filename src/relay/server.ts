import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import { authorize, Refusal } from './access';
import { LIMITS, limitsExtension } from './limits';
import { redisRoomKeys } from './redis-rooms';
import { rosterExtension } from './roster';
import { openStore, type RoomKeys } from './store';

export interface RelayOptions {
  readonly port: number;
  /** The address to listen on: loopback unless teams' devices must reach it. */
  readonly host: string;
  /** The folder of the relay's database. */
  readonly data: string;
  /** A Redis server shared by several relays, for rooms that outgrow one. */
  readonly redis?: { readonly host: string; readonly port: number };
  readonly log: (line: string) => void;
}

export interface Relay {
  readonly port: number;
  close(): Promise<void>;
}

function authExtension(keys: RoomKeys, log: (line: string) => void): Extension {
  return {
    extensionName: 'momentum-access',
    async onAuthenticate({ documentName, token, connectionConfig, socketId }: onAuthenticatePayload) {
      try {
        const grant = await authorize(documentName, token, keys);
        connectionConfig.readOnly = grant.readOnly;
        return grant;
      } catch (e) {
        const reason = e instanceof Refusal ? e.reason : 'could not check the keys';
        log(`refused: ${JSON.stringify(documentName.slice(0, 120))} from ${socketId}: ${reason}`);
        throw new Error(reason);
      }
    },
  };
}

/**
 * Starts the relay: Hocuspocus with the rooms' access rules, the roster, the limits, and every
 * document kept in the embedded database (and shared through Redis when given).
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const { log } = options;
  const store = openStore(options.data);
  const shared = options.redis ? redisRoomKeys(options.redis.host, options.redis.port) : null;
  const keys: RoomKeys = shared ?? store;
  const extensions: Extension[] = [
    authExtension(keys, log),
    limitsExtension(log),
    rosterExtension(log),
    new Database({
      fetch: async ({ documentName }) => store.document(documentName),
      store: async ({ documentName, state }) => store.storeDocument(documentName, state),
    }),
  ];
  if (options.redis) extensions.push(new Redis({ host: options.redis.host, port: options.redis.port }));
  const server = new Server(
    {
      name: 'momentum-relay',
      port: options.port,
      address: options.host,
      quiet: true,
      stopOnSignals: false,
      debounce: 500,
      maxDebounce: 2000,
      extensions,
    },
    { maxPayload: LIMITS.maxPayload },
  );
  // A message past the size limit closes its socket in `ws`; say why in the log, and never crash.
  server.webSocketServer.on('connection', (socket) => {
    socket.on('error', (e: Error) => log(`refused: a connection's message: ${e.message}`));
  });
  await server.listen();
  const port = server.address.port;
  log(`relay listening on ws://${options.host}:${port}, data in ${options.data}`);
  return {
    port,
    async close() {
      await server.destroy();
      await shared?.close();
      await store.close();
    },
  };
}
