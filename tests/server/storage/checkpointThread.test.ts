import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { newBoardId } from "../../../lib/model/ids";
import { openSqliteStorage } from "../../../server/storage/sqlite/openSqliteStorage";
import { CHECKPOINT_INTERVAL_MS } from "../../../server/storage/sqlite/sqliteSync";

/** Updates of about `bytes` each, as one person's edits would be (random text does not compress away). */
function updates(count: number, bytes: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => out.push(u));
  for (let i = 0; i < count; i++) doc.getMap("items").set(`item-${i}`, Math.random().toString(36).repeat(bytes / 10));
  return out;
}

it("with WAYMARK_SQLITE_SYNC=normal (the default), appends reach the database file itself within a checkpoint interval", async () => {
  const dir = mkdtempSync(join(tmpdir(), "waymark-checkpoint-"));
  const file = join(dir, "waymark.sqlite");
  const store = openSqliteStorage(file);
  try {
    const boardId = newBoardId();
    await store.createBoard({ id: boardId, title: "Checkpoints" }, Y.encodeStateAsUpdate(new Y.Doc()));
    const before = statSync(file).size;
    // Commits only write the log (no fsync, no checkpoint on this connection): about 2 MB of it.
    const written = updates(500, 4_000);
    for (let i = 0; i < written.length; i += 50) await store.appendUpdates([{ boardId, updates: written.slice(i, i + 50) }]);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_500_000);
    expect(statSync(file).size - before).toBeLessThan(100_000);
    // The checkpoint thread fsyncs the log and copies it into the file, nobody asking.
    const deadline = Date.now() + CHECKPOINT_INTERVAL_MS * 5;
    while (statSync(file).size - before < 1_500_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size - before).toBeGreaterThan(1_500_000);
    const { logLength } = await store.loadUpdates(boardId);
    expect(logLength).toBe(501);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
