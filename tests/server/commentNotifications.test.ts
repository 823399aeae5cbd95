import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UserId } from "../../lib/model/ids";
import type { CommentAnchor, NotificationKind } from "../../lib/protocol/comments";
import { kindOf, mentioning, startCommentWorld, text, value, type CommentWorld } from "../helpers/commentWorld";
import { describeEachStorage } from "../helpers/storageBackends";

/**
 * Notifications and the inbox through the services of a real server: who hears of a comment and
 * why, never the actor, never twice for one comment, only current members; and the inbox.
 */
describeEachStorage("comment notifications and the inbox", (storage) => {
  let w: CommentWorld;
  beforeEach(async () => {
    w = await startCommentWorld(storage.serverConfig());
  });
  afterEach(async () => {
    await w.close();
  });

  const svc = () => w.s.services;
  const onItem = (): CommentAnchor => ({ kind: "item", id: w.itemId });
  const start = async (actor: UserId, body: unknown = text("First!"), anchor = onItem()) =>
    value(await svc().createThread(actor, w.board.id, { anchor, body }));
  /** Who holds a notification for the comment, and of which kind, by role name. */
  async function notified(commentId: string): Promise<Record<string, NotificationKind>> {
    const out: Record<string, NotificationKind> = {};
    for (const [who, id] of Object.entries(w.people)) {
      const mine = await w.s.store.listNotifications(id, 1_000);
      for (const n of mine) if (n.commentId === commentId) out[who] = n.kind;
    }
    return out;
  }

  describe("who is notified", () => {
    it("a new thread on an item notifies the members its owners name (by name, email or email's local part, any case and spacing), never the author", async () => {
      const thread = await start(w.people.owner, text("Kick-off next week?"));
      expect(await notified(thread.comments[0]!.id)).toEqual({ editor: "new-thread", commenter: "new-thread", viewer: "new-thread" });
      // An owner who starts a thread on their own item hears nothing of it.
      const own = await start(w.people.editor, text("Note to self"));
      expect(await notified(own.comments[0]!.id)).toEqual({ commenter: "new-thread", viewer: "new-thread" });
    });

    it("threads on milestones and on the board notify nobody but the mentioned", async () => {
      const onMilestone = await start(w.people.owner, text("Date ok?"), { kind: "milestone", id: w.milestoneId });
      const onBoard = await start(w.people.owner, mentioning(w.people.viewer, "Dev"), { kind: "board" });
      expect(await notified(onMilestone.comments[0]!.id)).toEqual({});
      expect(await notified(onBoard.comments[0]!.id)).toEqual({ viewer: "mention" });
    });

    it("a mention notifies the mentioned member once, as a mention even when they own the item; mentioning oneself notifies nobody", async () => {
      const thread = await start(w.people.owner, {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "mention", attrs: { id: w.people.editor, label: "Ben" } }, { type: "text", text: " and again " }] },
          { type: "paragraph", content: [{ type: "mention", attrs: { id: w.people.editor, label: "Ben" } }, { type: "mention", attrs: { id: w.people.owner, label: "me" } }] },
        ],
      });
      expect(await notified(thread.comments[0]!.id)).toEqual({ editor: "mention", commenter: "new-thread", viewer: "new-thread" });
      expect(await w.s.store.listNotifications(w.people.owner, 10)).toEqual([]);
    });

    it("a reply notifies the thread's starter and earlier authors whose comments stand, not the replier", async () => {
      const thread = await start(w.people.commenter, text("Question"), { kind: "board" });
      const ben = value(await svc().reply(w.people.editor, w.board.id, thread.id, { body: text("Answer") }));
      expect(await notified(ben.id)).toEqual({ commenter: "reply" });
      const dev = await w.s.createUser("Late Editor");
      await w.s.store.setRole(w.board.id, dev, "editor");
      const gone = value(await svc().reply(dev, w.board.id, thread.id, { body: text("Oops") }));
      await svc().deleteComment(dev, w.board.id, gone.id);
      const owner = value(await svc().reply(w.people.owner, w.board.id, thread.id, { body: mentioning(w.people.editor, "Ben") }));
      // Ben is both a participant and mentioned: one notice, as a mention. The late editor's comment is gone.
      expect(await notified(owner.id)).toEqual({ commenter: "reply", editor: "mention" });
    });

    it("people who left the board are not notified, even when they took part", async () => {
      const thread = await start(w.people.commenter, text("Question"), { kind: "board" });
      await svc().removeMember(w.people.commenter, w.board.id, w.people.commenter);
      const reply = value(await svc().reply(w.people.editor, w.board.id, thread.id, { body: text("Answer") }));
      expect(await notified(reply.id)).toEqual({});
    });

    it("an edit notifies only people it newly mentions, and nobody twice for one comment", async () => {
      const thread = await start(w.people.commenter, text("Question"), { kind: "board" });
      const reply = value(await svc().reply(w.people.editor, w.board.id, thread.id, { body: mentioning(w.people.viewer, "Dev") }));
      expect(await notified(reply.id)).toEqual({ commenter: "reply", viewer: "mention" });
      const both = {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: w.people.viewer } }, { type: "mention", attrs: { id: w.people.commenter } }, { type: "mention", attrs: { id: w.people.owner } }, { type: "text", text: " see this" }] }],
      };
      value(await svc().editComment(w.people.editor, w.board.id, reply.id, { body: both }));
      // Dev was mentioned already; Chen already heard of this comment as a reply; only the owner is new.
      expect(await notified(reply.id)).toEqual({ commenter: "reply", viewer: "mention", owner: "mention" });
      value(await svc().editComment(w.people.editor, w.board.id, reply.id, { body: both }));
      expect((await w.s.store.listNotifications(w.people.owner, 10)).length).toBe(1);
    });

    it("deleting a comment takes its notifications out of every inbox", async () => {
      const thread = await start(w.people.owner, mentioning(w.people.viewer, "Dev"));
      expect((await svc().inbox(w.people.viewer)).unread).toBe(1);
      expect(kindOf(await svc().deleteComment(w.people.owner, w.board.id, thread.comments[0]!.id))).toBe("ok");
      expect(await svc().inbox(w.people.viewer)).toEqual({ unread: 0, notifications: [] });
      expect(await notified(thread.comments[0]!.id)).toEqual({});
    });
  });

  describe("the inbox", () => {
    it("lists notifications newest first with board, anchor, actor and a short excerpt", async () => {
      const long = `${"Please review the pilot scope. ".repeat(8)}\n\nThanks`;
      await start(w.people.owner, text("First on the item"));
      const second = await start(w.people.editor, { type: "doc", content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: w.people.viewer } }, { type: "text", text: ` ${long}` }] }] }, { kind: "milestone", id: w.milestoneId });
      const inbox = await svc().inbox(w.people.viewer);
      expect(inbox.unread).toBe(2);
      expect(inbox.notifications.map((n) => [n.kind, n.anchor.kind, n.anchorTitle, n.actor.name, n.boardTitle])).toEqual([
        ["mention", "milestone", "Beta release", "Ben  Editor", "Comments board"],
        ["new-thread", "item", w.itemTitle, "Owner", "Comments board"],
      ]);
      const [top] = inbox.notifications;
      expect([top!.threadId, top!.commentId, top!.boardId, top!.readAt]).toEqual([second.id, second.comments[0]!.id, w.board.id, null]);
      expect(top!.excerpt.length).toBeLessThanOrEqual(140);
      expect(top!.excerpt).toMatch(/^@Dev Viewer Please review the pilot scope\. .*…$/);
      expect(top!.excerpt).not.toContain("\n");
      expect(inbox.notifications[1]!.excerpt).toBe("First on the item");
    });

    it("shows at most 100, counting every unread one", async () => {
      const thread = await start(w.people.commenter, text("Start"), { kind: "board" });
      for (let i = 0; i < 104; i++) await svc().reply(w.people.editor, w.board.id, thread.id, { body: text(`Reply ${i}`) });
      const inbox = await svc().inbox(w.people.commenter);
      expect(inbox.unread).toBe(104);
      expect(inbox.notifications).toHaveLength(100);
      expect(inbox.notifications[0]!.excerpt).toBe("Reply 103");
    });

    it("hides boards the user left, and the unread count with them", async () => {
      await start(w.people.owner, text("For the owners of the item"));
      expect((await svc().inbox(w.people.editor)).unread).toBe(1);
      await svc().removeMember(w.people.owner, w.board.id, w.people.editor);
      expect(await svc().inbox(w.people.editor)).toEqual({ unread: 0, notifications: [] });
      expect(await svc().markRead(w.people.editor, { all: true })).toEqual({ unread: 0 });
    });

    it("marks read by id (only the reader's own) or all at once", async () => {
      await start(w.people.owner, text("One"));
      await start(w.people.owner, text("Two"));
      await start(w.people.owner, text("Three"));
      const [a, b] = (await svc().inbox(w.people.editor)).notifications;
      const theirs = (await svc().inbox(w.people.commenter)).notifications[0]!;
      expect(await svc().markRead(w.people.editor, { ids: [a!.id, theirs.id] })).toEqual({ unread: 2 });
      expect((await svc().inbox(w.people.commenter)).unread).toBe(3);
      const after = (await svc().inbox(w.people.editor)).notifications;
      expect(after.map((n) => n.readAt !== null)).toEqual([true, false, false]);
      expect(after[0]!.id).toBe(a!.id);
      expect(await svc().markRead(w.people.editor, { ids: [b!.id] })).toEqual({ unread: 1 });
      expect(await svc().markRead(w.people.editor, { all: true })).toEqual({ unread: 0 });
      expect((await svc().inbox(w.people.commenter)).unread).toBe(3);
      // Junk the routes would refuse marks nothing.
      expect(await svc().markRead(w.people.commenter, { ids: [] })).toEqual({ unread: 3 });
    });
  });
});
