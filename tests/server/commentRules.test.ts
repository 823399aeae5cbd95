import { describe, expect, it } from "vitest";
import { ownerKey } from "../../lib/derive/conflicts/people";
import type { BoardId, UserId } from "../../lib/model/ids";
import { isOwnerOf, notificationRecipients, threadParticipants } from "../../server/services/commentNotifications";
import { FORMER_MEMBER, namePeople, toThreadView } from "../../server/services/commentViews";
import { excerptOf } from "../../server/services/inboxServices";
import type { CommentRecord, ThreadWithComments } from "../../server/storage/commentStore";

/** The pure rules behind notifications and views, without a server. */
const u = (s: string) => s as UserId;
const member = (id: string, name: string, email: string) => ({ userId: u(id), name, email });
const MEMBERS = [member("ana", "Ana Lima", "ana@x.dev"), member("ben", "Ben  Ode", "b.ode@x.dev"), member("cy", "Cy", "cy@x.dev")];

describe("matching item owners to members", () => {
  it.each([
    ["name, other case and spacing", " ana   LIMA ", true],
    ["email", "B.ODE@x.dev", true],
    ["email's local part", "b.ode", true],
    ["a part of the name alone", "Lima", false],
    ["blank", "   ", false],
  ])("by %s", (_how, owner, matches) => {
    const keys = new Set([ownerKey(owner)].filter((k) => k !== ""));
    expect(MEMBERS.some((m) => isOwnerOf(m, keys))).toBe(matches);
  });
});

describe("notificationRecipients", () => {
  it("mention beats reply beats new-thread; each person once; never the actor; members only", () => {
    expect(
      notificationRecipients({
        actor: u("ana"),
        members: MEMBERS,
        mentioned: ["ben", "ana", "ben", "ghost"],
        participants: [u("ana"), u("ben"), u("cy"), u("gone")],
        itemOwners: ["cy", "ana lima", "b.ode"],
      }),
    ).toEqual([
      { userId: "ben", kind: "mention" },
      { userId: "cy", kind: "reply" },
    ]);
  });

  it("item owners hear of a new thread", () => {
    expect(notificationRecipients({ actor: u("cy"), members: MEMBERS, mentioned: [], itemOwners: ["Ana Lima", "cy@x.dev"] })).toEqual([
      { userId: "ana", kind: "new-thread" },
    ]);
  });
});

const comment = (id: string, authorId: string, deleted = false): CommentRecord => ({
  id,
  threadId: "t1",
  boardId: "b1" as BoardId,
  authorId: u(authorId),
  body: deleted ? null : JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: id }] }] }),
  text: deleted ? "" : id,
  createdAt: "2030-01-01T00:00:00.000Z",
  editedAt: null,
  deletedAt: deleted ? "2030-01-02T00:00:00.000Z" : null,
});
const thread = (comments: CommentRecord[]): ThreadWithComments => ({
  id: "t1",
  boardId: "b1" as BoardId,
  anchor: { kind: "board" },
  anchorTitle: "Board",
  createdBy: u("ana"),
  createdAt: "2030-01-01T00:00:00.000Z",
  resolvedAt: null,
  resolvedBy: null,
  comments,
});

describe("threadParticipants", () => {
  it("is the starter (even when their comment is gone) and authors of standing comments", () => {
    expect(threadParticipants(thread([comment("c1", "ana", true), comment("c2", "ben"), comment("c3", "cy", true), comment("c4", "ben")]))).toEqual(["ana", "ben"]);
  });
});

describe("views", () => {
  it("people whose account is gone are a former member; the rest by name, or email when nameless", async () => {
    const users: Record<string, { name: string; email: string } | undefined> = { ana: { name: "Ana", email: "ana@x.dev" }, ben: { name: "", email: "ben@x.dev" } };
    const people = await namePeople({ getUser: async (id) => (users[id] ? { id, createdAt: "", ...users[id] } : null) }, [u("ana"), u("ben"), u("gone"), u("ana")]);
    expect([...people.values()]).toEqual([
      { id: "ana", name: "Ana" },
      { id: "ben", name: "ben@x.dev" },
      { id: "gone", name: FORMER_MEMBER },
    ]);
    const view = toThreadView(thread([comment("c1", "gone"), comment("c2", "ana", true)]), people);
    expect(view.comments.map((c) => [c.author.name, c.body === null])).toEqual([
      [FORMER_MEMBER, false],
      ["Ana", true],
    ]);
  });
});

describe("excerptOf", () => {
  it("puts the text on one line and cuts it to 140 characters with an ellipsis", () => {
    expect(excerptOf("  Hello\n\nworld  ")).toBe("Hello world");
    const cut = excerptOf("word ".repeat(100));
    expect(cut.length).toBeLessThanOrEqual(140);
    expect(cut.endsWith("…")).toBe(true);
    expect(excerptOf("x".repeat(140))).toBe("x".repeat(140));
  });

  it("drops controls and bidi overrides (a proposal's reason could make the inbox line read backwards) and never splits a surrogate pair", () => {
    expect(excerptOf("Proposed: move.\nWhy\u202E gnol oot\u0000\u0007 ok")).toBe("Proposed: move. Why gnol oot ok");
    const cut = excerptOf(`a${"😀".repeat(100)}`);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(cut.length).toBeLessThanOrEqual(140);
  });
});
