import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { childToken, freePort, seedBoards, startChildServer, type ChildServer } from "../helpers/childServer";
import { describeEachStorage } from "../helpers/storageBackends";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { rng } from "../lib/helpers/prng";

const REDIS_URL = process.env.REDIS_URL;
const children: ChildServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) await child.kill().catch(() => undefined);
});

/** Every item id in a replica. */
const itemIds = (doc: Y.Doc) => new Set(doc.getMap("items").keys());

/**
 * Adds items to `client` every few ms until stopped, and records the ids it RECEIVED from others
 * (what anyone has seen must survive anything).
 */
function editor(client: TestClient, name: string, seed: number) {
  const received = new Set<string>();
  const random = rng(seed);
  let n = 0;
  let stopped = false;
  const items = client.doc.getMap("items");
  items.observe((event) => {
    if (event.transaction.local) return;
    for (const [key, change] of event.changes.keys) if (change.action === "add") received.add(key);
  });
  const tick = () => {
    if (stopped) return;
    if (client.provider.wsconnected) {
      const map = new Y.Map<unknown>();
      map.set("title", `${name} #${n}`);
      map.set("duration", 1);
      items.set(`${name}-${n++}`, map);
    }
    setTimeout(tick, 5 + random.int(20));
  };
  tick();
  return {
    received,
    stop() {
      stopped = true;
    },
  };
}

describeEachStorage("durability under SIGKILL", (storage) => {
  // SQLite in both of its modes: a kill must lose nothing seen whether or not commits fsync.
  const modes = storage.name === "SQLite" ? (["normal", "full"] as const) : ([undefined] as const);
  it.each(modes)("keeps every edit any other client had received when the server is killed while 20 clients edit (WAYMARK_SQLITE_SYNC=%s)", async (sync) => {
    const dataDir = mkdtempSync(join(tmpdir(), "waymark-kill-"));
    const { ownerId, boardIds } = await seedBoards(dataDir, 2, storage.serverConfig().databaseUrl);
    const port = await freePort();
    const env = sync ? { WAYMARK_SQLITE_SYNC: sync } : {};
    const server = await startChildServer({ dataDir, port, env, ...storage.serverConfig() });
    children.push(server);
    const editors: { boardId: string; client: TestClient; edits: ReturnType<typeof editor> }[] = [];
    for (let i = 0; i < 20; i++) {
      const boardId = boardIds[i % 2]!;
      const client = connectClient(server.wsUrl, boardId, { token: childToken(ownerId, boardId) });
      clients.push(client);
      await client.synced;
      editors.push({ boardId, client, edits: editor(client, `c${i}`, 1000 + i) });
    }
    await new Promise((r) => setTimeout(r, 1_500));
    await server.kill();
    for (const e of editors) e.edits.stop();
    const seen = new Map<string, Set<string>>(boardIds.map((id) => [id, new Set<string>()]));
    for (const e of editors) for (const id of e.edits.received) seen.get(e.boardId)!.add(id);
    expect([...seen.values()].reduce((n, s) => n + s.size, 0)).toBeGreaterThan(100);
    for (const c of clients.splice(0)) c.destroy();

    const restarted = await startChildServer({ dataDir, port, env, ...storage.serverConfig() });
    children.push(restarted);
    for (const boardId of boardIds) {
      const reader = connectClient(restarted.wsUrl, boardId, { token: childToken(ownerId, boardId) });
      clients.push(reader);
      await reader.synced;
      const stored = itemIds(reader.doc);
      const missing = [...seen.get(boardId)!].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
    }
  }, 60_000);
});

describeEachStorage("three instances behind Redis, one killed (REDIS_URL is set)", (storage) => {
  it("moves the killed instance's clients to the others, and nothing anyone received is lost", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "waymark-trio-"));
    const { ownerId, boardIds } = await seedBoards(dataDir, 1, storage.serverConfig().databaseUrl);
    const boardId = boardIds[0]!;
    const token = childToken(ownerId, boardId);
    const env = { REDIS_URL, WAYMARK_REPAIR_INTERVAL_MS: "300" };
    const trio: ChildServer[] = [];
    for (let i = 0; i < 3; i++) trio.push(await startChildServer({ dataDir, port: await freePort(), env, ...storage.serverConfig() }));
    children.push(...trio);
    const editors: { client: TestClient; home: number; edits: ReturnType<typeof editor> }[] = [];
    for (let i = 0; i < 9; i++) {
      const client = connectClient(trio[i % 3]!.wsUrl, boardId, { token });
      clients.push(client);
      await client.synced;
      editors.push({ client, home: i % 3, edits: editor(client, `k${i}`, 2000 + i) });
    }
    await new Promise((r) => setTimeout(r, 1_000));
    await trio[2]!.kill();
    // A load balancer would send them elsewhere; here they reopen on a surviving instance with the doc they have.
    for (const e of editors.filter((x) => x.home === 2)) {
      e.edits.stop();
      e.client.provider.destroy();
      const moved = connectClient(trio[0]!.wsUrl, boardId, { token, doc: e.client.doc });
      clients.push(moved);
      await moved.synced;
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const e of editors) e.edits.stop();
    const everyoneReceived = new Set<string>();
    for (const e of editors) for (const id of e.edits.received) everyoneReceived.add(id);

    const fresh = connectClient(trio[1]!.wsUrl, boardId, { token });
    clients.push(fresh);
    await fresh.synced;
    await eventually(() => {
      const stored = itemIds(fresh.doc);
      expect([...everyoneReceived].filter((id) => !stored.has(id))).toEqual([]);
      // Every replica ends identical to what a fresh client loads.
      for (const e of editors) expect(itemIds(e.client.doc)).toEqual(stored);
    }, 10_000);
  }, 90_000);
}, { skip: REDIS_URL ? null : "REDIS_URL is not set" });

describe.skipIf(Boolean(REDIS_URL))("three instances behind Redis, one killed", () => {
  it.skip("skipped: REDIS_URL is not set (`.ci/run` sets it to this machine's Redis)", () => {});
});
