import { beforeEach, describe, expect, it } from "vitest";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../lib/model/ids";
import type { NotificationKind } from "../../../lib/protocol/comments";
import type { CommentRecord, NotificationRecord, ThreadRecord } from "../../../server/storage/commentStore";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

let counter = 0;
const nextId = (prefix: string) => `${prefix}${++counter}`;
/** Times a minute apart from a fixed start, so order by time is known; `same` repeats the last. */
let clock = 0;
const tick = (same = false) => new Date(Date.UTC(2030, 0, 1) + (same ? clock : ++clock) * 60_000).toISOString();

describeEachStorage("comment store", (backend) => {
  const t = freshStoreEachTest(backend);
  let board: BoardId;
  let owner: UserId, ben: UserId, chen: UserId;

  beforeEach(async () => {
    [owner, ben, chen] = [newUserId(), newUserId(), newUserId()];
    for (const [id, name] of [[owner, "Owner"], [ben, "Ben"], [chen, "Chen"]] as const) {
      await t.store.createUser({ id, email: `${id}@test.dev`, name, passwordHash: null });
    }
    board = newBoardId();
    await t.store.createOwnedBoard({ id: board, title: "Comments", ownerId: owner }, new Uint8Array([0]));
    await t.store.setRole(board, ben, "editor");
    await t.store.setRole(board, chen, "commenter");
  });

  const thread = (over: Partial<ThreadRecord> = {}): ThreadRecord => ({
    id: nextId("t"),
    boardId: board,
    anchor: { kind: "item", id: "item-1" },
    anchorTitle: "Online booking",
    createdBy: owner,
    createdAt: tick(),
    resolvedAt: null,
    resolvedBy: null,
    ...over,
  });
  const comment = (threadId: string, over: Partial<CommentRecord> = {}): CommentRecord => ({
    id: nextId("c"),
    threadId,
    boardId: board,
    authorId: owner,
    body: JSON.stringify({ type: "doc", content: [] }),
    text: "hello",
    createdAt: tick(),
    editedAt: null,
    deletedAt: null,
    ...over,
  });
  const notice = (c: CommentRecord, userId: UserId, kind: NotificationKind = "mention", over: Partial<NotificationRecord> = {}): NotificationRecord => ({
    id: nextId("n"),
    userId,
    boardId: c.boardId,
    threadId: c.threadId,
    commentId: c.id,
    kind,
    actorId: c.authorId,
    createdAt: c.createdAt,
    readAt: null,
    ...over,
  });
  async function started(over: Partial<ThreadRecord> = {}, notify: UserId[] = []) {
    const th = thread(over);
    const first = comment(th.id, { createdAt: th.createdAt, authorId: th.createdBy });
    const notices = notify.map((u) => notice(first, u, "new-thread"));
    await t.store.createThread(th, first, notices);
    return { th, first, notices };
  }

  describe("threads and comments", () => {
    it("a new thread is stored with its first comment and the notices it causes, all read back as written", async () => {
      const { th, first, notices } = await started({}, [ben]);
      expect(await t.store.getThread(board, th.id)).toEqual({ ...th, comments: [first] });
      expect(await t.store.getComment(board, first.id)).toEqual(first);
      expect(await t.store.listNotifications(ben, 10)).toEqual(notices);
      expect(await t.store.countUnread(ben)).toBe(1);
    });

    it("anchors on an item, a milestone and the board read back as written", async () => {
      const item = await started({ anchor: { kind: "item", id: "i-1" } });
      const milestone = await started({ anchor: { kind: "milestone", id: "m-1" } });
      const whole = await started({ anchor: { kind: "board" } });
      expect((await t.store.listThreads(board)).map((x) => x.anchor)).toEqual([item.th.anchor, milestone.th.anchor, whole.th.anchor]);
    });

    it("a thread whose notices cannot be stored is not stored either (one transaction)", async () => {
      const th = thread();
      const first = comment(th.id);
      const bad = notice(first, newUserId());
      await expect(t.store.createThread(th, first, [notice(first, ben), bad])).rejects.toThrow();
      expect(await t.store.getThread(board, th.id)).toBeNull();
      expect(await t.store.getComment(board, first.id)).toBeNull();
      expect(await t.store.listNotifications(ben, 10)).toEqual([]);
    });

    it("a reply whose notices cannot be stored is not stored either", async () => {
      const { th } = await started();
      const reply = comment(th.id);
      await expect(t.store.addComment(reply, [notice(reply, ben), notice(reply, newUserId())])).rejects.toThrow();
      expect((await t.store.getThread(board, th.id))!.comments).toHaveLength(1);
      expect(await t.store.countUnread(ben)).toBe(0);
    });

    it("threads and comments are listed oldest first; equal times keep the order they were written in", async () => {
      const a = await started();
      const b = await started({ createdAt: tick(true) });
      const replies = [comment(a.th.id, { createdAt: tick() }), comment(a.th.id, { createdAt: tick(true) }), comment(b.th.id)];
      for (const r of replies) await t.store.addComment(r, []);
      const listed = await t.store.listThreads(board);
      expect(listed.map((x) => x.id)).toEqual([a.th.id, b.th.id]);
      expect(listed[0]!.comments).toEqual([a.first, replies[0], replies[1]]);
      expect(listed[1]!.comments).toEqual([b.first, replies[2]]);
      expect(await t.store.getThread(board, a.th.id)).toEqual(listed[0]);
    });

    it("a thread or comment is found only on its own board", async () => {
      const { th, first } = await started();
      const other = newBoardId();
      await t.store.createOwnedBoard({ id: other, title: "Other", ownerId: owner }, new Uint8Array([0]));
      expect(await t.store.getThread(other, th.id)).toBeNull();
      expect(await t.store.getComment(other, first.id)).toBeNull();
      expect(await t.store.listThreads(other)).toEqual([]);
    });

    it("resolves and reopens a thread", async () => {
      const { th } = await started();
      const at = tick();
      await t.store.setThreadResolved(th.id, at, ben);
      expect(await t.store.getThread(board, th.id)).toMatchObject({ resolvedAt: at, resolvedBy: ben });
      await t.store.setThreadResolved(th.id, null, null);
      expect(await t.store.getThread(board, th.id)).toMatchObject({ resolvedAt: null, resolvedBy: null });
    });

    it("deleting a board deletes its threads, comments and notices", async () => {
      const { th, first } = await started({}, [ben]);
      await t.store.deleteBoard(board);
      expect(await t.store.getThread(board, th.id)).toBeNull();
      expect(await t.store.getComment(board, first.id)).toBeNull();
      expect(await t.store.countUnread(ben)).toBe(0);
    });
  });

  describe("edits and deletes", () => {
    it("an edit replaces body and text, stamps the time, and stores notices for people newly mentioned", async () => {
      const { th, first } = await started();
      const at = tick();
      const mention = notice(first, chen, "mention", { createdAt: at });
      await t.store.editComment(first.id, '{"type":"doc"}', "hi @Chen", at, [mention]);
      expect(await t.store.getComment(board, first.id)).toEqual({ ...first, body: '{"type":"doc"}', text: "hi @Chen", editedAt: at });
      expect(await t.store.listNotifications(chen, 10)).toEqual([mention]);
      expect((await t.store.getThread(board, th.id))!.comments[0]!.editedAt).toBe(at);
    });

    it("a comment deleted meanwhile stays deleted when an edit arrives, and the edit's notices are not written", async () => {
      const { first } = await started();
      await t.store.deleteComment(first.id, tick());
      await t.store.editComment(first.id, '{"type":"doc"}', "too late", tick(), [notice(first, chen)]);
      const stored = (await t.store.getComment(board, first.id))!;
      expect([stored.body, stored.text, stored.editedAt]).toEqual([null, "", null]);
      expect(await t.store.listNotifications(chen, 10)).toEqual([]);
    });

    it("deleting a comment keeps a placeholder, drops its notices and says whose they were", async () => {
      const { th, first } = await started({}, [ben, chen]);
      const reply = comment(th.id, { authorId: ben });
      await t.store.addComment(reply, [notice(reply, owner, "reply")]);
      const at = tick();
      expect((await t.store.deleteComment(first.id, at)).sort()).toEqual([ben, chen].sort());
      expect(await t.store.getComment(board, first.id)).toEqual({ ...first, body: null, text: "", deletedAt: at });
      expect(await t.store.countUnread(ben)).toBe(0);
      expect(await t.store.countUnread(owner)).toBe(1);
      // A second delete changes nothing and reports nobody.
      expect(await t.store.deleteComment(first.id, tick())).toEqual([]);
      expect((await t.store.getComment(board, first.id))!.deletedAt).toBe(at);
      expect((await t.store.getThread(board, th.id))!.comments.map((c) => c.id)).toEqual([first.id, reply.id]);
    });
  });

  describe("notifications", () => {
    it("a person gets at most one notice per comment: a second one (even another kind) is dropped, the first kept", async () => {
      const { th } = await started();
      const reply = comment(th.id, { authorId: ben });
      const first = notice(reply, owner, "reply");
      await t.store.addComment(reply, [first, notice(reply, owner, "mention")]);
      await t.store.editComment(reply.id, "{}", "edited", tick(), [notice(reply, owner, "mention"), notice(reply, chen, "mention")]);
      expect(await t.store.listNotifications(owner, 10)).toEqual([first]);
      expect(await t.store.countUnread(chen)).toBe(1);
    });

    it("the inbox lists newest first (equal times newest written first), up to the limit", async () => {
      const { th } = await started();
      const written: NotificationRecord[] = [];
      for (let i = 0; i < 4; i++) {
        const reply = comment(th.id, { authorId: ben, createdAt: i === 3 ? tick(true) : tick() });
        const n = notice(reply, owner, "reply");
        written.push(n);
        await t.store.addComment(reply, [n]);
      }
      expect(await t.store.listNotifications(owner, 10)).toEqual([...written].reverse());
      expect(await t.store.listNotifications(owner, 2)).toEqual([written[3], written[2]]);
      expect(await t.store.listNotifications(ben, 10)).toEqual([]);
    });

    it("notices from a board the person left drop out of the inbox and the unread count, and return if they rejoin", async () => {
      const { notices } = await started({}, [ben]);
      await t.store.removeMember(board, ben);
      expect(await t.store.listNotifications(ben, 10)).toEqual([]);
      expect(await t.store.countUnread(ben)).toBe(0);
      await t.store.setRole(board, ben, "viewer");
      expect(await t.store.listNotifications(ben, 10)).toEqual(notices);
    });

    it("marks chosen notices or all of them read, only the caller's own", async () => {
      const { th } = await started();
      const replies = [comment(th.id, { authorId: ben }), comment(th.id, { authorId: ben }), comment(th.id, { authorId: ben })];
      const mine = replies.map((r) => notice(r, owner, "reply"));
      const chens = notice(replies[0]!, chen, "mention");
      await t.store.addComment(replies[0]!, [mine[0]!, chens]);
      await t.store.addComment(replies[1]!, [mine[1]!]);
      await t.store.addComment(replies[2]!, [mine[2]!]);

      const at = tick();
      await t.store.markRead(owner, [mine[0]!.id, chens.id, "unknown"], at);
      expect(await t.store.countUnread(owner)).toBe(2);
      expect(await t.store.countUnread(chen)).toBe(1);
      await t.store.markRead(owner, "all", tick());
      const inbox = await t.store.listNotifications(owner, 10);
      expect(inbox.every((n) => n.readAt !== null)).toBe(true);
      // A notice already read keeps the time it was first read.
      expect(inbox.find((n) => n.id === mine[0]!.id)!.readAt).toBe(at);
      expect(await t.store.countUnread(owner)).toBe(0);
      expect(await t.store.countUnread(chen)).toBe(1);
      await t.store.markRead(owner, [], tick());
    });
  });
});
