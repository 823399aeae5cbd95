import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrate } from "./migrations";
import type { SqliteSync } from "./sqliteSync";

/** The write-ahead log is cut back to this size once checkpointed (it would otherwise keep its largest size). */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating if needed) the embedded database in WAL mode, so readers never block the
 * writer. With `normal`, commits do not fsync and this connection never checkpoints: a
 * checkpoint fsyncs the log and the database, and on the event loop that would stall every
 * board; the CheckpointThread does it instead. With `full`, every commit is fsynced.
 */
export function openDatabase(file: string, sync: SqliteSync): Database.Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${sync === "full" ? "FULL" : "NORMAL"}`);
  if (sync === "normal") db.pragma("wal_autocheckpoint = 0");
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}
