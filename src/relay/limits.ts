import type { beforeHandleMessagePayload, Extension, onDisconnectPayload } from '@hocuspocus/server';

/** The relay's limits: what a workshop needs many times over, and no more. */
export const LIMITS = {
  /** Largest websocket message, in bytes: a team's run is a few kilobytes. */
  maxPayload: 64 * 1024,
  /** Largest single update to a document, in bytes. */
  maxUpdate: 16 * 1024,
  /** Messages a connection may send each second, on average, and in a burst. */
  perSecond: 20,
  burst: 60,
} as const;

/** A refusal Hocuspocus closes the connection with: a code and a reason, no stack. */
function refuse(reason: string): { code: number; reason: string } {
  return { code: 4400, reason };
}

/**
 * Refuses an update past the size limit and a connection past the rate limit (a token bucket per
 * socket), logging each refusal with its reason.
 */
export function limitsExtension(log: (line: string) => void, now: () => number = Date.now): Extension {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    extensionName: 'momentum-limits',
    async beforeHandleMessage({ update, socketId, documentName }: beforeHandleMessagePayload) {
      if (update.length > LIMITS.maxUpdate) {
        log(`refused: ${update.length} bytes for ${documentName} from ${socketId}: larger than ${LIMITS.maxUpdate}`);
        throw refuse('message too large');
      }
      const t = now();
      const b = buckets.get(socketId) ?? { tokens: LIMITS.burst, at: t };
      b.tokens = Math.min(LIMITS.burst, b.tokens + ((t - b.at) * LIMITS.perSecond) / 1000);
      b.at = t;
      if (b.tokens < 1) {
        log(`refused: ${documentName} from ${socketId}: more than ${LIMITS.perSecond} messages a second`);
        buckets.delete(socketId);
        throw refuse('too many messages');
      }
      b.tokens -= 1;
      buckets.set(socketId, b);
    },
    async onDisconnect({ socketId }: onDisconnectPayload) {
      buckets.delete(socketId);
    },
  };
}
