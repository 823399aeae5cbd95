import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe } from "vitest";
import type { ServerConfig } from "../../server/config";
import { createLogger } from "../../server/log";
import { openStorage } from "../../server/storage/openStorage";
import type { Storage } from "../../server/storage/storage";
import { createTestSchema, NO_DATABASE_REASON, TEST_DATABASE_URL, type TestSchema } from "./postgresSchema";

export type BackendName = "SQLite" | "PostgreSQL";

/** One storage implementation as a test sees it, empty at the start of every test. */
export interface StorageBackend {
  name: BackendName;
  /** Overrides that point a test server (whose data folder is `dataDir`) at this backend. */
  serverConfig(): Partial<ServerConfig>;
  /** Opens the store a server with this config and data folder would open. */
  open(dataDir: string): Promise<Storage>;
}

const BACKENDS: { name: BackendName; skipReason: string | null }[] = [
  { name: "SQLite", skipReason: null },
  { name: "PostgreSQL", skipReason: TEST_DATABASE_URL ? null : NO_DATABASE_REASON },
];

/**
 * Declares the same tests once per storage implementation: SQLite always, PostgreSQL when
 * DATABASE_URL is set (otherwise the suite is listed as skipped, with the reason in its name).
 * PostgreSQL runs use one schema per test file, emptied before each test (unless `emptyEachTest`
 * is false, for files that set up once in beforeAll) and dropped at the end. `skip` skips every
 * backend for another reason (say, no Redis), which the suite's name then gives.
 */
export function describeEachStorage(
  title: string,
  body: (backend: StorageBackend) => void,
  { emptyEachTest = true, skip = null }: { emptyEachTest?: boolean; skip?: string | null } = {},
): void {
  for (const backend of BACKENDS) {
    const { name } = backend;
    const skipReason = skip ?? backend.skipReason;
    const label = skipReason ? `${title} · ${name} (skipped: ${skipReason})` : `${title} · ${name}`;
    describe.skipIf(skipReason !== null)(label, () => {
      let schema: TestSchema | undefined;
      if (name === "PostgreSQL") {
        beforeAll(async () => {
          schema = await createTestSchema(TEST_DATABASE_URL!);
        });
        if (emptyEachTest) beforeEach(async () => schema?.reset());
        afterAll(async () => schema?.drop());
      }
      const databaseUrl = () => {
        if (!schema) throw new Error("the test schema is created in beforeAll");
        return schema.url;
      };
      const backend: StorageBackend = {
        name,
        serverConfig: () => (name === "PostgreSQL" ? { databaseUrl: databaseUrl() } : {}),
        open: (dataDir) =>
          openStorage({ dataDir, databaseUrl: name === "PostgreSQL" ? databaseUrl() : undefined }, createLogger("silent")),
      };
      body(backend);
    });
  }
}

/** A store on an empty database for each test (closed after it), and a way to open a second one. */
export interface FreshStore {
  readonly store: Storage;
  /** Another store on the same database, as a restarted server or a second instance opens it. */
  reopen(): Promise<Storage>;
}

export function freshStoreEachTest(backend: StorageBackend): FreshStore {
  let dataDir = "";
  let opened: Storage[] = [];
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "waymark-store-"));
    opened = [await backend.open(dataDir)];
  });
  afterEach(async () => {
    for (const s of opened) await s.close();
    opened = [];
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get store() {
      const first = opened[0];
      if (!first) throw new Error("the store opens in beforeEach");
      return first;
    },
    async reopen() {
      const another = await backend.open(dataDir);
      opened.push(another);
      return another;
    },
  };
}
