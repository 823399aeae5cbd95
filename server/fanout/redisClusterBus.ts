import { Redis } from "ioredis";
import type { Logger } from "../log";
import { closeRedis } from "./closeRedis";
import type { ClusterBus, ClusterEvent } from "./clusterBus";
import { newInstanceId } from "./fanout";

const CHANNEL = "waymark:cluster";

/** The cluster bus over one Redis pub/sub channel, JSON messages tagged with the sender. */
export function createRedisClusterBus(url: string, log: Logger): ClusterBus {
  const instance = newInstanceId().toString("hex");
  const pub = new Redis(url, { maxRetriesPerRequest: 2 });
  const sub = new Redis(url, { maxRetriesPerRequest: null });
  const handlers: ((event: ClusterEvent) => void)[] = [];
  for (const client of [pub, sub]) client.on("error", (error: unknown) => log.warn({ err: String(error) }, "redis error (cluster bus)"));
  let subscribed = false;
  const ready = sub.subscribe(CHANNEL).then(
    () => {
      subscribed = true;
    },
    (error: unknown) => log.error({ err: String(error) }, "cluster bus subscribe failed"),
  );
  sub.on("message", (channel: string, raw: string) => {
    if (channel !== CHANNEL) return;
    let message: { from?: unknown; event?: ClusterEvent };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    if (message.from === instance || !message.event || typeof message.event.type !== "string") return;
    for (const handler of handlers) {
      try {
        handler(message.event);
      } catch (error) {
        log.warn({ err: String(error), type: message.event.type }, "cluster event handler failed");
      }
    }
  });
  return {
    ready,
    // ioredis re-subscribes by itself whenever its connection comes back.
    listening: () => subscribed && sub.status === "ready",
    publish(event) {
      pub.publish(CHANNEL, JSON.stringify({ from: instance, event })).catch((error: unknown) =>
        log.warn({ err: String(error), type: event.type }, "cluster bus publish failed"),
      );
    },
    onEvent(handler) {
      handlers.push(handler);
    },
    async close() {
      await Promise.all([closeRedis(pub), closeRedis(sub)]);
    },
  };
}
