import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_COMMENT_CHARS } from "../../lib/model/commentBody";
import type { BoardId, UserId } from "../../lib/model/ids";
import { deleteItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import type { CommentAnchor } from "../../lib/protocol/comments";
import { openRecordingSocket } from "../helpers/authSockets";
import { kindOf, mentioning, startCommentWorld, text, value, type CommentWorld } from "../helpers/commentWorld";
import { describeEachStorage } from "../helpers/storageBackends";
import { addItemUpdate, updateFrame } from "../helpers/frames";
import { connectClient, eventually } from "../helpers/syncClient";

/**
 * Threads and comments through the services of a real server (each store, sync server): who may do
 * what, that author and time are the server's, and that bad input changes nothing.
 */
describeEachStorage("comments through the services", (storage) => {
  let w: CommentWorld;
  beforeEach(async () => {
    w = await startCommentWorld(storage.serverConfig());
  });
  afterEach(async () => {
    await w.close();
  });

  const svc = () => w.s.services;
  const itemAnchor = (): CommentAnchor => ({ kind: "item", id: w.itemId });
  const start = async (actor: UserId, body: unknown = text("First!"), anchor = itemAnchor()) =>
    value(await svc().createThread(actor, w.board.id, { anchor, body }));
  const threads = async (actor: UserId = w.people.owner) => value(await svc().listThreads(actor, w.board.id));

  describe("author and time are the server's", () => {
    it("the actor is the author and the server clock the time, whatever the input carries", async () => {
      const before = new Date().toISOString();
      // Services take only anchor and body; extra keys a client slipped past a route are ignored.
      const forged = { anchor: itemAnchor(), body: text("Looks late"), author: w.people.owner, createdAt: "2001-01-01T00:00:00.000Z" };
      const thread = await start(w.people.commenter, forged.body, forged.anchor);
      const after = new Date().toISOString();
      const stored = (await w.s.store.getThread(w.board.id, thread.id))!;
      expect(stored.createdBy).toBe(w.people.commenter);
      expect(stored.comments[0]!.authorId).toBe(w.people.commenter);
      expect(thread.comments[0]!.author).toEqual({ id: w.people.commenter, name: "Chen Commenter" });
      for (const at of [stored.createdAt, stored.comments[0]!.createdAt]) {
        expect(at >= before && at <= after).toBe(true);
      }
      const reply = value(await svc().reply(w.people.editor, w.board.id, thread.id, { body: text("On it") }));
      expect(reply.author.id).toBe(w.people.editor);
      expect(reply.createdAt >= after).toBe(true);
    });
  });

  describe("who may comment", () => {
    it.each(["owner", "editor", "commenter"] as const)("a %s may start threads and reply", async (who) => {
      const thread = await start(w.people[who]);
      expect(kindOf(await svc().reply(w.people[who], w.board.id, thread.id, { body: text("More") }))).toBe("ok");
      expect((await threads())[0]!.comments).toHaveLength(2);
    });

    it("a viewer may read threads but not write (forbidden), and nothing is stored", async () => {
      const thread = await start(w.people.editor);
      expect(await threads(w.people.viewer)).toHaveLength(1);
      expect(kindOf(await svc().createThread(w.people.viewer, w.board.id, { anchor: itemAnchor(), body: text("Hi") }))).toBe("forbidden");
      expect(kindOf(await svc().reply(w.people.viewer, w.board.id, thread.id, { body: text("Hi") }))).toBe("forbidden");
      expect(kindOf(await svc().setThreadResolved(w.people.viewer, w.board.id, thread.id, true))).toBe("forbidden");
      expect(await w.s.store.listThreads(w.board.id)).toHaveLength(1);
      expect((await threads())[0]!.comments).toHaveLength(1);
    });

    it("a non-member gets not-found for every call, exactly like an unknown board", async () => {
      const thread = await start(w.people.editor);
      const commentId = thread.comments[0]!.id;
      const calls = (board: BoardId) => [
        svc().listThreads(w.people.stranger, board),
        svc().createThread(w.people.stranger, board, { anchor: { kind: "board" }, body: text("Hello") }),
        svc().reply(w.people.stranger, board, thread.id, { body: text("Hello") }),
        svc().editComment(w.people.stranger, board, commentId, { body: text("Mine now") }),
        svc().deleteComment(w.people.stranger, board, commentId),
        svc().setThreadResolved(w.people.stranger, board, thread.id, true),
      ];
      const onBoard = await Promise.all(calls(w.board.id));
      const onNothing = await Promise.all(calls("bNoSuchBoard0000" as BoardId));
      expect(onBoard.map((r) => (r.ok ? "ok" : r.error))).toEqual(onNothing.map((r) => (r.ok ? "ok" : r.error)));
      expect(onBoard.every((r) => !r.ok && r.error.kind === "not-found")).toBe(true);
      expect((await threads())[0]!.comments.map((c) => c.body)).toEqual([text("First!")]);
    });

    it("a commenter's comment is accepted while their websocket writes to the roadmap are still refused", async () => {
      const socket = await openRecordingSocket(`${w.s.wsUrl}/${w.board.id}?token=${w.s.tokenFor(w.people.commenter, w.board.id)}`);
      socket.ws.send(updateFrame(addItemUpdate("iCommenterSneak", "Commenter's item")));
      // Refused by the room: counted, never applied (the read-only notice came already on joining).
      await eventually(() => expect(w.s.sync.registry.loaded(w.board.id)?.refusedWrites).toBe(1));
      expect(socket.kinds().some((k) => k.type === 2 && /read-only/.test(k.reason ?? ""))).toBe(true);
      expect(kindOf(await svc().createThread(w.people.commenter, w.board.id, { anchor: itemAnchor(), body: text("I may say this") }))).toBe("ok");
      expect((await w.s.sync.readSnapshot(w.board.id)).items.map((i) => i.title)).toEqual([w.itemTitle]);
      expect((await threads())[0]!.comments[0]!.author.id).toBe(w.people.commenter);
      socket.ws.close();
    });
  });

  describe("anchors", () => {
    it("threads hang on an item, a milestone or the board, titled from the board", async () => {
      await start(w.people.editor, text("On the item"));
      await start(w.people.editor, text("On the milestone"), { kind: "milestone", id: w.milestoneId });
      await start(w.people.editor, text("On the board"), { kind: "board" });
      expect((await threads()).map((t) => [t.anchor.kind, t.anchorTitle])).toEqual([
        ["item", w.itemTitle],
        ["milestone", "Beta release"],
        ["board", "Comments board"],
      ]);
    });

    it.each([
      ["item", { kind: "item", id: "iNoSuchItem00000" }, "not-found", /no such item/],
      ["milestone", { kind: "milestone", id: "mNoSuchMilestone" }, "not-found", /no such milestone/],
      ["anchor kind", { kind: "lane", id: "lAnyLane" }, "invalid", /anchor/],
      ["anchor id", { kind: "item", id: "../etc" }, "invalid", /anchor/],
    ])("an unknown %s is refused and nothing is stored", async (_what, anchor, kind, message) => {
      const result = await svc().createThread(w.people.editor, w.board.id, { anchor: anchor as CommentAnchor, body: text("Where?") });
      expect(result.ok ? "ok" : result.error.kind).toBe(kind);
      expect(result.ok ? "" : result.error.message).toMatch(message);
      expect(await w.s.store.listThreads(w.board.id)).toEqual([]);
    });

    it("a thread on an item someone then deletes stays listed, with the item's title", async () => {
      const thread = await start(w.people.commenter, text("Is this still needed?"));
      const owner = connectClient(w.s.wsUrl, w.board.id, { token: w.board.token });
      await owner.synced;
      deleteItem(owner.doc, createOrigin("local", "owner"), w.itemId);
      await eventually(async () => expect((await w.s.sync.readSnapshot(w.board.id)).items).toEqual([]));
      const listed = await threads(w.people.viewer);
      expect(listed.map((t) => [t.id, t.anchor, t.anchorTitle])).toEqual([[thread.id, itemAnchor(), w.itemTitle]]);
      expect(kindOf(await svc().reply(w.people.editor, w.board.id, thread.id, { body: text("No, it went") }))).toBe("ok");
      // New threads need the item to exist (the room is loaded now: its live document decides).
      expect(kindOf(await svc().createThread(w.people.editor, w.board.id, { anchor: itemAnchor(), body: text("Hello?") }))).toBe("not-found");
      owner.destroy();
    });
  });

  describe("unknown records", () => {
    it("unknown thread and comment ids, and ids of another board, are not-found", async () => {
      const thread = await start(w.people.editor);
      const other = await w.s.boards.createBoard({ title: "Other" });
      await w.s.store.setRole(other.id, w.people.editor, "owner");
      const commentId = thread.comments[0]!.id;
      for (const [board, threadId, id] of [
        [w.board.id, "tNoSuchThread", "cNoSuchComment"],
        [other.id, thread.id, commentId],
      ] as const) {
        expect(kindOf(await svc().reply(w.people.editor, board, threadId, { body: text("?") }))).toBe("not-found");
        expect(kindOf(await svc().setThreadResolved(w.people.editor, board, threadId, true))).toBe("not-found");
        expect(kindOf(await svc().editComment(w.people.editor, board, id, { body: text("?") }))).toBe("not-found");
        expect(kindOf(await svc().deleteComment(w.people.editor, board, id))).toBe("not-found");
      }
      expect((await threads())[0]!.comments).toHaveLength(1);
      expect((await threads())[0]!.resolvedAt).toBeNull();
    });
  });

  describe("bad bodies", () => {
    const long = "x".repeat(MAX_COMMENT_CHARS + 1);
    it.each([
      ["no body", undefined, /holds something comments cannot/],
      ["a string", "just text", /holds something comments cannot/],
      ["an empty document", { type: "doc", content: [{ type: "paragraph" }] }, /empty/],
      ["only spaces and breaks", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "   " }, { type: "hardBreak" }] }] }, /empty/],
      ["an oversized text", text(`${"x".repeat(1_000)}\n`.repeat(Math.ceil(MAX_COMMENT_CHARS / 1_000) + 1)), /^This comment is 6,005 characters long; a comment can have at most 5,000\. Shorten it by 1,005\.$/],
      ["an oversized document", text(`${"x".repeat(4_000)}\n`.repeat(11)), /too long: with its formatting it takes more than 40,000 bytes/],
      ["an overlong text node", text(long), /^This comment is 5,001 characters long; a comment can have at most 5,000\. Shorten it by 1\.$/],
      ["an unknown node type", { type: "doc", content: [{ type: "image", attrs: { src: "https://x.test/a.png" } }] }, /holds something comments cannot/],
      [
        "a javascript: link",
        { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
        /^Links must start with http:\/\/, https:\/\/ or mailto:\.$/,
      ],
    ])("%s is invalid with a reason, and nothing is stored or changed", async (_what, body, message) => {
      const thread = await start(w.people.editor, text("Original"));
      const results = [
        await svc().createThread(w.people.editor, w.board.id, { anchor: itemAnchor(), body }),
        await svc().reply(w.people.editor, w.board.id, thread.id, { body }),
        await svc().editComment(w.people.editor, w.board.id, thread.comments[0]!.id, { body }),
      ];
      for (const r of results) {
        expect(kindOf(r)).toBe("invalid");
        expect(r.ok ? "" : r.error.message).toMatch(message);
      }
      const [only] = await threads();
      expect(only!.comments.map((c) => [c.body, c.editedAt])).toEqual([[text("Original"), null]]);
      expect(await w.s.store.listThreads(w.board.id)).toHaveLength(1);
    });
  });

  describe("mentions", () => {
    it("a mention of someone who is not a member is invalid, and nothing is stored", async () => {
      const result = await svc().createThread(w.people.editor, w.board.id, { anchor: itemAnchor(), body: mentioning(w.people.stranger, "Sam") });
      expect(result.ok ? "" : result.error.message).toBe("You can only @mention members of this board.");
      expect(await w.s.store.listThreads(w.board.id)).toEqual([]);
      expect(await w.s.store.listNotifications(w.people.stranger, 10)).toEqual([]);
    });

    it("an edit may keep a mention of someone who has left since, under the name they had", async () => {
      const thread = await start(w.people.editor, mentioning(w.people.viewer, "Dev"));
      await w.s.store.removeMember(w.board.id, w.people.viewer);
      const edited = value(await svc().editComment(w.people.editor, w.board.id, thread.comments[0]!.id, { body: mentioning(w.people.viewer, "Someone", " fixed typo") }));
      expect(JSON.stringify(edited.body)).toContain('"label":"Dev Viewer"');
      // Adding a mention of someone not on the board is still refused.
      const r = await svc().editComment(w.people.editor, w.board.id, thread.comments[0]!.id, { body: mentioning(w.people.stranger, "Sam") });
      expect(r.ok ? "" : r.error.message).toBe("You can only @mention members of this board.");
    });

    it("the label a client claims is replaced by the member's name", async () => {
      const thread = await start(w.people.editor, mentioning(w.people.commenter, "The CEO"));
      const stored = JSON.stringify(thread.comments[0]!.body);
      expect(stored).toContain('"label":"Chen Commenter"');
      expect(stored).not.toContain("The CEO");
      expect((await w.s.store.getThread(w.board.id, thread.id))!.comments[0]!.text).toBe("@Chen Commenter can you check?");
    });
  });

  describe("editing and deleting", () => {
    it("authors edit their own comments; nobody else may, not even an owner", async () => {
      const thread = await start(w.people.commenter, text("Frist"));
      const id = thread.comments[0]!.id;
      for (const who of ["editor", "owner", "viewer"] as const) {
        const r = await svc().editComment(w.people[who], w.board.id, id, { body: text(`${who} was here`) });
        expect(r.ok ? "ok" : r.error.message).toBe("you can only edit your own comments");
      }
      const edited = value(await svc().editComment(w.people.commenter, w.board.id, id, { body: text("First") }));
      expect(edited.body).toEqual(text("First"));
      expect(edited.editedAt).not.toBeNull();
      expect((await threads())[0]!.comments[0]!.body).toEqual(text("First"));
    });

    it("an author who is now a viewer may no longer edit or delete their comment", async () => {
      const thread = await start(w.people.commenter);
      await w.s.store.setRole(w.board.id, w.people.commenter, "viewer");
      const id = thread.comments[0]!.id;
      expect(kindOf(await svc().editComment(w.people.commenter, w.board.id, id, { body: text("Changed") }))).toBe("forbidden");
      expect(kindOf(await svc().deleteComment(w.people.commenter, w.board.id, id))).toBe("forbidden");
    });

    it("authors delete their own comments, owners any; others may not; a deleted comment stays as a placeholder", async () => {
      const thread = await start(w.people.commenter, text("Mine"));
      const reply = value(await svc().reply(w.people.editor, w.board.id, thread.id, { body: text("Ben's") }));
      const mine = thread.comments[0]!.id;
      expect(kindOf(await svc().deleteComment(w.people.editor, w.board.id, mine))).toBe("forbidden");
      expect(kindOf(await svc().deleteComment(w.people.commenter, w.board.id, reply.id))).toBe("forbidden");
      expect(kindOf(await svc().deleteComment(w.people.commenter, w.board.id, mine))).toBe("ok");
      expect(kindOf(await svc().deleteComment(w.people.owner, w.board.id, reply.id))).toBe("ok");
      // Both gone: the thread has nothing left to say and leaves the list.
      expect(await threads()).toEqual([]);
      const stored = (await w.s.store.getThread(w.board.id, thread.id))!;
      expect(stored.comments.map((c) => [c.body, c.text, c.deletedAt !== null])).toEqual([
        [null, "", true],
        [null, "", true],
      ]);
      expect(kindOf(await svc().deleteComment(w.people.owner, w.board.id, mine))).toBe("not-found");
      expect(kindOf(await svc().editComment(w.people.commenter, w.board.id, mine, { body: text("Back") }))).toBe("not-found");
      expect(kindOf(await svc().reply(w.people.editor, w.board.id, thread.id, { body: text("Hello?") }))).toBe("not-found");
    });

    it("a deleted comment among others shows as a placeholder without its words", async () => {
      const thread = await start(w.people.commenter, text("Secret plan"));
      await svc().reply(w.people.editor, w.board.id, thread.id, { body: text("Noted") });
      await svc().deleteComment(w.people.commenter, w.board.id, thread.comments[0]!.id);
      const [listed] = await threads(w.people.viewer);
      expect(listed!.comments.map((c) => [c.author.name, c.body === null, c.deletedAt !== null])).toEqual([
        ["Chen Commenter", true, true],
        ["Ben  Editor", false, false],
      ]);
      expect(JSON.stringify(listed)).not.toContain("Secret plan");
    });
  });

  describe("resolving", () => {
    it("the starter, editors and owners may resolve and reopen; another commenter may not", async () => {
      const other = (await w.s.createUser("Other Commenter")) as UserId;
      await w.s.store.setRole(w.board.id, other, "commenter");
      const thread = await start(w.people.commenter);
      expect(kindOf(await svc().setThreadResolved(other, w.board.id, thread.id, true))).toBe("forbidden");
      const resolved = value(await svc().setThreadResolved(w.people.commenter, w.board.id, thread.id, true));
      expect(resolved.resolvedBy).toEqual({ id: w.people.commenter, name: "Chen Commenter" });
      expect(resolved.resolvedAt).not.toBeNull();
      for (const who of ["editor", "owner"] as const) {
        expect(value(await svc().setThreadResolved(w.people[who], w.board.id, thread.id, false)).resolvedAt).toBeNull();
        expect(value(await svc().setThreadResolved(w.people[who], w.board.id, thread.id, true)).resolvedBy!.id).toBe(w.people[who]);
      }
    });

    it("resolving twice keeps the first resolution; replying to a resolved thread leaves it resolved", async () => {
      const thread = await start(w.people.editor);
      const first = value(await svc().setThreadResolved(w.people.editor, w.board.id, thread.id, true));
      const again = value(await svc().setThreadResolved(w.people.owner, w.board.id, thread.id, true));
      expect([again.resolvedAt, again.resolvedBy]).toEqual([first.resolvedAt, first.resolvedBy]);
      expect(kindOf(await svc().reply(w.people.commenter, w.board.id, thread.id, { body: text("One more thing") }))).toBe("ok");
      const [listed] = await threads();
      expect([listed!.resolvedAt, listed!.comments.length]).toEqual([first.resolvedAt, 2]);
    });
  });

  describe("reading from the stored board when nobody has it open", () => {
    it("the anchor check replays the stored log", async () => {
      expect(w.s.sync.registry.loaded(w.board.id)).toBeUndefined();
      const snapshot = await w.s.sync.readSnapshot(w.board.id);
      expect(snapshot.items.map((i) => i.id)).toEqual([w.itemId]);
      const doc = new Y.Doc();
      for (const u of (await w.s.store.loadUpdates(w.board.id)).updates) Y.applyUpdate(doc, u);
      expect(snapshot).toEqual(readSnapshot(doc));
    });
  });
});
