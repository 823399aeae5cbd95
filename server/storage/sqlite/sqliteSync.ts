/**
 * When the SQLite store waits for the disk (WAYMARK_SQLITE_SYNC).
 *
 * - `normal` (the default): every update is in the database file's write-ahead log before any
 *   other client is sent it, so a crash or a kill of the server loses nothing anyone has seen.
 *   The log is fsynced by a checkpoint at least once a second on a thread of its own, so a power
 *   loss or a crash of the machine can lose up to the last second of edits on the server; the
 *   clients that were connected still hold them and send them again when they reconnect.
 *   SQLite's `synchronous=NORMAL` in WAL mode, the setting its documentation suggests for WAL.
 * - `full`: every commit is fsynced before anyone is sent the update (`synchronous=FULL`), on
 *   a thread of its own. Nothing is lost even to a power loss, at the cost of waiting for the
 *   disk on every edit: in bench:sync it costs about a third more CPU per edit and raises the
 *   server's own p99 at 1,000 edits/s from ≤ 2.5–5 to ≤ 10–25 ms, and a slow fsync delays every
 *   edit behind it.
 */
export type SqliteSync = "normal" | "full";

/** What the server uses when WAYMARK_SQLITE_SYNC is unset. */
export const DEFAULT_SQLITE_SYNC: SqliteSync = "normal";

/** How often the checkpoint thread fsyncs the log and copies it into the database (`normal`). */
export const CHECKPOINT_INTERVAL_MS = 1_000;
