import { describe, expect, it } from "vitest";
import { openCommentCounts } from "../../components/comments/useBoardThreads";
import { matchMembers } from "../../components/editor/matchMembers";
import type { ThreadView } from "../../lib/protocol/comments";

const people = [
  { id: "u1", name: "Ana Owner", email: "ana@x.dev" },
  { id: "u2", name: "Ben Editor", email: "ben@x.dev" },
  { id: "u3", name: "Dana Bennett", email: "dana@x.dev" },
];

describe("the @ menu offers members matching what was typed", () => {
  it("lists everyone, by name, for a bare @", () => {
    expect(matchMembers(people, "").map((m) => m.id)).toEqual(["u1", "u2", "u3"]);
  });
  it("puts names that start with the text before names that merely contain it", () => {
    expect(matchMembers(people, "ben").map((m) => m.id)).toEqual(["u2", "u3"]);
  });
  it("matches emails and ignores case", () => {
    expect(matchMembers(people, "DANA@").map((m) => m.id)).toEqual(["u3"]);
  });
  it("offers nobody when nothing matches", () => {
    expect(matchMembers(people, "zed")).toEqual([]);
  });
});

const person = { id: "u1" as ThreadView["createdBy"]["id"], name: "Ana" };
const thread = (id: string, anchor: ThreadView["anchor"], resolved: boolean, comments: { deleted?: boolean }[]): ThreadView => ({
  id,
  boardId: "b1" as ThreadView["boardId"],
  anchor,
  anchorTitle: "x",
  createdBy: person,
  createdAt: "2026-01-01T00:00:00.000Z",
  resolvedAt: resolved ? "2026-01-02T00:00:00.000Z" : null,
  resolvedBy: resolved ? person : null,
  comments: comments.map((c, i) => ({
    id: `${id}c${i}`,
    threadId: id,
    author: person,
    body: c.deleted ? null : { type: "doc", content: [{ type: "paragraph" }] },
    createdAt: "2026-01-01T00:00:00.000Z",
    editedAt: null,
    deletedAt: c.deleted ? "2026-01-01T00:00:00.000Z" : null,
  })),
});

describe("comment badges count the comments of open threads", () => {
  it("adds up open threads per anchor, leaving out deleted comments and resolved threads", () => {
    const counts = openCommentCounts([
      thread("t1", { kind: "item", id: "i1" }, false, [{}, {}, { deleted: true }]),
      thread("t2", { kind: "item", id: "i1" }, false, [{}]),
      thread("t3", { kind: "item", id: "i2" }, true, [{}]),
      thread("t4", { kind: "milestone", id: "m1" }, false, [{}]),
      thread("t5", { kind: "board" }, false, [{}]),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ i1: 3, m1: 1, board: 1 });
  });
  it("counts nothing before threads are loaded", () => {
    expect(openCommentCounts(null).size).toBe(0);
  });
});
