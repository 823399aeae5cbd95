import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import * as Y from "yjs";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../lib/model/ids";
import { mintSyncToken } from "../../server/auth/syncTokens";
import { createLogger } from "../../server/log";
import { openStorage } from "../../server/storage/openStorage";

/** The secret child servers sign with (tests mint their sync tokens with it). */
export const CHILD_SECRET = "child-server-test-secret-0123456789abcdef";

export interface ChildServer {
  port: number;
  wsUrl: string;
  process: ChildProcess;
  /** SIGKILL: no flush, no goodbye; what was not committed is lost. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful path. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now (so a restarted server can take the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `tests/helpers/childServerMain.ts` in its own Node process and waits until it listens. */
export function startChildServer(options: {
  dataDir: string;
  port: number;
  /** PostgreSQL to store in; absent = the SQLite file in dataDir, whatever DATABASE_URL the tests run with. */
  databaseUrl?: string;
  env?: Record<string, string | undefined>;
}): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/childServerMain.ts"], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      WAYMARK_DATA_DIR: options.dataDir,
      WAYMARK_SEED: "0",
      NEXTAUTH_SECRET: CHILD_SECRET,
      DATABASE_URL: options.databaseUrl ?? "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child server did not start: ${errors}`)), 20_000);
    child.once("exit", (code) => reject(new Error(`child server exited with ${code}: ${errors}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        port,
        wsUrl: `ws://127.0.0.1:${port}/sync`,
        process: child,
        kill: async () => {
          child.kill("SIGKILL");
          await exited;
        },
        stop: async () => {
          child.kill("SIGTERM");
          await exited;
        },
      });
    });
  });
}

/**
 * Creates an owner and boards directly in the database a child server with the same `dataDir`
 * and `databaseUrl` opens, before any server opens it.
 */
export async function seedBoards(dataDir: string, count: number, databaseUrl?: string): Promise<{ ownerId: UserId; boardIds: BoardId[] }> {
  const store = await openStorage({ dataDir, databaseUrl }, createLogger("silent"));
  const ownerId = newUserId();
  await store.createUser({ id: ownerId, email: `${ownerId}@test.waymark.dev`, name: "Owner", passwordHash: null });
  const boardIds: BoardId[] = [];
  for (let i = 0; i < count; i++) {
    const id = newBoardId();
    await store.createOwnedBoard({ id, title: `Board ${i}`, ownerId }, Y.encodeStateAsUpdate(new Y.Doc()));
    boardIds.push(id);
  }
  await store.close();
  return { ownerId, boardIds };
}

export const childToken = (userId: UserId, boardId: BoardId): string =>
  mintSyncToken(CHILD_SECRET, { kind: "user", userId, name: "", email: "" }, boardId).token;
