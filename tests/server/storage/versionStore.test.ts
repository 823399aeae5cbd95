import { beforeEach, describe, expect, it } from "vitest";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../lib/model/ids";
import type { VersionRecord } from "../../../server/storage/versionStore";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 9, minute)).toISOString();
const bytes = (...values: number[]) => new Uint8Array(values);

describeEachStorage("version store", (backend) => {
  const t = freshStoreEachTest(backend);
  let board: BoardId;
  let ana: UserId;

  beforeEach(async () => {
    ana = newUserId();
    await t.store.createUser({ id: ana, email: "ana@test.dev", name: "Ana", passwordHash: null });
    board = newBoardId();
    await t.store.createOwnedBoard({ id: board, title: "Versions", ownerId: ana }, bytes(0));
  });

  const version = (id: string, minute: number, name: string | null = null): Omit<VersionRecord, "bytes"> => ({
    id,
    boardId: board,
    name,
    note: name ? `note of ${name}` : null,
    reason: name ? "named" : "quiet",
    authorId: ana,
    createdAt: at(minute),
    seq: minute,
  });

  describe("versions", () => {
    it("stores a version with its state; lists newest first; reads it back, also from a reopened store", async () => {
      const first = await t.store.saveVersion(version("v-1", 1, "Agreed plan"), bytes(1, 2, 3));
      await t.store.saveVersion(version("v-2", 5), bytes(4, 5));
      expect(first).toEqual({ ...version("v-1", 1, "Agreed plan"), bytes: 3 });
      expect((await t.store.listVersions(board)).map((v) => v.id)).toEqual(["v-2", "v-1"]);
      const reopened = await t.reopen();
      expect(await reopened.getVersion(board, "v-1")).toEqual(first);
      expect(await reopened.loadVersionState(board, "v-2")).toEqual(bytes(4, 5));
    });

    it("a version is only found on its own board", async () => {
      const other = newBoardId();
      await t.store.createOwnedBoard({ id: other, title: "Other", ownerId: ana }, bytes(0));
      await t.store.saveVersion(version("v-1", 1), bytes(1));
      expect(await t.store.getVersion(other, "v-1")).toBeNull();
      expect(await t.store.loadVersionState(other, "v-1")).toBeNull();
      expect(await t.store.updateVersion(other, "v-1", { name: "Hijack" })).toBeNull();
      expect(await t.store.setBaseline(other, "v-1")).toBe(false);
      await t.store.deleteVersions(other, ["v-1"]);
      expect(await t.store.getVersion(board, "v-1")).not.toBeNull();
    });

    it("a version of a board deleted meanwhile is not stored; a board's versions go with it", async () => {
      expect(await t.store.saveVersion({ ...version("v-x", 1), boardId: newBoardId() }, bytes(1))).toBeNull();
      await t.store.saveVersion(version("v-1", 1), bytes(1));
      await t.store.deleteBoard(board);
      expect(await t.store.listVersions(board)).toEqual([]);
    });

    it("names, renames and notes a version; deletes versions", async () => {
      await t.store.saveVersion(version("v-1", 1), bytes(1));
      await t.store.saveVersion(version("v-2", 2), bytes(2));
      expect(await t.store.updateVersion(board, "v-1", { name: "Kick-off" })).toMatchObject({ name: "Kick-off", note: null });
      expect(await t.store.updateVersion(board, "v-1", { note: "after the workshop" })).toMatchObject({ name: "Kick-off", note: "after the workshop" });
      await t.store.deleteVersions(board, ["v-2"]);
      expect((await t.store.listVersions(board)).map((v) => v.id)).toEqual(["v-1"]);
    });
  });

  describe("baseline", () => {
    it("is one version of the board, set, changed and cleared; deleting that version clears it", async () => {
      expect(await t.store.getBaseline(board)).toBeNull();
      await t.store.saveVersion(version("v-1", 1), bytes(1));
      await t.store.saveVersion(version("v-2", 2), bytes(2));
      expect(await t.store.setBaseline(board, "v-1")).toBe(true);
      expect(await t.store.getBaseline(board)).toBe("v-1");
      expect(await t.store.setBaseline(board, "v-unknown")).toBe(false);
      expect(await t.store.getBaseline(board)).toBe("v-1");
      await t.store.setBaseline(board, "v-2");
      await t.store.deleteVersions(board, ["v-2"]);
      expect(await t.store.getBaseline(board)).toBeNull();
      await t.store.setBaseline(board, "v-1");
      expect(await t.store.setBaseline(board, null)).toBe(true);
      expect(await t.store.getBaseline(board)).toBeNull();
    });
  });

  describe("recorded history", () => {
    it("keeps the rows compaction folds, with their commit time, in order; reads up to a moment; prunes old rows", async () => {
      const first = (await t.store.appendUpdates([{ boardId: board, updates: [bytes(1), bytes(2)] }])).get(board)!;
      await new Promise((r) => setTimeout(r, 5));
      const afterFirst = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      await t.store.appendUpdates([{ boardId: board, updates: [bytes(3)] }]);
      await t.store.compact(board, bytes(9), first.lastSeq, bytes(0));
      const now = new Date(Date.now() + 1000).toISOString();
      const all = await t.store.loadHistory(board, 0, now, 100);
      // The board's first state, the two folded rows (now history) and the row still in the log.
      expect(all.map((r) => [...r.data])).toEqual([[0], [1], [2], [3]]);
      expect(all.map((r) => r.seq)).toEqual([...all.map((r) => r.seq)].sort((a, b) => a - b));
      expect((await t.store.loadHistory(board, 0, afterFirst, 100)).map((r) => [...r.data])).toEqual([[0], [1], [2]]);
      expect((await t.store.loadHistory(board, all[1]!.seq, now, 100)).map((r) => [...r.data])).toEqual([[2], [3]]);
      expect(await t.store.loadHistory(board, 0, now, 2)).toHaveLength(2);
      await t.store.pruneHistory(board, afterFirst);
      expect((await t.store.loadHistory(board, 0, now, 100)).map((r) => [...r.data])).toEqual([[3]]);
      // Loading the board itself is unchanged by all this.
      const loaded = await t.store.loadUpdates(board);
      expect(loaded.updates.map((u) => [...u])).toEqual([[9], [3]]);
      // …and says which log row it reaches, which a version taken from it records.
      expect(loaded.lastSeq).toBe(all.at(-1)!.seq);
    });
  });
});
