import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { CloseCode } from "../../lib/protocol/sync";
import { createMetrics } from "../../server/ops/metrics";
import { createOpsHandler, isLoopbackAddress, mayReadMetrics } from "../../server/ops/opsRoutes";
import { PRESENCE_BROADCASTS_PER_SECOND } from "../../server/sync/presenceBatcher";
import { awarenessFrame, describeFrame, updateFrame, addItemUpdate } from "../helpers/frames";
import { closed, openRawSocket } from "../helpers/rawSocket";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { startTestServer, type TestServer } from "../helpers/testServer";

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

async function metricValue(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`) && l.includes("}"));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("health, readiness and metrics", () => {
  it("answers /healthz and /readyz while serving", async () => {
    server = await startTestServer();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    expect((await fetch(`${server.url}/healthz`, { method: "POST" })).status).toBe(405);
  });

  it("says not ready (503, with the reason) when readiness fails, so a load balancer stops sending clients", async () => {
    const handler = createOpsHandler({ metrics: createMetrics(), notReady: async () => "shutting down" });
    const { createServer } = await import("node:http");
    const http = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    const port = (http.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", reason: "shutting down" });
    http.close();
  });

  it("is not ready while Redis is unreachable: access changes made on other instances would not reach it", async () => {
    // Nothing listens on port 1; start-up waits its 5 s for the cluster subscription, then serves.
    server = await startTestServer({ redisUrl: "redis://127.0.0.1:1" });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "unavailable", reason: "not subscribed to the cluster bus" });
  }, 15_000);

  it("counts connections, updates, persistence and fan-out latency in Prometheus format", async () => {
    server = await startTestServer();
    const board = await server.boards.createBoard({ title: "Metrics" });
    const a = connectClient(server.wsUrl, board.id, { token: board.token });
    const b = connectClient(server.wsUrl, board.id, { token: board.token });
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    createItem(a.doc, createOrigin("local", "a"), { title: "Counted", laneId: null, start: null, duration: 3, status: "planned" });
    await eventually(() => expect(b.doc.getMap("items").size).toBe(1));
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toContain("# TYPE waymark_fanout_seconds histogram");
    expect(await metricValue(server.url, "waymark_connections")).toBe(2);
    expect(await metricValue(server.url, "waymark_loaded_boards")).toBe(1);
    expect(await metricValue(server.url, "waymark_updates_total")).toBeGreaterThanOrEqual(1);
    expect(await metricValue(server.url, "waymark_persist_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(await metricValue(server.url, "waymark_fanout_seconds_count")).toBeGreaterThanOrEqual(1);
  });

  it("counts refusals by reason: anonymous upgrades and malformed frames", async () => {
    server = await startTestServer();
    const board = await server.boards.createBoard({ title: "Refusals" });
    await expect(openRawSocket(`${server.wsUrl}/${board.id}`)).rejects.toThrow(/401/);
    const ws = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.token}`);
    const done = closed(ws);
    ws.send(new Uint8Array([0, 9, 9, 9]));
    expect((await done).code).toBe(CloseCode.BadMessage);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/waymark_refused_total\{reason="unauthorized"\} 1/);
    expect(text).toMatch(/waymark_refused_total\{reason="malformed"\} 1/);
  });

  it("guards /metrics with a bearer token when one is configured", async () => {
    server = await startTestServer({ metricsToken: "a-long-enough-metrics-token" });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-token-of-some-length" } })).status).toBe(401);
    const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer a-long-enough-metrics-token" } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("waymark_connections");
  });
});

