/**
 * `npm run bench:workshop`: issue 17's dot-vote target on the real server stack (sync server,
 * services, SQLite in a scratch folder, server-sent events over HTTP): 40 participants, each in
 * the board's room (a y-websocket client) with the board's event stream open, cast their 3 votes
 * within the same 10 seconds on a 300-item board. Prints how long after the last vote each
 * participant's stream showed the final counts (target: all within 1 s), the same for a hidden
 * vote's reveal, and the server process's CPU while voting beside the same crowd sitting idle.
 * The participants' clients run in this process too, in both phases alike.
 * Options: --people N (default 40), --items N (300), --votes N (3), --window S (10).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { newUserId, type UserId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import type { LiveEvent } from "../../lib/protocol/events";
import { mintSyncToken } from "../../server/auth/syncTokens";
import { createLogger } from "../../server/log";
import { startServer } from "../../server/startServer";
import { DEFAULT_SQLITE_SYNC } from "../../server/storage/sqlite/sqliteSync";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const PEOPLE = arg("people", 40);
const ITEMS = arg("items", 300);
const VOTES = arg("votes", 3);
const WINDOW_MS = arg("window", 10) * 1000;

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** A board event stream as a browser's EventSource reads it, each workshop event stamped on arrival. */
function listen(url: string, cookie: string): Promise<{ seen: { at: number; event: Extract<LiveEvent, { type: "workshop" }> }[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const seen: { at: number; event: Extract<LiveEvent, { type: "workshop" }> }[] = [];
    const req = get(url, { headers: { accept: "text/event-stream", cookie } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`event stream answered ${res.statusCode}`));
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (!data || !block.includes("event: workshop")) continue;
          seen.push({ at: performance.now(), event: JSON.parse(data.slice(6)) as Extract<LiveEvent, { type: "workshop" }> });
        }
      });
      resolve({ seen, close: () => req.destroy() });
    });
    req.once("error", reject);
  });
}

