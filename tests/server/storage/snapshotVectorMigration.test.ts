import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { newBoardId } from "../../../lib/model/ids";
import { openSqliteStorage } from "../../../server/storage/sqlite/openSqliteStorage";
import { stateVectorOfUpdates } from "../../../server/sync/storedStateVector";

it("a snapshot written before state vectors were kept with it loads without one, and its vector is read off it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "waymark-snapshot-vector-"));
  const file = join(dir, "waymark.sqlite");
  const doc = new Y.Doc();
  doc.getMap("board").set("title", "Old");
  const boardId = newBoardId();
  try {
    const store = openSqliteStorage(file);
    await store.createBoard({ id: boardId, title: "Old" }, Y.encodeStateAsUpdate(doc));
    await store.compact(boardId, Y.encodeStateAsUpdate(doc), Number.MAX_SAFE_INTEGER, Y.encodeStateVector(doc));
    await store.close();
    // As a database from before the column holds it.
    const raw = new Database(file);
    raw.prepare("UPDATE board_snapshots SET state_vector = NULL").run();
    raw.close();

    const reopened = openSqliteStorage(file);
    const loaded = await reopened.loadUpdates(boardId);
    await reopened.close();
    expect(loaded.updates).toHaveLength(1);
    expect(loaded.snapshotStateVector).toBeUndefined();
    expect(Y.decodeStateVector(stateVectorOfUpdates(loaded.updates, loaded.snapshotStateVector))).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
