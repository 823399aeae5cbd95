import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { newBoardId, newUserId } from "../../../lib/model/ids";
import { MIGRATIONS } from "../../../server/storage/sqlite/migrations";
import { openSqliteStorage } from "../../../server/storage/sqlite/openSqliteStorage";

it("activity rows written before object history read as item rows without values, in history and the summary", async () => {
  const dir = mkdtempSync(join(tmpdir(), "waymark-history-migration-"));
  const file = join(dir, "waymark.sqlite");
  const boardId = newBoardId();
  const ana = newUserId();
  try {
    const store = openSqliteStorage(file);
    await store.createUser({ id: ana, email: "ana@test.dev", name: "Ana", passwordHash: null });
    await store.createOwnedBoard({ id: boardId, title: "Old", ownerId: ana }, new Uint8Array([0]));
    await store.close();
    // The table as it was before object history, holding a row written then; then the
    // migration that adds history runs over it (found by what it does, wherever it is in the list).
    const raw = new Database(file);
    raw.exec(`DROP INDEX board_activity_by_object; DROP INDEX board_activity_by_burst;
      ALTER TABLE board_activity DROP COLUMN object_kind; ALTER TABLE board_activity DROP COLUMN fields;
      ALTER TABLE board_activity DROP COLUMN burst;`);
    raw.prepare("INSERT INTO board_activity (board_id, user_id, item_id, kind, title, at) VALUES (?, ?, 'i-old', 'moved', 'Legacy', '2030-01-01T09:00:00.000Z')").run(boardId, ana);
    const migration = MIGRATIONS.find((m) => m.includes("ADD COLUMN object_kind"));
    raw.exec(migration!);
    raw.close();

    const reopened = openSqliteStorage(file);
    expect(await reopened.listObjectHistory(boardId, "i-old", 10)).toMatchObject([{ objectKind: "item", objectId: "i-old", kind: "moved", title: "Legacy", fields: [] }]);
    expect(await reopened.listBoardHistory(boardId, { limit: 10 })).toHaveLength(1);
    expect(await reopened.listActivity(boardId, "", newUserId(), 10)).toHaveLength(1);
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