/** An IPv4 address of this machine that is not loopback, to reach the server as another host would. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

describe("who may read /metrics", () => {
  const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as never;

  it.each([
    ["127.0.0.1", "ok"],
    ["::1", "ok"],
    ["::ffff:127.0.0.1", "ok"],
    ["127.0.0.53", "ok"],
    ["192.0.2.7", "local-only"],
    ["::ffff:192.0.2.7", "local-only"],
    ["fd00::2", "local-only"],
  ])("without a token, a request from %s: %s", (address, expected) => {
    expect(mayReadMetrics(request(address), undefined)).toBe(expected);
  });

  it("without a token, a request that came through a proxy is not local, even from loopback; headers never make one local", () => {
    expect(mayReadMetrics(request("127.0.0.1", { "x-forwarded-for": "192.0.2.7" }), undefined)).toBe("local-only");
    expect(mayReadMetrics(request("192.0.2.7", { "x-forwarded-for": "127.0.0.1", host: "localhost" }), undefined)).toBe("local-only");
    expect(isLoopbackAddress("127.0.0.1.example")).toBe(false);
  });

  it("with a token, the token decides, from anywhere", () => {
    const token = "a-long-enough-metrics-token";
    expect(mayReadMetrics(request("192.0.2.7", { authorization: `Bearer ${token}` }), token)).toBe("ok");
    expect(mayReadMetrics(request("127.0.0.1"), token)).toBe("token");
  });

  it("the real server answers a local scraper without a token", async () => {
    server = await startTestServer();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
  });

  it.skipIf(!outsideAddress)(
    `the real server refuses /metrics (403) to another host without a token${outsideAddress ? "" : " (skipped: this machine has no non-loopback IPv4 address)"}`,
    async () => {
      server = await startTestServer({ host: "0.0.0.0" });
      const res = await fetch(`http://${outsideAddress}:${server.port}/metrics`);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain("waymark_connections");
      // /healthz stays open: load balancers probe it from elsewhere.
      expect((await fetch(`http://${outsideAddress}:${server.port}/healthz`)).status).toBe(200);
    },
  );
});

describe("limits", () => {
  it(`batches presence: a hundred changes in a burst reach others in at most ${PRESENCE_BROADCASTS_PER_SECOND} messages a second, ending in the last state`, async () => {
    server = await startTestServer();
    const board = await server.boards.createBoard({ title: "Presence" });
    const mover = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.token}`);
    const watcher = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.token}`);
    const seen: number[] = [];
    watcher.on("message", (data: Buffer) => {
      if (describeFrame(new Uint8Array(data)).type === 1) seen.push(Date.now());
    });
    await new Promise((r) => setTimeout(r, 100));
    seen.length = 0;
    const start = Date.now();
    for (let clock = 1; clock <= 100; clock++) {
      mover.send(awarenessFrame(4242, clock, { pointer: { day: clock, lane: "l1", y: 0.5 } }));
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 200));
    const elapsed = (Date.now() - start) / 1000;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(elapsed * PRESENCE_BROADCASTS_PER_SECOND) + 1);
    const room = server.sync.registry.loaded(board.id)!;
    expect((room.awareness.getStates().get(4242) as { pointer: { day: number } }).pointer.day).toBe(100);
    mover.close();
    watcher.close();
  });

  it("slows a flooding connection down instead of dropping it, and applies everything it sent", async () => {
    server = await startTestServer({ messagesPerSecond: 200 });
    const board = await server.boards.createBoard({ title: "Flood" });
    const flooder = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.token}`);
    let closedWith: number | null = null;
    flooder.on("close", (code: number) => (closedWith = code));
    for (let i = 0; i < 1_000; i++) flooder.send(updateFrame(addItemUpdate(`i${i}`, `Item ${i}`)));
    await eventually(() => expect(server!.sync.registry.loaded(board.id)?.doc.getMap("items").size).toBe(1_000), 15_000);
    expect(closedWith).toBeNull();
    expect(await metricValue(server.url, 'waymark_refused_total{reason="rate-limited"}')).toBeGreaterThan(0);
    flooder.close();
  });

  it("closes open connections with 1012 on shutdown, so clients reconnect (elsewhere), and keeps their edits", async () => {
    server = await startTestServer();
    const board = await server.boards.createBoard({ title: "Shutdown" });
    const ws = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.token}`);
    const done = closed(ws);
    ws.send(updateFrame(addItemUpdate("kept", "Kept through shutdown")));
    await eventually(() => expect(server!.sync.registry.loaded(board.id)?.doc.getMap("items").size).toBe(1));
    const dataDir = server.dataDir;
    await server.close();
    expect((await done).code).toBe(CloseCode.ServiceRestart);
    server = await startTestServer({ dataDir });
    const reader = connectClient(server.wsUrl, board.id, { token: server.tokenFor(board.ownerId, board.id) });
    clients.push(reader);
    await reader.synced;
    expect((reader.doc.getMap("items").get("kept") as Y.Map<unknown>).get("title")).toBe("Kept through shutdown");
  });
});
