import type { Storage } from "../storage";
import { AppendThread } from "./appendThread";
import { openDatabase } from "./openDatabase";
import { sqliteAccountStore } from "./sqliteAccountStore";
import { sqliteActivityStore } from "./sqliteActivityStore";
import { sqliteBoardStore } from "./sqliteBoardStore";
import { sqliteCommentStore } from "./sqliteCommentStore";

/** The embedded default: one SQLite file holding boards, update logs, users and memberships. */
export function openSqliteStorage(file: string): Storage {
  const db = openDatabase(file);
  // After openDatabase, so the thread's connection finds the file migrated.
  const appends = file === ":memory:" ? undefined : new AppendThread(file);
  return {
    ...sqliteBoardStore(db, appends),
    ...sqliteAccountStore(db),
    ...sqliteActivityStore(db),
    ...sqliteCommentStore(db),
    async close() {
      await appends?.close();
      db.close();
    },
  };
}
