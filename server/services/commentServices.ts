import { randomBytes } from "node:crypto";
import { commentText, inlineNodes, mentionedIds, parseCommentBody, relabelMentions, type CommentBody } from "../../lib/model/commentBody";
import type { BoardId, UserId } from "../../lib/model/ids";
import { ok } from "../../lib/model/result";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { AppServices, ServiceResult } from "../../lib/protocol/appServices";
import { commentAnchorSchema, type CommentAnchor } from "../../lib/protocol/comments";
import { canComment, canEditRoadmap, canManageBoard, type Role } from "../../lib/protocol/roles";
import type { LivePublisher } from "../events/liveEvents";
import type { MemberRecord } from "../storage/accountStore";
import type { CommentRecord, NotificationRecord } from "../storage/commentStore";
import type { Storage } from "../storage/storage";
import { notificationRecipients, threadParticipants, type Recipient } from "./commentNotifications";
import { isVisible, namePeople, peopleIn, storedBody, toCommentView, toThreadView } from "./commentViews";
import { pushUnread } from "./inboxServices";
import { boardNotFound, fail } from "./serviceErrors";

export interface CommentServiceDeps {
  storage: Storage;
  roleOf(actor: UserId, boardId: BoardId): Promise<Role | null>;
  /** The board's document as plain data: which items and milestones exist, their titles and owners. */
  readSnapshot(boardId: BoardId): Promise<BoardSnapshot>;
  live: LivePublisher;
  now: () => Date;
  /** Mails mentions and replies after the write (see commentMailer); absent = inbox only. */
  mailNotices?: (boardId: BoardId, actor: UserId, recipients: Recipient[], comment: CommentRecord) => void;
}

type CommentServices = Pick<AppServices, "listThreads" | "createThread" | "reply" | "editComment" | "deleteComment" | "setThreadResolved">;

/** Opaque, unguessable record ids (they appear in URLs). */
const newRecordId = () => randomBytes(12).toString("base64url");

const READ_ONLY = "viewers may read comments but not write them; ask an owner for the commenter role";

/** A body the server will store: parsed, mentions checked against the members and labelled with their names. */
interface PreparedBody {
  json: string;
  text: string;
  mentioned: UserId[];
  members: MemberRecord[];
}

/**
 * Threads and comments. Comments live in the server's database, never in the board document,
 * so writing one needs only the commenter role and cannot touch the roadmap. Every call checks
 * the actor's role itself; author and time are always the actor and the server clock.
 */
