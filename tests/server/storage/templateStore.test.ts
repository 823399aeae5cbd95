import { describe, expect, it } from "vitest";
import { newBoardId, newUserId, type UserId } from "../../../lib/model/ids";
import type { Storage } from "../../../server/storage/storage";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

async function user(store: Storage, name: string): Promise<UserId> {
  const id = newUserId();
  await store.createUser({ id, email: `${name.toLowerCase()}@test.dev`, name, passwordHash: null });
  return id;
}

const at = (day: number) => new Date(Date.UTC(2030, 0, day, 9)).toISOString();

describeEachStorage("templates of one's own and calendar feeds", (backend) => {
  const t = freshStoreEachTest(backend);

  describe("user templates", () => {
    it("are listed for their owner only, oldest first, without bodies, and read back whole", async () => {
      const ana = await user(t.store, "Ana");
      const ben = await user(t.store, "Ben");
      const body = JSON.stringify({ format: "waymark-board", note: "é ü 日本" });
      await t.store.createUserTemplate({ id: "t2", ownerId: ana, name: "Quarterly launch", createdAt: at(2), body });
      await t.store.createUserTemplate({ id: "t1", ownerId: ana, name: "Pilot", createdAt: at(1), body: "{}" });
      await t.store.createUserTemplate({ id: "t3", ownerId: ben, name: "Ben's", createdAt: at(1), body: "{}" });
      expect(await t.store.listUserTemplates(ana)).toEqual([
        { id: "t1", name: "Pilot", createdAt: at(1) },
        { id: "t2", name: "Quarterly launch", createdAt: at(2) },
      ]);
      expect(await t.store.getUserTemplate(ana, "t2")).toEqual({ id: "t2", ownerId: ana, name: "Quarterly launch", createdAt: at(2), body });
      // Another person's template is as good as missing.
      expect(await t.store.getUserTemplate(ben, "t2")).toBeNull();
      expect(await t.store.deleteUserTemplate(ben, "t2")).toBe(false);
      const reopened = await t.reopen();
      expect(await reopened.listUserTemplates(ben)).toEqual([{ id: "t3", name: "Ben's", createdAt: at(1) }]);
    });

    it("are deleted by their owner, once", async () => {
      const ana = await user(t.store, "Ana");
      await t.store.createUserTemplate({ id: "t1", ownerId: ana, name: "Pilot", createdAt: at(1), body: "{}" });
      expect(await t.store.deleteUserTemplate(ana, "t1")).toBe(true);
      expect(await t.store.deleteUserTemplate(ana, "t1")).toBe(false);
      expect(await t.store.listUserTemplates(ana)).toEqual([]);
    });
  });

  describe("calendar feeds", () => {
    it("are found by their secret's hash, listed per board and revoked once", async () => {
      const ana = await user(t.store, "Ana");
      const board = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, new Uint8Array([0, 0]));
      const other = await t.store.createOwnedBoard({ id: newBoardId(), title: "Other", ownerId: ana }, new Uint8Array([0, 0]));
      await t.store.createCalendarFeed({ id: "f1", boardId: board.id, createdBy: ana, createdAt: at(1), revokedAt: null }, "hash-1");
      expect(await t.store.findCalendarFeedBySecretHash("hash-1")).toEqual({ id: "f1", boardId: board.id, createdBy: ana, createdAt: at(1), revokedAt: null });
      expect(await t.store.findCalendarFeedBySecretHash("hash-2")).toBeNull();
      expect(await t.store.listCalendarFeeds(board.id)).toHaveLength(1);
      expect(await t.store.listCalendarFeeds(other.id)).toEqual([]);
      // Only on its own board.
      expect(await t.store.revokeCalendarFeed(other.id, "f1", at(2))).toBe(false);
      expect(await t.store.revokeCalendarFeed(board.id, "f1", at(2))).toBe(true);
      expect(await t.store.revokeCalendarFeed(board.id, "f1", at(3))).toBe(false);
      expect((await t.store.findCalendarFeedBySecretHash("hash-1"))?.revokedAt).toBe(at(2));
    });

    it("go with their board when it is deleted", async () => {
      const ana = await user(t.store, "Ana");
      const board = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, new Uint8Array([0, 0]));
      await t.store.createCalendarFeed({ id: "f1", boardId: board.id, createdBy: ana, createdAt: at(1), revokedAt: null }, "hash-1");
      await t.store.deleteBoard(board.id);
      expect(await t.store.findCalendarFeedBySecretHash("hash-1")).toBeNull();
    });
  });
});
