/**
 * `npm run bench:history`: versions on the 10,000-item board after 100,000 edits (issue 16's
 * targets), on the real server stack (services, room, SQLite in a scratch folder):
 *   - storage: what 10,000 edits and 100 versions add (versions, recorded history, log);
 *   - saving a named version on the server (the room is loaded);
 *   - comparing two versions: the compare itself (lib/history) and the whole API call, first
 *     time (versions built from storage) and again (cached);
 *   - opening the board at a past moment (a version plus the recorded changes up to it).
 * Options: --seed N, --edits N (default 100000), --versions N (default 100), --runs N.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { addCalendarDays } from "../../lib/model/dates";
import { newBoardId, newUserId, type ItemId, type UserId } from "../../lib/model/ids";
import { updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import type { ServerConfig } from "../../server/config";
import { newVersionId } from "../../server/history/versionIds";
import { packState } from "../../server/history/versionState";
import { createLogger } from "../../server/log";
import { startServer } from "../../server/startServer";
import { openSqliteStorage } from "../../server/storage/sqlite/openSqliteStorage";
import { DEFAULT_SQLITE_SYNC } from "../../server/storage/sqlite/sqliteSync";
import { generateBoard, prng } from "./generateBoard";
import { benchCompare } from "./historyCompare";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const SEED = arg("seed", 20270104);
const EDITS = arg("edits", 100_000);
const VERSIONS = arg("versions", 100);
const RUNS = arg("runs", 10);
/** Edits per append: the room commits one batch per tick, a few edits at a time under load. */
const BATCH = 20;
const COMPACT_EVERY = 500;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await run();
  return [out, performance.now() - t0];
}

/**
 * 1. The board, its 100,000 edits written as the room writes them (log rows, compacted into
 *    recorded history), and versions taken along the way as the server takes them. Its own
 *    function, so the generated document is garbage once the server starts: a server does not
 *    hold a second copy of the board, and its collections must not mark one.
 */
