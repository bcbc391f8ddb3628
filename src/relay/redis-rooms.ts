import { Redis } from 'ioredis';
import type { RoomKeys, RoomRecord } from './store';

const KEY = 'momentum:rooms';

/** Rooms' keys in Redis, so that every relay sharing it admits the same teams. */
export function redisRoomKeys(host: string, port: number): RoomKeys & { close(): Promise<void> } {
  const redis = new Redis({ host, port, lazyConnect: false, maxRetriesPerRequest: 3 });
  return {
    async room(room) {
      const found = await redis.hget(KEY, room);
      return found === null ? undefined : (JSON.parse(found) as RoomRecord);
    },
    async claimRoom(room, record) {
      return (await redis.hsetnx(KEY, room, JSON.stringify(record))) === 1;
    },
    async close() {
      await redis.quit();
    },
  };
}
