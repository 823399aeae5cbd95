import type { Redis } from "ioredis";

/**
 * Closes a Redis connection without waiting on an unreachable server. `quit()` is queued
 * until the connection is ready, so with Redis away it would hang shutdown forever; a client
 * that is not ready is cut at once instead (nothing it still holds can be delivered anyway).
 */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status !== "ready") {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}
