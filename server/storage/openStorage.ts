import { join } from "node:path";
import type { ServerConfig } from "../config";
import type { Logger } from "../log";
import { openPostgresStorage } from "./postgres/openPostgresStorage";
import { openSqliteStorage } from "./sqlite/openSqliteStorage";
import { DEFAULT_SQLITE_SYNC } from "./sqlite/sqliteSync";
import type { Storage } from "./storage";

/**
 * Picks the store: PostgreSQL when DATABASE_URL is set (several instances share it), otherwise
 * the SQLite file in the data folder, which needs no setup.
 */
export async function openStorage(config: Pick<ServerConfig, "dataDir" | "databaseUrl"> & Partial<Pick<ServerConfig, "sqliteSync">>, log: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    const store = await openPostgresStorage({ url: config.databaseUrl, log });
    log.info({ storage: "postgres", database: describeDatabase(config.databaseUrl) }, "storage opened");
    return store;
  }
  const file = join(config.dataDir, "waymark.sqlite");
  const sync = config.sqliteSync ?? DEFAULT_SQLITE_SYNC;
  const store = openSqliteStorage(file, { sync, log });
  log.info({ storage: "sqlite", file, sync }, "storage opened");
  return store;
}

/** Host and database name only: the URL's password must never reach the logs. */
function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return "(unparsable url)";
  }
}
