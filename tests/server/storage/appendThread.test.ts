import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { newBoardId } from "../../../lib/model/ids";
import { openSqliteStorage } from "../../../server/storage/sqlite/openSqliteStorage";

it("with WAYMARK_SQLITE_SYNC=full, an append waiting for the database does not stop the event loop, and commits once it can", async () => {
  const dir = mkdtempSync(join(tmpdir(), "waymark-append-"));
  const file = join(dir, "waymark.sqlite");
  const store = openSqliteStorage(file, { sync: "full" });
  const blocker = new Database(file);
  try {
    const boardId = newBoardId();
    await store.createBoard({ id: boardId, title: "Appends" }, Y.encodeStateAsUpdate(new Y.Doc()));
    const doc = new Y.Doc();
    doc.getMap("board").set("title", "Renamed");
    // Another connection holds the write lock, as a long commit (a slow fsync) would.
    blocker.exec("BEGIN IMMEDIATE");
    const asked = performance.now();
    const appended = store.appendUpdates([{ boardId, updates: [Y.encodeStateAsUpdate(doc)] }]);
    // On the event loop, the append would spin in SQLite's busy handler for its full 5 s right
    // here (the bound leaves room for a machine busy with other work).
    expect(performance.now() - asked).toBeLessThan(1_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await new Promise((r) => setTimeout(r, 300));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(2);
    blocker.exec("COMMIT");
    const result = (await appended).get(boardId);
    expect(result?.logLength).toBe(2);
    const replica = new Y.Doc();
    for (const update of (await store.loadUpdates(boardId)).updates) Y.applyUpdate(replica, update);
    expect(replica.getMap("board").get("title")).toBe("Renamed");
  } finally {
    blocker.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
