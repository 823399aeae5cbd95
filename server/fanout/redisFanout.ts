import { Redis } from "ioredis";
import type { BoardId } from "../../lib/model/ids";
import type { Logger } from "../log";
import { closeRedis } from "./closeRedis";
import { decodeFanoutMessage, encodeFanoutMessage, newInstanceId, type Fanout, type FanoutMessage } from "./fanout";

export const boardChannelName = (boardId: BoardId): string => `waymark:board:${boardId}`;

/**
 * Fan-out through Redis pub/sub: one channel per board, one publishing and one subscribing
 * connection per instance. Redis reconnects by itself; a message lost meanwhile is repaired by
 * the rooms' state-vector exchange, so errors here are logged, never thrown into a room.
 */
export function createRedisFanout(url: string, log: Logger): Fanout {
  const instance = newInstanceId();
  const pub = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const sub = new Redis(url, { maxRetriesPerRequest: null });
  const handlers = new Map<string, (message: FanoutMessage) => void>();
  for (const [name, client] of [["publisher", pub], ["subscriber", sub]] as const) {
    client.on("error", (error: unknown) => log.warn({ err: String(error), client: name }, "redis error"));
  }
  sub.on("messageBuffer", (channel: Buffer, raw: Buffer) => {
    const handler = handlers.get(channel.toString());
    if (!handler) return;
    const message = decodeFanoutMessage(instance, raw);
    if (message) handler(message);
  });
  return {
    join(boardId, onMessage) {
      const channel = boardChannelName(boardId);
      handlers.set(channel, onMessage);
      sub.subscribe(channel).catch((error: unknown) => log.warn({ board: boardId, err: String(error) }, "redis subscribe failed"));
      return {
        publish(kind, payload) {
          pub.publish(channel, encodeFanoutMessage(instance, kind, payload)).catch((error: unknown) =>
            log.warn({ board: boardId, kind, err: String(error) }, "redis publish failed; repair will catch up"),
          );
        },
        leave() {
          if (handlers.get(channel) !== onMessage) return;
          handlers.delete(channel);
          sub.unsubscribe(channel).catch(() => undefined);
        },
      };
    },
    async close() {
      handlers.clear();
      await Promise.all([closeRedis(pub), closeRedis(sub)]);
    },
  };
}
