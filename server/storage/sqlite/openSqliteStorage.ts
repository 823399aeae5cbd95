import type { Logger } from "../../log";
import type { Storage } from "../storage";
import { AppendThread } from "./appendThread";
import { CheckpointThread } from "./checkpointThread";
import { openDatabase } from "./openDatabase";
import { sqliteAccountStore } from "./sqliteAccountStore";
import { sqliteActivityStore } from "./sqliteActivityStore";
import { sqliteBoardStore } from "./sqliteBoardStore";
import { sqliteCommentStore } from "./sqliteCommentStore";
import { sqliteSessionStore } from "./sqliteSessionStore";
import { sqliteTemplateStore } from "./sqliteTemplateStore";
import { sqliteLaneOwnerStore } from "./sqliteLaneOwnerStore";
import { sqliteProposalStore } from "./sqliteProposalStore";
import { sqliteScenarioStore } from "./sqliteScenarioStore";
import { sqliteDependencyRequestStore } from "./sqliteDependencyRequestStore";
import { sqliteVersionStore } from "./sqliteVersionStore";
import { sqliteWorkshopStore } from "./sqliteWorkshopStore";
import { CHECKPOINT_INTERVAL_MS, DEFAULT_SQLITE_SYNC, type SqliteSync } from "./sqliteSync";

export interface SqliteStorageOptions {
  /** When commits wait for the disk (see SqliteSync); DEFAULT_SQLITE_SYNC unless told. */
  sync?: SqliteSync;
  /** Where a failed background checkpoint is reported. */
  log?: Pick<Logger, "error">;
}

/**
 * The embedded default: one SQLite file holding boards, update logs, users and memberships.
 * With `normal`, update-log appends commit on this connection (a write into the log, no fsync)
 * and a thread checkpoints every second; with `full`, they commit on the append thread, whose
 * fsync would otherwise stall the event loop. `:memory:` has neither thread.
 */
export function openSqliteStorage(file: string, { sync = DEFAULT_SQLITE_SYNC, log }: SqliteStorageOptions = {}): Storage {
  const db = openDatabase(file, sync);
  const onDisk = file !== ":memory:";
  // After openDatabase, so the threads' connections find the file migrated.
  const appends = onDisk && sync === "full" ? new AppendThread(file) : undefined;
  const checkpoints =
    onDisk && sync === "normal"
      ? new CheckpointThread(file, CHECKPOINT_INTERVAL_MS, (error) => log?.error({ file, err: error }, "checkpoint failed; retrying next interval"))
      : undefined;
  return {
    ...sqliteBoardStore(db, appends),
    ...sqliteAccountStore(db),
    ...sqliteActivityStore(db),
    ...sqliteCommentStore(db),
    ...sqliteSessionStore(db),
    ...sqliteVersionStore(db),
    ...sqliteWorkshopStore(db),
    ...sqliteTemplateStore(db),
    ...sqliteLaneOwnerStore(db),
    ...sqliteProposalStore(db),
    ...sqliteScenarioStore(db),
    ...sqliteDependencyRequestStore(db),
    async close() {
      await appends?.close();
      await checkpoints?.close();
      db.close();
    },
  };
}
