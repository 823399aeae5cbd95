import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerConfig } from "../../server/config";
import { createLogger } from "../../server/log";
import type { Storage } from "../../server/storage/storage";
import { startServer, type RunningServer } from "../../server/startServer";

export interface TestServer extends RunningServer {
  wsUrl: string;
  dataDir: string;
}

/** Starts the real sync server on port 0 with its own data folder (no Next.js). */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  store?: Storage,
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "waymark-test-"));
  const config: ServerConfig = {
    port: 0,
    host: "127.0.0.1",
    dev: false,
    dataDir,
    seedDemo: false,
    maxMessageBytes: 1024 * 1024,
    unloadDelayMs: 60_000,
    compactThreshold: 500,
    ...overrides,
  };
  const server = await startServer({ config, log: createLogger(process.env.LOG_LEVEL ?? "silent"), store });
  return { ...server, wsUrl: server.url.replace(/^http/, "ws") + "/sync", dataDir };
}

/** Removes a test data folder (after the server using it is closed). */
export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
