import type { Storage } from "../storage";
import { openDatabase } from "./openDatabase";
import { sqliteAccountStore } from "./sqliteAccountStore";
import { sqliteBoardStore } from "./sqliteBoardStore";

/** The embedded default: one SQLite file holding boards, update logs, users and memberships. */
export function openSqliteStorage(file: string): Storage {
  const db = openDatabase(file);
  return {
    ...sqliteBoardStore(db),
    ...sqliteAccountStore(db),
    async close() {
      db.close();
    },
  };
}
