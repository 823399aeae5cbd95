import { beforeEach, describe, expect, it } from "vitest";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../lib/model/ids";
import type { ActivityKind } from "../../../lib/protocol/comments";
import type { ActivityRecord, HistoryRecord } from "../../../server/storage/activityStore";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 9, minute)).toISOString();

describeEachStorage("activity store", (backend) => {
  const t = freshStoreEachTest(backend);
  let board: BoardId;
  let ana: UserId, ben: UserId;

  beforeEach(async () => {
    [ana, ben] = [newUserId(), newUserId()];
    await t.store.createUser({ id: ana, email: "ana@test.dev", name: "Ana", passwordHash: null });
    await t.store.createUser({ id: ben, email: "ben@test.dev", name: "Ben", passwordHash: null });
    board = newBoardId();
    await t.store.createOwnedBoard({ id: board, title: "History", ownerId: ana }, new Uint8Array([0]));
  });

  const row = (userId: UserId, minute: number, kind: ActivityKind = "edited", itemId = "i-1"): ActivityRecord => ({
    boardId: board,
    userId,
    objectId: itemId,
    kind,
    title: `Item at ${minute}`,
    at: at(minute),
  });

  describe("activity", () => {
    it("lists others' rows after a time (exclusive), oldest first, equal times in the order written, up to a limit", async () => {
      const rows = [row(ben, 1, "added"), row(ben, 2, "moved"), row(ana, 3), row(ben, 4, "edited", "i-2"), row(ben, 4, "deleted", "i-3")];
      await t.store.appendActivity(rows.slice(0, 3));
      await t.store.appendActivity(rows.slice(3));
      expect(await t.store.listActivity(board, at(1), ana, 10)).toEqual([rows[1], rows[3], rows[4]]);
      expect(await t.store.listActivity(board, "", ana, 2)).toEqual([rows[0], rows[1]]);
      expect(await t.store.listActivity(board, "", ben, 10)).toEqual([rows[2]]);
      expect(await t.store.listActivity(newBoardId(), "", ana, 10)).toEqual([]);
    });

    it("compares times as ISO strings: a time with milliseconds sorts after the same second without", async () => {
      const first = { ...row(ben, 5), at: "2030-01-01T09:05:00.000Z" };
      const second = { ...row(ben, 5), at: "2030-01-01T09:05:00.001Z" };
      await t.store.appendActivity([second, first]);
      expect(await t.store.listActivity(board, "2030-01-01T09:05:00.000Z", ana, 10)).toEqual([second]);
      expect(await t.store.listActivity(board, "2030-01-01T09:04:59.999Z", ana, 10)).toEqual([first, second]);
    });

    it("rows for a board deleted meanwhile are skipped, the rest of the batch is kept", async () => {
      const gone = newBoardId();
      await t.store.appendActivity([row(ben, 1), { ...row(ben, 2), boardId: gone }, row(ben, 3)]);
      expect((await t.store.listActivity(board, "", ana, 10)).map((r) => r.at)).toEqual([at(1), at(3)]);
      expect(await t.store.listActivity(gone, "", ana, 10)).toEqual([]);
      await t.store.appendActivity([]);
    });

    it("a board's history goes with the board", async () => {
      await t.store.appendActivity([row(ben, 1)]);
      await t.store.deleteBoard(board);
      expect(await t.store.listActivity(board, "", ana, 10)).toEqual([]);
    });
  });

  describe("object history", () => {
    const edit = (userId: UserId, minute: number, objectId: string, extra: Partial<ActivityRecord> = {}): ActivityRecord => ({
      ...row(userId, minute, "moved", objectId),
      objectKind: "milestone",
      fields: [{ field: "date", before: `2030-05-0${minute % 9}`, after: `2030-06-0${minute % 9}` }],
      ...extra,
    });
    const brief = (records: HistoryRecord[]) => records.map((r) => `${r.objectKind} ${r.objectId} ${r.kind} @${r.at.slice(14, 16)}`);

    it("lists one object's edits newest first with their values, in pages through the cursor", async () => {
      await t.store.appendActivity([edit(ana, 1, "m-1"), edit(ben, 2, "m-2"), edit(ben, 3, "m-1"), edit(ana, 4, "m-1")]);
      const first = await t.store.listObjectHistory(board, "m-1", 2);
      expect(brief(first)).toEqual(["milestone m-1 moved @04", "milestone m-1 moved @03"]);
      expect(first[0]).toMatchObject({ boardId: board, userId: ana, title: "Item at 4", fields: [{ field: "date", before: "2030-05-04", after: "2030-06-04" }] });
      const second = await t.store.listObjectHistory(board, "m-1", 2, first[1]!.seq);
      expect(brief(second)).toEqual(["milestone m-1 moved @01"]);
      expect(await t.store.listObjectHistory(board, "m-1", 2, second[0]!.seq)).toEqual([]);
      expect(await t.store.listObjectHistory(newBoardId(), "m-1", 10)).toEqual([]);
    });

    it("a burst written as several rows reads as its last row", async () => {
      const burst = { burst: "burst-1" };
      await t.store.appendActivity([edit(ana, 1, "m-1", burst), edit(ben, 1, "m-1")]);
      await t.store.appendActivity([edit(ana, 2, "m-1", { ...burst, fields: [{ field: "date", before: "2030-05-01", after: "2030-07-01" }] })]);
      const history = await t.store.listObjectHistory(board, "m-1", 10);
      expect(history.map((r) => [r.userId, r.at])).toEqual([[ana, at(2)], [ben, at(1)]]);
      expect(history[0]!.fields).toEqual([{ field: "date", before: "2030-05-01", after: "2030-07-01" }]);
      expect((await t.store.listBoardHistory(board, { limit: 10 })).map((r) => r.at)).toEqual([at(1), at(2)]);
    });

    it("rows from before values were kept read as items without fields; the summary reads item rows only", async () => {
      await t.store.appendActivity([row(ben, 1, "edited", "i-1"), edit(ben, 2, "m-1")]);
      expect(await t.store.listObjectHistory(board, "i-1", 10)).toMatchObject([{ objectKind: "item", objectId: "i-1", kind: "edited", fields: [] }]);
      expect((await t.store.listActivity(board, "", ana, 10)).map((r) => r.objectId)).toEqual(["i-1"]);
    });

    it("lists the board's edits of every object in a time range, oldest first, up to a limit", async () => {
      const lane = edit(ana, 3, "l-1", { objectKind: "lane", kind: "edited", fields: [{ field: "name", before: "Dev", after: "Development" }] });
      const settings = edit(ben, 5, board, { objectKind: "board", kind: "edited", fields: [{ field: "timeScale", before: "weeks", after: "months" }] });
      await t.store.appendActivity([edit(ana, 1, "m-1"), lane, row(ben, 4), settings]);
      const all = await t.store.listBoardHistory(board, { limit: 10 });
      expect(brief(all)).toEqual([`milestone m-1 moved @01`, `lane l-1 edited @03`, `item i-1 edited @04`, `board ${board} edited @05`]);
      expect(all[1]!.fields).toEqual(lane.fields);
      expect(brief(await t.store.listBoardHistory(board, { from: at(3), to: at(5), limit: 10 }))).toEqual([`lane l-1 edited @03`, `item i-1 edited @04`]);
      expect(brief(await t.store.listBoardHistory(board, { from: at(2), limit: 1 }))).toEqual([`lane l-1 edited @03`]);
      expect(await t.store.listBoardHistory(newBoardId(), { limit: 10 })).toEqual([]);
    });

    it("history goes with the board", async () => {
      await t.store.appendActivity([edit(ana, 1, "m-1")]);
      await t.store.deleteBoard(board);
      expect(await t.store.listObjectHistory(board, "m-1", 10)).toEqual([]);
    });
  });

  describe("visits", () => {
    it("records when a user last had a board open; a visit only moves forward", async () => {
      expect(await t.store.lastVisit(board, ben)).toBeNull();
      await t.store.recordVisit(board, ben, at(10));
      expect(await t.store.lastVisit(board, ben)).toBe(at(10));
      await t.store.recordVisit(board, ben, at(5));
      expect(await t.store.lastVisit(board, ben)).toBe(at(10));
      await t.store.recordVisit(board, ben, at(20));
      expect(await t.store.lastVisit(board, ben)).toBe(at(20));
      expect(await t.store.lastVisit(board, ana)).toBeNull();
    });

    it("a visit to a board or by a user that does not exist is not recorded and does not fail", async () => {
      const gone = newBoardId();
      const ghost = newUserId();
      await t.store.recordVisit(gone, ben, at(1));
      await t.store.recordVisit(board, ghost, at(1));
      expect(await t.store.lastVisit(gone, ben)).toBeNull();
      expect(await t.store.lastVisit(board, ghost)).toBeNull();
    });

    it("visits go with the board", async () => {
      await t.store.recordVisit(board, ben, at(1));
      await t.store.deleteBoard(board);
      expect(await t.store.lastVisit(board, ben)).toBeNull();
    });
  });
});