async function main() {
  // y-websocket warns once per read-only client at connect; forty of them would bury the figures.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith("Permission denied")) warn(...args);
  };
  const dataDir = mkdtempSync(join(tmpdir(), "waymark-bench-workshop-"));
  const server = await startServer({
    config: {
      port: 0,
      host: "127.0.0.1",
      dev: false,
      dataDir,
      seedDemo: false,
      trustProxy: false,
      maxMessageBytes: 1024 * 1024,
      unloadDelayMs: 60_000,
      compactThreshold: 500,
      sqliteSync: DEFAULT_SQLITE_SYNC,
      messagesPerSecond: 500,
    },
    log: createLogger("silent"),
  });
  const { store, services } = server;
  const providers: WebsocketProvider[] = [];
  const streams: Awaited<ReturnType<typeof listen>>[] = [];
  try {
    const owner = newUserId();
    await store.createUser({ id: owner, email: "owner@bench.waymark.dev", name: "Facilitator", passwordHash: null });
    const board = value(await services.createBoard(owner, { title: "Workshop bench" }));
    const itemIds = await server.sync.withLiveBoard(board.id, (room) => {
      const origin = createOrigin("server", "bench");
      return Array.from({ length: ITEMS }, (_, i) => {
        const created = createItem(room.doc, origin, { title: `Item ${i + 1}`, duration: 5 });
        if (!created.ok) throw new Error(created.error);
        return created.value as string;
      });
    });
    const people: UserId[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const id = newUserId();
      await store.createUser({ id, email: `p${i}@bench.waymark.dev`, name: `Person ${i + 1}`, passwordHash: null });
      await store.setRole(board.id, id, "commenter");
      people.push(id);
    }
    const wsUrl = server.url.replace(/^http/, "ws") + "/sync";
    for (const id of people) {
      const token = mintSyncToken(server.secret, { kind: "user", userId: id, name: "", email: "" }, board.id).token;
      const provider = new WebsocketProvider(wsUrl, board.id, new Y.Doc(), {
        params: { token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      providers.push(provider);
      const cookie = `next-auth.session-token=${await encode({ token: { sub: id, name: "", email: "" }, secret: server.secret })}`;
      streams.push(await listen(`${server.url}/events?board=${board.id}`, cookie));
    }
    await Promise.all(providers.map((p) => new Promise<void>((r) => (p.synced ? r() : p.once("sync", () => r())))));
    const agenda = [{ title: "Vote on the MVP", minutes: 10, kind: "vote" as const }];
    const workshop = value(await services.startWorkshop(owner, board.id, { title: "MVP cut", agenda })).workshop;

    // Idle: the same crowd connected, nothing happening.
    const idle0 = process.cpuUsage();
    const idleT0 = performance.now();
    await sleep(WINDOW_MS);
    const idleCpu = process.cpuUsage(idle0);
    const idleMs = performance.now() - idleT0;

    async function round(visibility: "open" | "hidden") {
      const vote = value(await services.openVote(owner, board.id, workshop.id, { title: `MVP (${visibility})`, scope: { kind: "board" }, votesPerPerson: VOTES, visibility })).workshop.vote!;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      let lastVoteAt = 0;
      let refused = 0;
      await Promise.all(
        people.flatMap((person, p) =>
          Array.from({ length: VOTES }, async (_, k) => {
            await sleep(Math.random() * WINDOW_MS);
            const itemId = itemIds[(p * 7 + k * 13) % 40]!;
            const result = await services.castBallot(person, board.id, workshop.id, vote.id, { itemId, delta: 1 });
            if (!result.ok) refused++;
            lastVoteAt = Math.max(lastVoteAt, performance.now());
          }),
        ),
      );
      const voteCpu = process.cpuUsage(cpu0);
      const voteMs = performance.now() - t0;
      const final = await store.tally(vote.id);
      let from = lastVoteAt;
      if (visibility === "hidden") {
        from = performance.now();
        value(await services.setVoteState(owner, board.id, workshop.id, vote.id, { state: "revealed" }));
      }
      const matches = (counts: Record<string, number> | null | undefined) => !!counts && Object.entries(final.counts).every(([id, n]) => counts[id] === n);
      const deadline = performance.now() + 5_000;
      const lags: number[] = [];
      for (const stream of streams) {
        for (;;) {
          const hit = stream.seen.find((s) => s.at >= t0 && s.event.workshop?.vote?.id === vote.id && matches(s.event.workshop.vote.counts));
          if (hit) {
            lags.push(Math.max(0, hit.at - from));
            break;
          }
          if (performance.now() > deadline) {
            lags.push(Infinity);
            break;
          }
          await sleep(10);
        }
      }
      const sorted = lags.sort((a, b) => a - b);
      const events = streams.reduce((n, s) => n + s.seen.filter((e) => e.at >= t0).length, 0) / streams.length;
      const leaked = visibility === "hidden" && streams.some((s) => s.seen.some((e) => e.at >= t0 && e.at < from && e.event.workshop?.vote?.id === vote.id && e.event.workshop.vote.counts !== null));
      // The next round opens a vote of its own: one is open at a time.
      if (visibility === "open") value(await services.setVoteState(owner, board.id, workshop.id, vote.id, { state: "closed" }));
      return { sorted, voteCpu, voteMs, refused, events, leaked, cast: Object.values(final.counts).reduce((a, b) => a + b, 0) };
    }

    const open = await round("open");
    const hidden = await round("hidden");
    const cpuPct = (u: NodeJS.CpuUsage, ms: number) => (((u.user + u.system) / 1000 / ms) * 100).toFixed(1);
    console.log(`workshop bench: ${PEOPLE} participants, ${ITEMS} items, ${VOTES} votes each within ${WINDOW_MS / 1000} s`);
    console.log(`machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    for (const [name, r, since] of [
      ["open vote", open, "the last vote"],
      ["hidden vote", hidden, "the reveal"],
    ] as const) {
      const worst = r.sorted.at(-1)!;
      console.log(
        `${name}: ${r.cast} votes cast (${r.refused} refused); final counts on every stream ${Number.isFinite(worst) ? `${worst.toFixed(0)} ms` : "NOT within 5 s"} after ${since} ` +
          `(median ${pct(r.sorted, 0.5).toFixed(0)} ms; target 1,000 ms: ${worst <= 1000 ? "met" : "MISSED"}); ${r.events.toFixed(1)} workshop events per stream` +
          (name === "hidden vote" ? `; counts before the reveal: ${r.leaked ? "LEAKED" : "none"}` : ""),
      );
      console.log(`  CPU while voting ${cpuPct(r.voteCpu, r.voteMs)}% of a core, idle with the same crowd ${cpuPct(idleCpu, idleMs)}%`);
    }
  } finally {
    for (const s of streams) s.close();
    for (const p of providers) p.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
