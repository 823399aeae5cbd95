import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { newBoardId } from "../../../lib/model/ids";
import { readConfig } from "../../../server/config";
import { createLogger } from "../../../server/log";
import { openStorage } from "../../../server/storage/openStorage";
import type { Storage } from "../../../server/storage/storage";
import { createTestSchema, NO_DATABASE_REASON, TEST_DATABASE_URL } from "../../helpers/postgresSchema";

const log = createLogger("silent");
let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "waymark-select-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
async function opened(store: Storage): Promise<Storage> {
  cleanup.push(() => store.close());
  return store;
}

/** An environment with only the given variables (NODE_ENV as the server would default it). */
const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: "production", ...vars });

describe("DATABASE_URL picks the store", () => {
  it("unset or empty means SQLite; postgres:// and postgresql:// are taken as given", () => {
    expect(readConfig(env()).databaseUrl).toBeUndefined();
    expect(readConfig(env({ DATABASE_URL: "" })).databaseUrl).toBeUndefined();
    expect(readConfig(env({ DATABASE_URL: "postgres://u:p@db:5432/waymark" })).databaseUrl).toBe("postgres://u:p@db:5432/waymark");
    expect(readConfig(env({ DATABASE_URL: "postgresql://db/waymark" })).databaseUrl).toBe("postgresql://db/waymark");
  });

  it("any variable set to the empty string counts as unset (REDIS_URL=, WAYMARK_SMTP_URL=, PORT=)", () => {
    const config = readConfig(env({ REDIS_URL: "", WAYMARK_SMTP_URL: "", PORT: "", WAYMARK_PUBLIC_URL: "" }));
    expect(config.redisUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(config.publicUrl).toBeUndefined();
    expect(config.port).toBe(readConfig(env()).port);
  });

  it("another kind of URL is refused at start-up, naming the variable", () => {
    expect(() => readConfig(env({ DATABASE_URL: "mysql://db/waymark" }))).toThrow(/DATABASE_URL: must start with postgres:\/\//);
    expect(() => readConfig(env({ DATABASE_URL: "./waymark.sqlite" }))).toThrow(/DATABASE_URL/);
  });

  it("WAYMARK_SQLITE_SYNC is normal unless set to full; anything else is refused, naming the variable", () => {
    expect(readConfig(env()).sqliteSync).toBe("normal");
    expect(readConfig(env({ WAYMARK_SQLITE_SYNC: "full" })).sqliteSync).toBe("full");
    expect(() => readConfig(env({ WAYMARK_SQLITE_SYNC: "off" }))).toThrow(/WAYMARK_SQLITE_SYNC/);
  });

  it("without it, the SQLite file in the data folder is created and used (no setup)", async () => {
    const dataDir = join(tempDir(), "data");
    const store = await opened(await openStorage({ dataDir, databaseUrl: undefined }, log));
    expect(existsSync(join(dataDir, "waymark.sqlite"))).toBe(true);
    const id = newBoardId();
    await store.createBoard({ id, title: "Local" }, new Uint8Array([1]));
    expect((await store.getBoard(id))?.title).toBe("Local");
  });

  it.skipIf(!TEST_DATABASE_URL)(
    `with it, boards go to PostgreSQL and no SQLite file is made${TEST_DATABASE_URL ? "" : ` (skipped: ${NO_DATABASE_REASON})`}`,
    async () => {
      const schema = await createTestSchema(TEST_DATABASE_URL!);
      cleanup.push(() => schema.drop());
      const dataDir = tempDir();
      const store = await opened(await openStorage({ dataDir, databaseUrl: schema.url }, log));
      const id = newBoardId();
      await store.createBoard({ id, title: "Shared" }, new Uint8Array([1]));
      expect(existsSync(join(dataDir, "waymark.sqlite"))).toBe(false);
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      cleanup.push(() => client.end());
      const { rows } = await client.query("SELECT title FROM boards WHERE id = $1", [id]);
      expect(rows).toEqual([{ title: "Shared" }]);
    },
  );
});
