import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { CloseCode } from "../../lib/protocol/sync";
import type { Fanout } from "../../server/fanout/fanout";
import { createRedisFanout } from "../../server/fanout/redisFanout";
import { createLogger } from "../../server/log";
import type { Room } from "../../server/sync/room";
import { sessionCookie, openStream } from "../helpers/eventStreams";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { describeEachStorage, type StorageBackend } from "../helpers/storageBackends";
import { startTestServer, type TestServer } from "../helpers/testServer";

const REDIS_URL = process.env.REDIS_URL;
const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

/**
 * Instances as a load balancer would see them: separate servers (own rooms, own Redis
 * connections) over one shared database: one SQLite file in WAL mode, and PostgreSQL when
 * DATABASE_URL is set.
 */
async function clusterOn(storage: StorageBackend, n: number, fanouts: (Fanout | undefined)[] = []): Promise<TestServer[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "waymark-cluster-"));
  for (let i = 0; i < n; i++) {
    const config = { dataDir, ...storage.serverConfig(), redisUrl: REDIS_URL, repairIntervalMs: 200 };
    servers.push(await startTestServer(config, undefined, fanouts[i]));
  }
  return servers.slice(-n);
}

const items = (c: TestClient) => c.doc.getMap("items");
const add = (c: TestClient, title: string) =>
  createItem(c.doc, createOrigin("local", title), { title, laneId: null, start: null, duration: 2, status: "planned" });
const room = (s: TestServer, boardId: string): Room => s.sync.registry.loaded(boardId as never)!;

/** A Redis fan-out that loses the first `drop` update messages it is asked to publish. */
function lossyFanout(drop: number): Fanout & { dropped: number } {
  const inner = createRedisFanout(REDIS_URL!, createLogger("silent"));
  const lossy = {
    dropped: 0,
    join: (boardId: Parameters<Fanout["join"]>[0], onMessage: Parameters<Fanout["join"]>[1]) => {
      const channel = inner.join(boardId, onMessage);
      return {
        publish(kind: Parameters<typeof channel.publish>[0], payload: Uint8Array) {
          if (kind === "update" && lossy.dropped < drop) {
            lossy.dropped++;
            return;
          }
          channel.publish(kind, payload);
        },
        leave: () => channel.leave(),
      };
    },
    close: () => inner.close(),
  };
  return lossy;
}

describeEachStorage("several instances through Redis (REDIS_URL is set)", (storage) => {
  const cluster = (n: number, fanouts: (Fanout | undefined)[] = []) => clusterOn(storage, n, fanouts);

  it("clients spread over three instances converge, and see each other's presence", async () => {
    const [a, b, c] = await cluster(3);
    const board = await a!.boards.createBoard({ title: "Spread" });
    const token = board.token;
    const ca = connectClient(a!.wsUrl, board.id, { token });
    const cb = connectClient(b!.wsUrl, board.id, { token });
    const cc = connectClient(c!.wsUrl, board.id, { token });
    clients.push(ca, cb, cc);
    await Promise.all([ca.synced, cb.synced, cc.synced]);
    add(ca, "from A");
    add(cb, "from B");
    add(cc, "from C");
    await eventually(() => {
      for (const client of [ca, cb, cc]) expect(items(client).size).toBe(3);
    });
    expect(Y.encodeStateAsUpdate(ca.doc)).toEqual(Y.encodeStateAsUpdate(cb.doc));
    ca.provider.awareness.setLocalStateField("pointer", { day: 7, lane: "l1", y: 0.5 });
    await eventually(() => expect(cc.provider.awareness.getStates().get(ca.doc.clientID)).toMatchObject({ pointer: { day: 7 } }));
  });

  it("stores each update once: instances never re-store or re-broadcast their own echoes", async () => {
    const [a, b] = await cluster(2);
    const board = await a!.boards.createBoard({ title: "Echoes" });
    const ca = connectClient(a!.wsUrl, board.id, { token: board.token });
    const cb = connectClient(b!.wsUrl, board.id, { token: board.token });
    clients.push(ca, cb);
    await Promise.all([ca.synced, cb.synced]);
    const before = (await a!.store.loadUpdates(board.id)).updates.length;
    let echoes = 0;
    ca.provider.ws?.addEventListener("message", () => echoes++);
    add(ca, "once");
    await eventually(() => expect(items(cb).size).toBe(1));
    await new Promise((r) => setTimeout(r, 300));
    expect((await a!.store.loadUpdates(board.id)).updates.length).toBe(before + 1);
    // The author gets no copy of its own edit back, from its instance or through another.
    expect(echoes).toBe(0);
  });

  it("repairs a lost pub/sub message by comparing state vectors", async () => {
    const lossy = lossyFanout(1);
    const [a, b] = await cluster(2, [lossy]);
    const board = await a!.boards.createBoard({ title: "Lossy" });
    const ca = connectClient(a!.wsUrl, board.id, { token: board.token });
    const cb = connectClient(b!.wsUrl, board.id, { token: board.token });
    clients.push(ca, cb);
    await Promise.all([ca.synced, cb.synced]);
    add(ca, "dropped on the way");
    await eventually(() => expect(items(cb).size).toBe(1), 3_000);
    expect(lossy.dropped).toBe(1);
    const repairs = (room(b!, board.id) as unknown as { link: { repairs: number } }).link.repairs;
    expect(repairs).toBeGreaterThanOrEqual(1);
  });

  it("applies access changes made through one instance to connections on another", async () => {
    const [a, b] = await cluster(2);
    const board = await a!.boards.createBoard({ title: "Access" });
    const member = await a!.createUser("Member");
    await a!.store.setRole(board.id, member, "editor");
    const onB = connectClient(b!.wsUrl, board.id, { token: b!.tokenFor(member, board.id) });
    clients.push(onB);
    await onB.synced;
    const closedWith = new Promise<number>((resolve) => onB.provider.ws?.addEventListener("close", (e) => resolve(e.code)));
    expect((await a!.services.removeMember(board.ownerId, board.id, member)).ok).toBe(true);
    expect(await closedWith).toBe(CloseCode.Forbidden);
  });

  it("delivers live notices to event streams open on another instance", async () => {
    const [a, b] = await cluster(2);
    const board = await a!.boards.createBoard({ title: "Live" });
    const stream = await openStream(`${b!.url}/events?board=${board.id}`, await sessionCookie(b!.secret, board.ownerId));
    expect(stream.status).toBe(200);
    const posted = await a!.services.createThread(board.ownerId, board.id, {
      anchor: { kind: "board" },
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "hello from A" }] }] },
    });
    expect(posted.ok).toBe(true);
    await stream.waitFor((e) => e.event === "threads", { timeoutMs: 1_000 });
    stream.close();
  });
}, { skip: REDIS_URL ? null : "REDIS_URL is not set" });

describe.skipIf(Boolean(REDIS_URL))("several instances through Redis", () => {
  it.skip("skipped: REDIS_URL is not set (`.ci/run` sets it to this machine's Redis)", () => {});
});