async function buildDatabase(file: string) {
  const t0 = performance.now();
  const { doc, itemIds } = generateBoard(SEED);
  const store = openSqliteStorage(file);
  const owner = newUserId() as UserId;
  await store.createUser({ id: owner, email: "owner@bench.waymark.dev", name: "Owner", passwordHash: null });
  const boardId = newBoardId();
  await store.createOwnedBoard({ id: boardId, title: "History bench", ownerId: owner }, Y.encodeStateAsUpdate(doc));
  const origin = createOrigin("local", "bench");
  const r = prng(SEED + 7);
  const starts = new Map(readSnapshot(doc).items.map((i) => [i.id as string, i.start]));
  const pending: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => pending.push(u));
  const versionEvery = Math.max(1, Math.floor(EDITS / VERSIONS));
  const sizeAt = new Map<number, number>();
  let lastSeq = 0;
  let sinceCompact = 0;
  const versionMoments: string[] = [];
  for (let k = 1; k <= EDITS; k++) {
    const id = itemIds[r.int(itemIds.length)]! as ItemId;
    const roll = r.int(10);
    const start = starts.get(id);
    if (start && roll < 6) {
      const next = addCalendarDays(start, r.int(11) - 5);
      starts.set(id, next);
      updateItem(doc, origin, id, { start: next });
    } else if (roll < 8) updateItem(doc, origin, id, { duration: 1 + r.int(15) });
    else updateItem(doc, origin, id, { title: `Item ${k}` });
    if (pending.length >= BATCH || k === EDITS) {
      lastSeq = (await store.appendUpdates([{ boardId, updates: pending.splice(0), checked: true }])).get(boardId)!.lastSeq;
      sinceCompact += BATCH;
      if (sinceCompact >= COMPACT_EVERY) {
        await store.compact(boardId, Y.encodeStateAsUpdate(doc), lastSeq, Y.encodeStateVector(doc));
        sinceCompact = 0;
      }
    }
    if (k % versionEvery === 0) {
      await store.saveVersion(
        { id: newVersionId(), boardId, name: null, note: null, reason: "quiet", authorId: owner, createdAt: new Date().toISOString(), seq: lastSeq },
        packState(Y.encodeStateAsUpdate(doc)),
      );
      versionMoments.push(new Date().toISOString());
    }
    if (k === 10_000 || k === EDITS) sizeAt.set(k, statSync(file).size + walSize(file));
  }
  await store.close();
  return { owner, boardId, versionMoments, sizeAt, fullState: Y.encodeStateAsUpdate(doc).byteLength, built: performance.now() - t0 };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "waymark-bench-history-"));
  const file = join(dataDir, "waymark.sqlite");
  try {
    const { owner, boardId, versionMoments, sizeAt, fullState, built } = await buildDatabase(file);

    // 2. The server on that database: the room loads the board once, then versions are saved.
    const config: ServerConfig = {
      port: 0, host: "127.0.0.1", dev: false, dataDir, seedDemo: false, trustProxy: false, maxMessageBytes: 1024 * 1024,
      unloadDelayMs: 600_000, compactThreshold: 500, sqliteSync: DEFAULT_SQLITE_SYNC, messagesPerSecond: 500,
    };
    const server = await startServer({ config, log: createLogger("silent") });
    try {
      const { services } = server;
      const [, firstSave] = await timed(() => services.createVersion(owner, boardId, { name: "Loads the room" }));
      // One editor per save: each person may save only a few versions a minute (versionLimits.ts).
      const editors: UserId[] = [];
      for (let i = 0; i < RUNS; i++) {
        const id = newUserId() as UserId;
        await server.store.createUser({ id, email: `editor${i}@bench.waymark.dev`, name: `Editor ${i}`, passwordHash: null });
        await server.store.setRole(boardId, id, "editor");
        editors.push(id);
      }
      const saves: number[] = [];
      for (let i = 0; i < RUNS; i++) saves.push((await timed(async () => value(await services.createVersion(editors[i]!, boardId, { name: `Plan ${i}` }))))[1]);

      const { versions } = value(await services.listVersions(owner, boardId));
      const autos = versions.filter((v) => v.kind === "auto");
      const older = autos[autos.length - 1]!;
      const newer = autos[0]!;
      const [, compareCold] = await timed(async () => value(await services.compareVersions(owner, boardId, older.id, newer.id)));
      const compareWarm: number[] = [];
      for (let i = 0; i < RUNS; i++) compareWarm.push((await timed(async () => value(await services.compareVersions(owner, boardId, older.id, newer.id))))[1]);
      const before = value(await services.readVersion(owner, boardId, older.id)).snapshot;
      const after = value(await services.readVersion(owner, boardId, newer.id)).snapshot;
      const lib = benchCompare(before, after, RUNS);

      // A moment halfway between two automatic versions: the version plus ~500 recorded edits.
      const moments: number[] = [];
      // Its CPU time too (all of the process's threads, the GC's included): what the machine's
      // other work inflates far less than the wall time.
      const momentCpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const j = Math.floor(((i + 1) * (versionMoments.length - 1)) / (RUNS + 1));
        const midway = new Date((Date.parse(versionMoments[j]!) + Date.parse(versionMoments[j + 1]!)) / 2).toISOString();
        const cpu0 = process.cpuUsage();
        moments.push((await timed(async () => value(await services.boardAt(owner, boardId, midway))))[1]);
        const cpu = process.cpuUsage(cpu0);
        momentCpu.push((cpu.user + cpu.system) / 1000);
      }

      // Scrubbing forward between two versions: the replay of the step before is reused, only the
      // recorded edits in between are applied (PastBoards). Moments spread over one version's span.
      const from = Date.parse(versionMoments[Math.floor(versionMoments.length / 2)]!);
      const to = Date.parse(versionMoments[Math.floor(versionMoments.length / 2) + 1]!);
      const scrub: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const moment = new Date(from + Math.floor(((to - from) * i) / (RUNS + 1)) + 1).toISOString();
        scrub.push((await timed(async () => value(await services.boardAt(owner, boardId, moment))))[1]);
      }
      const scrubFirst = scrub.shift()!;

      const size = (await openSqliteStorageSizes(file, boardId));
      const row = (label: string, measured: string, target: string) => console.log(`${label.padEnd(58)}${measured.padStart(16)}   ${target}`);
      const ms = (s: { median: number; p95: number }) => `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}`;
      console.log(`board: ${after.items.length} items, ${after.dependencies.length} dependencies, ${EDITS} edits, ${VERSIONS} automatic versions (built in ${(built / 1000).toFixed(1)} s, seed ${SEED})`);
      console.log(`${"measure".padEnd(58)}${"median / p95 ms".padStart(16)}   target`);
      row("save a named version (server; first one loads the room)", `${firstSave.toFixed(0)} ms`, "");
      row("save a named version (server)", ms(stats(saves)), "≤ 150 ms");
      row("compare two versions: lib/history only", ms(lib.compare), "≤ 100 ms");
      row("compare two versions: API call, versions cached", ms(stats(compareWarm)), "≤ 100 ms");
      row("compare two versions: API call, first time (built from storage)", `${compareCold.toFixed(0)} ms`, "");
      row("open the board at a past moment (version + recorded edits)", ms(stats(moments)), "≤ 1000 ms");
      row("  the same, CPU time of the process", ms(stats(momentCpu)), "");
      row("  scrubbing on from there: first step (rebuilds)", `${scrubFirst.toFixed(0)} ms`, "");
      row("  scrubbing on from there: next steps (reuse the replay)", ms(stats(scrub)), "");
      console.log("storage");
      row("database after 10,000 edits", mb(sizeAt.get(10_000) ?? 0), "");
      row(`database after ${EDITS} edits and ${VERSIONS} versions`, mb(sizeAt.get(EDITS) ?? 0), "");
      row(`  versions (${size.versions}, compressed)`, mb(size.versionBytes), `${mb(size.versionBytes / Math.max(1, size.versions))} each`);
      row(`  recorded history (${size.historyRows} rows)`, mb(size.historyBytes), "pruned after 7 days");
      row("  one full state, uncompressed", mb(fullState), "");
      console.log(`Node ${process.version}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

async function openSqliteStorageSizes(file: string, boardId: string) {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true });
  try {
    const v = db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(length(state)), 0) AS bytes FROM board_versions WHERE board_id = ?").get(boardId) as { n: number; bytes: number };
    const h = db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(length(data)), 0) AS bytes FROM board_history WHERE board_id = ?").get(boardId) as { n: number; bytes: number };
    return { versions: v.n, versionBytes: v.bytes, historyRows: h.n, historyBytes: h.bytes };
  } finally {
    db.close();
  }
}

await main();
