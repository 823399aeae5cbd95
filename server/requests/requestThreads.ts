import { randomBytes } from "node:crypto";
import { commentBodyFromText, commentText } from "../../lib/model/commentBody";
import type { BoardId, UserId } from "../../lib/model/ids";
import type { NotificationKind } from "../../lib/protocol/comments";
import type { LivePublisher } from "../events/liveEvents";
import { threadParticipants } from "../services/commentNotifications";
import { pushUnread } from "../services/inboxServices";
import type { CommentRecord, NotificationRecord } from "../storage/commentStore";
import type { DependencyRequestRecord } from "../storage/dependencyRequestStore";
import type { Storage } from "../storage/storage";

const newRecordId = () => randomBytes(12).toString("base64url");

/**
 * A dependency request's conversation is a comment thread on the item that needs it (docs/teams.md):
 * the request starts it, notifying the team asked; every answer is a reply, notifying the
 * requester and whoever took part. Written straight to the comment store, with the notifications
 * in the same transaction, as the comment services do.
 */
export class RequestThreads {
  constructor(private readonly deps: { storage: Storage; live: LivePublisher; now: () => Date }) {}

  /** A fresh id for the thread a request will start (stored with the request first). */
  newThreadId(): string {
    return newRecordId();
  }

  /** The thread on the request's successor, its first comment by the requester; `audience` hears of it. */
  async start(request: DependencyRequestRecord, anchorTitle: string, text: string, audience: readonly UserId[]): Promise<void> {
    const { storage } = this.deps;
    if (!request.threadId) return;
    const at = this.deps.now().toISOString();
    const thread = {
      id: request.threadId,
      boardId: request.boardId,
      anchor: { kind: "item" as const, id: request.toItemId },
      anchorTitle,
      createdBy: request.requesterId,
      createdAt: at,
      resolvedAt: null,
      resolvedBy: null,
    };
    const first = this.comment(request.boardId, request.threadId, request.requesterId, text, at);
    const notified = await this.members(request.boardId, audience, request.requesterId);
    await storage.createThread(thread, first, this.notices(notified, first, "new-thread"));
    await this.announce(request.boardId, notified);
  }

  /** An answer as a reply in the request's thread: the thread's participants and `also` hear of it. */
  async reply(request: DependencyRequestRecord, actor: UserId, text: string, also: readonly UserId[] = []): Promise<void> {
    const { storage } = this.deps;
    if (!request.threadId) return;
    const thread = await storage.getThread(request.boardId, request.threadId);
    if (!thread) return;
    const comment = this.comment(request.boardId, thread.id, actor, text, this.deps.now().toISOString());
    const notified = await this.members(request.boardId, [request.requesterId, ...threadParticipants(thread), ...also], actor);
    await storage.addComment(comment, this.notices(notified, comment, "reply"));
    await this.announce(request.boardId, notified);
  }

  private comment(boardId: BoardId, threadId: string, authorId: UserId, text: string, at: string): CommentRecord {
    const body = commentBodyFromText(text);
    return { id: newRecordId(), threadId, boardId, authorId, body: JSON.stringify(body), text: commentText(body), createdAt: at, editedAt: null, deletedAt: null };
  }

  /** Current members among `ids`, once each, never the actor. */
  private async members(boardId: BoardId, ids: readonly UserId[], actor: UserId): Promise<UserId[]> {
    const members = new Set((await this.deps.storage.listMembers(boardId)).map((m) => m.userId));
    return [...new Set(ids)].filter((id) => id !== actor && members.has(id));
  }

  private notices(userIds: readonly UserId[], comment: CommentRecord, kind: NotificationKind): NotificationRecord[] {
    return userIds.map((userId) => ({
      id: newRecordId(),
      userId,
      boardId: comment.boardId,
      threadId: comment.threadId,
      commentId: comment.id,
      kind,
      actorId: comment.authorId,
      createdAt: comment.createdAt,
      readAt: null,
    }));
  }

  private async announce(boardId: BoardId, notified: readonly UserId[]): Promise<void> {
    this.deps.live.publishToBoard(boardId, { type: "threads", boardId });
    await pushUnread(this.deps.storage, this.deps.live, notified);
  }
}
