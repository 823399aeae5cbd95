import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { connect, createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { forkTs, nextMessage, REPO_ROOT, stopChild } from "./children";
import { readFanoutBuckets, type Buckets } from "./ownLatency";
import type { SqliteSync } from "../../../server/storage/sqlite/sqliteSync";
import type { ClientSpec, ServerCommand, ServerEvent, ServerName } from "./types";

/** A server under test, running in its own process. */
export interface RunningTarget {
  name: ServerName;
  pid: number;
  /** `boards` boards with `clientsPerBoard` people each: one connection spec per person. */
  prepareBoards(boards: number, clientsPerBoard: number): Promise<ClientSpec[][]>;
  /** Waymark only: stores the large board and answers specs to open it (see largeBoard.ts). */
  prepareLarge?(file: string, clients: number): Promise<{ boardId: string; specs: ClientSpec[] }>;
  /** Waymark only: loads a board that is not in memory, in ms (it is unloaded again after). */
  timeLoad?(boardId: string): Promise<number>;
  /** Waymark only: its apply → broadcast histogram so far (see ownLatency.ts). */
  fanoutBuckets?(): Promise<Buckets>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export function startTarget(name: ServerName): Promise<RunningTarget> {
  switch (name) {
    case "waymark":
      return startWaymark(name, "normal");
    case "waymark-fsync":
      return startWaymark(name, "full");
    case "waymark-unchecked":
      return startWaymark(name, "normal", { BENCH_UNCHECKED_UPDATES: "1" });
    case "y-websocket":
      return startPlainYWebsocket();
    case "hocuspocus":
      return startHocuspocus();
  }
}

async function ask(child: ChildProcess, command: ServerCommand, timeoutMs: number): Promise<ServerEvent> {
  const answer = nextMessage<ServerEvent>(child, (m) => m.type !== "ready", timeoutMs, `waymark ${command.type}`);
  child.send(command);
  return answer;
}

/**
 * Waymark as deployed: SQLite in a throwaway folder on the machine's disk (not tmpfs: /tmp is on
 * the root disk here), no demo seed, production mode; `sync` is WAYMARK_SQLITE_SYNC (normal is
 * the default, full fsyncs before every relay).
 */
async function startWaymark(name: ServerName, sync: SqliteSync, extraEnv: Record<string, string> = {}): Promise<RunningTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), "waymark-bench-"));
  const child = forkTs("servers/waymarkChild.ts", {
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    WAYMARK_SEED: "0",
    WAYMARK_DATA_DIR: dataDir,
    WAYMARK_SQLITE_SYNC: sync,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ...extraEnv,
  });
  const { port } = await nextMessage<Extract<ServerEvent, { type: "ready" }>>(child, (m) => m.type === "ready", START_TIMEOUT_MS, "waymark start");
  const url = `ws://127.0.0.1:${port}/sync`;
  const specsOf = (boards: { id: string; tokens: string[] }[]) =>
    boards.map((b) => b.tokens.map((token): ClientSpec => ({ protocol: "y-websocket", url, room: b.id, token })));
  return {
    name,
    pid: child.pid!,
    async prepareBoards(boards, clientsPerBoard) {
      const answer = await ask(child, { type: "prepare", boards, clientsPerBoard }, 600_000);
      if (answer.type !== "prepared") throw new Error(`unexpected answer ${answer.type}`);
      return specsOf(answer.boards);
    },
    async prepareLarge(file, clients) {
      const answer = await ask(child, { type: "prepare-large", file, tokens: clients }, 600_000);
      if (answer.type !== "prepared" || !answer.boards[0]) throw new Error(`unexpected answer ${answer.type}`);
      return { boardId: answer.boards[0].id, specs: specsOf(answer.boards)[0]! };
    },
    async timeLoad(boardId) {
      const answer = await ask(child, { type: "time-load", boardId }, 60_000);
      if (answer.type !== "loaded") throw new Error(`unexpected answer ${answer.type}`);
      return answer.ms;
    },
    fanoutBuckets: () => readFanoutBuckets(`http://127.0.0.1:${port}`),
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rooms of the references are plain names; nothing needs creating. */
function namedRooms(url: string, protocol: ClientSpec["protocol"]) {
  return async (boards: number, clientsPerBoard: number) =>
    Array.from({ length: boards }, (_, b) => Array.from({ length: clientsPerBoard }, (): ClientSpec => ({ protocol, url, room: `board-${b}` })));
}

/**
 * The plain y-websocket server exactly as its package ships it (`src/server.js`, the
 * `y-websocket-server` bin): in memory, no persistence (YPERSISTENCE unset).
 */
async function startPlainYWebsocket(): Promise<RunningTarget> {
  const require = createRequire(import.meta.url); // scripts/bench/node_modules (installReferences.mjs)
  const bin = join(dirname(require.resolve("@y/websocket-server/package.json")), "src/server.js");
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(port) };
  delete env.YPERSISTENCE;
  const child = spawn(process.execPath, [bin], { cwd: REPO_ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  await waitForPort(port, child);
  return {
    name: "y-websocket",
    pid: child.pid!,
    prepareBoards: namedRooms(`ws://127.0.0.1:${port}`, "y-websocket"),
    stop: () => stopChild(child),
  };
}

/** Hocuspocus with default settings (servers/hocuspocusChild.ts), clients by HocuspocusProvider. */
async function startHocuspocus(): Promise<RunningTarget> {
  const child = forkTs("servers/hocuspocusChild.ts");
  const { port } = await nextMessage<Extract<ServerEvent, { type: "ready" }>>(child, (m) => m.type === "ready", START_TIMEOUT_MS, "hocuspocus start");
  return {
    name: "hocuspocus",
    pid: child.pid!,
    prepareBoards: namedRooms(`ws://127.0.0.1:${port}`, "hocuspocus"),
    stop: () => stopChild(child),
  };
}

/** A port nobody listens on right now (the stock server takes its port from PORT only). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after ${START_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