export function commentServices({ storage, roleOf, readSnapshot, live, now, mailNotices }: CommentServiceDeps): CommentServices {
  /** The actor's role on the board: not-found for non-members, forbidden when writing without the right to comment. */
  async function access(actor: UserId, boardId: BoardId, writing: boolean): Promise<ServiceResult<Role>> {
    const role = await roleOf(actor, boardId);
    if (!role) return boardNotFound();
    if (writing && !canComment(role)) return fail("forbidden", READ_ONLY);
    return ok(role);
  }

  /**
   * `previous` is the body an edit replaces: its mentions may stay even if the person has left
   * the board since (with the name they had then), so an old comment can still be corrected.
   */
  async function prepareBody(boardId: BoardId, input: unknown, previous?: CommentBody | null): Promise<ServiceResult<PreparedBody>> {
    const parsed = parseCommentBody(input);
    if (!parsed.ok) return fail("invalid", parsed.error);
    const members = await storage.listMembers(boardId);
    const labels = new Map<string, string>();
    for (const node of previous ? inlineNodes(previous) : []) if (node.type === "mention") labels.set(node.attrs.id, node.attrs.label ?? node.attrs.id);
    // The label a client sent is only a hint: readers see the member's name as the server knows it.
    for (const m of members) labels.set(m.userId, m.name || m.email);
    const mentioned = mentionedIds(parsed.body);
    if (mentioned.some((id) => !labels.has(id))) return fail("invalid", "You can only @mention members of this board.");
    const body = relabelMentions(parsed.body, (id) => labels.get(id)!);
    return ok({ json: JSON.stringify(body), text: commentText(body), mentioned: mentioned as UserId[], members });
  }

  async function anchorFacts(boardId: BoardId, anchor: CommentAnchor): Promise<ServiceResult<{ title: string; owners: string[] }>> {
    if (anchor.kind === "board") {
      const board = await storage.getBoard(boardId);
      return board ? ok({ title: board.title, owners: [] }) : boardNotFound();
    }
    const snapshot = await readSnapshot(boardId);
    if (anchor.kind === "item") {
      const item = snapshot.items.find((i) => i.id === anchor.id);
      return item ? ok({ title: item.title.trim() || "Untitled item", owners: item.owners }) : fail("not-found", "no such item");
    }
    const milestone = snapshot.milestones.find((m) => m.id === anchor.id);
    return milestone ? ok({ title: milestone.title.trim() || "Untitled milestone", owners: [] }) : fail("not-found", "no such milestone");
  }

  const notificationsFor = (recipients: Recipient[], comment: CommentRecord): NotificationRecord[] =>
    recipients.map((r) => ({
      id: newRecordId(),
      userId: r.userId,
      boardId: comment.boardId,
      threadId: comment.threadId,
      commentId: comment.id,
      kind: r.kind,
      actorId: comment.authorId,
      createdAt: comment.editedAt ?? comment.createdAt,
      readAt: null,
    }));

  /** After a committed write: the board's readers refetch threads, the notified refetch their inboxes. */
  async function announce(boardId: BoardId, notified: Iterable<UserId>): Promise<void> {
    live.publishToBoard(boardId, { type: "threads", boardId });
    await pushUnread(storage, live, notified);
  }

  /** A thread the board holds and readers can see (a thread whose comments are all deleted is gone). */
  async function visibleThread(boardId: BoardId, threadId: string) {
    const thread = await storage.getThread(boardId, threadId);
    return thread && isVisible(thread) ? ok(thread) : fail("not-found", "no such thread");
  }

  /** A comment on the board that has not been deleted. */
  async function liveComment(boardId: BoardId, commentId: string) {
    const comment = await storage.getComment(boardId, commentId);
    return comment && !comment.deletedAt ? ok(comment) : fail("not-found", "no such comment");
  }

  async function threadView(boardId: BoardId, threadId: string) {
    const thread = await storage.getThread(boardId, threadId);
    if (!thread) return fail("not-found", "no such thread");
    return ok(toThreadView(thread, await namePeople(storage, peopleIn(thread))));
  }

  return {
    async listThreads(actor, boardId) {
      const role = await access(actor, boardId, false);
      if (!role.ok) return role;
      const threads = (await storage.listThreads(boardId)).filter(isVisible);
      const people = await namePeople(storage, threads.flatMap(peopleIn));
      return ok(threads.map((t) => toThreadView(t, people)));
    },

    async createThread(actor, boardId, input) {
      const role = await access(actor, boardId, true);
      if (!role.ok) return role;
      const anchor = commentAnchorSchema.safeParse(input?.anchor);
      if (!anchor.success) return fail("invalid", "anchor must be the board, an item or a milestone");
      const body = await prepareBody(boardId, input.body);
      if (!body.ok) return body;
      const facts = await anchorFacts(boardId, anchor.data);
      if (!facts.ok) return facts;
      const at = now().toISOString();
      const threadId = newRecordId();
      const thread = { id: threadId, boardId, anchor: anchor.data, anchorTitle: facts.value.title, createdBy: actor, createdAt: at, resolvedAt: null, resolvedBy: null };
      const first: CommentRecord = { id: newRecordId(), threadId, boardId, authorId: actor, body: body.value.json, text: body.value.text, createdAt: at, editedAt: null, deletedAt: null };
      const recipients = notificationRecipients({
        actor,
        members: body.value.members,
        mentioned: body.value.mentioned,
        itemOwners: anchor.data.kind === "item" ? facts.value.owners : [],
      });
      await storage.createThread(thread, first, notificationsFor(recipients, first));
      await announce(boardId, recipients.map((r) => r.userId));
      mailNotices?.(boardId, actor, recipients, first);
      return threadView(boardId, threadId);
    },

    async reply(actor, boardId, threadId, input) {
      const role = await access(actor, boardId, true);
      if (!role.ok) return role;
      const thread = await visibleThread(boardId, threadId);
      if (!thread.ok) return thread;
      const body = await prepareBody(boardId, input?.body);
      if (!body.ok) return body;
      // Replying to a resolved thread is allowed: reopening it is a separate decision.
      const comment: CommentRecord = {
        id: newRecordId(),
        threadId,
        boardId,
        authorId: actor,
        body: body.value.json,
        text: body.value.text,
        createdAt: now().toISOString(),
        editedAt: null,
        deletedAt: null,
      };
      const recipients = notificationRecipients({
        actor,
        members: body.value.members,
        mentioned: body.value.mentioned,
        participants: threadParticipants(thread.value),
      });
      await storage.addComment(comment, notificationsFor(recipients, comment));
      await announce(boardId, recipients.map((r) => r.userId));
      mailNotices?.(boardId, actor, recipients, comment);
      return ok(toCommentView(comment, await namePeople(storage, [actor])));
    },

    async editComment(actor, boardId, commentId, input) {
      const role = await access(actor, boardId, false);
      if (!role.ok) return role;
      const comment = await liveComment(boardId, commentId);
      if (!comment.ok) return comment;
      if (comment.value.authorId !== actor) return fail("forbidden", "you can only edit your own comments");
      if (!canComment(role.value)) return fail("forbidden", READ_ONLY);
      const old = storedBody(comment.value.body);
      const body = await prepareBody(boardId, input?.body, old);
      if (!body.ok) return body;
      const before = old ? mentionedIds(old) : [];
      const edited: CommentRecord = { ...comment.value, body: body.value.json, text: body.value.text, editedAt: now().toISOString() };
      // Only people the edit newly mentions hear of it (and the store keeps one notice per person per comment).
      const recipients = notificationRecipients({
        actor,
        members: body.value.members,
        mentioned: body.value.mentioned.filter((id) => !before.includes(id)),
      });
      await storage.editComment(commentId, edited.body!, edited.text, edited.editedAt!, notificationsFor(recipients, edited));
      await announce(boardId, recipients.map((r) => r.userId));
      mailNotices?.(boardId, actor, recipients, edited);
      return ok(toCommentView(edited, await namePeople(storage, [actor])));
    },

    async deleteComment(actor, boardId, commentId) {
      const role = await access(actor, boardId, false);
      if (!role.ok) return role;
      const comment = await liveComment(boardId, commentId);
      if (!comment.ok) return comment;
      const mine = comment.value.authorId === actor && canComment(role.value);
      if (!mine && !canManageBoard(role.value)) return fail("forbidden", "you can only delete your own comments (owners may delete any)");
      const dropped = await storage.deleteComment(commentId, now().toISOString());
      await announce(boardId, dropped);
      return ok(undefined);
    },

    async setThreadResolved(actor, boardId, threadId, resolved) {
      const role = await access(actor, boardId, true);
      if (!role.ok) return role;
      const thread = await visibleThread(boardId, threadId);
      if (!thread.ok) return thread;
      if (!canEditRoadmap(role.value) && thread.value.createdBy !== actor) {
        return fail("forbidden", "only the thread's starter, editors and owners may resolve or reopen it");
      }
      if (typeof resolved !== "boolean") return fail("invalid", "resolved must be true or false");
      // Resolving a resolved thread keeps who resolved it first and when.
      if ((thread.value.resolvedAt !== null) !== resolved) {
        await storage.setThreadResolved(threadId, resolved ? now().toISOString() : null, resolved ? actor : null);
        await announce(boardId, []);
      }
      return threadView(boardId, threadId);
    },
  };
}
