import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newUserId, type BoardId, type UserId } from "../../lib/model/ids";
import type { BoardSummary } from "../../lib/protocol/appServices";
import { mintSyncToken } from "../../server/auth/syncTokens";
import type { ServerConfig } from "../../server/config";
import { createLogger } from "../../server/log";
import type { Storage } from "../../server/storage/storage";
import type { Fanout } from "../../server/fanout/fanout";
import { startServer, type RunningServer, type WebHandlers } from "../../server/startServer";
import { DEFAULT_SQLITE_SYNC } from "../../server/storage/sqlite/sqliteSync";

export interface TestBoard extends BoardSummary {
  /** A sync token of the board's owner. */
  token: string;
  ownerId: UserId;
}

export interface TestServer extends RunningServer {
  wsUrl: string;
  dataDir: string;
  /** Creates a board owned by a test user, with that owner's sync token. */
  boards: { createBoard(input: { title: string }): Promise<TestBoard> };
  /** Creates a user (directly in storage) and returns their id. */
  createUser(name: string): Promise<UserId>;
  /** A sync token for a user on a board (access is checked when the socket opens). */
  tokenFor(userId: UserId, boardId: BoardId): string;
}

/**
 * Starts the real sync server on port 0 with its own data folder (no Next.js; `web` stands in
 * for it where a test needs the requests Next.js would see).
 */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  store?: Storage,
  fanout?: Fanout,
  web?: WebHandlers,
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "waymark-test-"));
  const config: ServerConfig = {
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
    ...overrides,
  };
  const server = await startServer({ config, log: createLogger(process.env.LOG_LEVEL ?? "silent"), store, fanout, web: web && (async () => web) });
  const createUser = async (name: string) => {
    const id = newUserId();
    await server.store.createUser({ id, email: `${id}@test.waymark.dev`, name, passwordHash: null });
    return id;
  };
  const tokenFor = (userId: UserId, boardId: BoardId) =>
    mintSyncToken(server.secret, { kind: "user", userId, name: "", email: "" }, boardId).token;
  return {
    ...server,
    wsUrl: server.url.replace(/^http/, "ws") + "/sync",
    dataDir,
    createUser,
    tokenFor,
    boards: {
      async createBoard({ title }) {
        const ownerId = await createUser("Owner");
        const created = await server.services.createBoard(ownerId, { title });
        if (!created.ok) throw new Error(created.error.message);
        return { ...created.value, ownerId, token: tokenFor(ownerId, created.value.id) };
      },
    },
  };
}

/** Removes a test data folder (after the server using it is closed). */
export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
