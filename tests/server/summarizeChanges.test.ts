import { describe, expect, it } from "vitest";
import type { BoardId, UserId } from "../../lib/model/ids";
import type { ActivityKind } from "../../lib/protocol/comments";
import type { ActivityRecord } from "../../server/storage/activityStore";
import type { CommentRecord, ThreadWithComments } from "../../server/storage/commentStore";
import { countBursts, summarizeItemChanges, summarizeNewComments } from "../../server/services/summarizeChanges";

const board = "bBoard" as BoardId;
const ana = "uAna" as UserId;
const ben = "uBen" as UserId;
const reader = "uReader" as UserId;
const T0 = Date.parse("2030-03-05T14:00:00.000Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function row(userId: UserId, itemId: string, kind: ActivityKind, seconds: number, title = `Title of ${itemId}`): ActivityRecord {
  return { boardId: board, userId, objectId: itemId, kind, title, at: at(seconds) };
}
const brief = (lines: ReturnType<typeof summarizeItemChanges>) => lines.map((l) => `${l.actorId} ${l.kind} ${l.itemId} ×${l.count}`);

describe("countBursts: changes closer than the gap are one edit", () => {
  it.each([
    [[], 0],
    [[0], 1],
    [[0, 30_000, 59_999], 1],
    [[0, 60_000], 2],
    [[0, 45_000, 90_000, 135_000], 1],
    [[0, 1_000, 200_000, 201_000, 400_000], 3],
  ])("%j → %i", (times, expected) => {
    expect(countBursts(times, 60_000)).toBe(expected);
  });
});

describe("summarizeItemChanges", () => {
  it("groups by person, item and kind, counting bursts, newest line first", () => {
    const lines = summarizeItemChanges([
      row(ben, "iPilot", "moved", 0),
      row(ben, "iPilot", "moved", 20), // same drag session
      row(ana, "iPilot", "edited", 30),
      row(ben, "iPilot", "moved", 200), // a second gesture
      row(ben, "iPilot", "moved", 500),
      row(ana, "iBeta", "moved", 100),
    ]);
    expect(brief(lines)).toEqual(["uBen moved iPilot ×3", "uAna moved iBeta ×1", "uAna edited iPilot ×1"]);
    expect(lines[0]!.at).toBe(at(500));
  });

  it("an item deleted since shows only who deleted it, with the title it had", () => {
    const lines = summarizeItemChanges([
      row(ben, "iLegacy", "moved", 0, "Legacy export"),
      row(ana, "iLegacy", "edited", 10, "Legacy export (old)"),
      row(ana, "iLegacy", "deleted", 20, "Legacy export (old)"),
    ]);
    expect(brief(lines)).toEqual(["uAna deleted iLegacy ×1"]);
    expect(lines[0]!.title).toBe("Legacy export (old)");
  });

  it("an item added and deleted since shows just the deletion", () => {
    expect(brief(summarizeItemChanges([row(ben, "iTmp", "added", 0), row(ben, "iTmp", "moved", 5), row(ana, "iTmp", "deleted", 9)]))).toEqual([
      "uAna deleted iTmp ×1",
    ]);
  });

  it("an item added since shows who added it, not the edits before the reader first saw it, under its latest title", () => {
    const lines = summarizeItemChanges([
      row(ben, "iNew", "added", 0, "New item"),
      row(ben, "iNew", "edited", 3, "Pilot onboarding"),
      row(ana, "iNew", "moved", 80, "Pilot onboarding"),
    ]);
    expect(brief(lines)).toEqual(["uBen added iNew ×1"]);
    expect(lines[0]!.title).toBe("Pilot onboarding");
  });

  it("a deletion someone undid (the item came back) is not reported as deleted", () => {
    const lines = summarizeItemChanges([row(ana, "iBack", "edited", 0), row(ana, "iBack", "deleted", 5), row(ben, "iBack", "added", 8)]);
    expect(brief(lines)).toEqual(["uBen added iBack ×1"]);
  });

  it("rows out of order are put in time order first", () => {
    expect(brief(summarizeItemChanges([row(ana, "iX", "deleted", 50), row(ben, "iX", "moved", 10)]))).toEqual(["uAna deleted iX ×1"]);
  });
});

describe("summarizeNewComments", () => {
  let n = 0;
  const comment = (authorId: UserId, seconds: number, deleted = false): CommentRecord => ({
    id: `c${++n}`,
    threadId: "",
    boardId: board,
    authorId,
    body: deleted ? null : "{}",
    text: deleted ? "" : "hello",
    createdAt: at(seconds),
    editedAt: null,
    deletedAt: deleted ? at(seconds + 1) : null,
  });
  const thread = (id: string, comments: CommentRecord[]): ThreadWithComments => ({
    id,
    boardId: board,
    anchor: { kind: "item", id: "iBeta" },
    anchorTitle: "Beta feedback",
    createdBy: comments[0]!.authorId,
    createdAt: comments[0]!.createdAt,
    resolvedAt: null,
    resolvedBy: null,
    comments: comments.map((c) => ({ ...c, threadId: id })),
  });

  it("counts others' comments after the visit per person and thread, newest first; leaves out the reader's, earlier and deleted ones", () => {
    const lines = summarizeNewComments(
      [
        thread("tOld", [comment(ana, -100), comment(ben, 10), comment(ben, 40), comment(reader, 50), comment(ben, 60, true)]),
        thread("tNew", [comment(ana, 70)]),
      ],
      at(0),
      reader,
    );
    expect(lines.map((l) => [l.actorId, l.threadId, l.count, l.at])).toEqual([
      [ana, "tNew", 1, at(70)],
      [ben, "tOld", 2, at(40)],
    ]);
    expect(lines[0]).toMatchObject({ anchor: { kind: "item", id: "iBeta" }, anchorTitle: "Beta feedback" });
  });
});
