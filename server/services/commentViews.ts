import type { CommentBody } from "../../lib/model/commentBody";
import type { UserId } from "../../lib/model/ids";
import type { CommentView, PersonRef, ThreadView } from "../../lib/protocol/comments";
import type { CommentRecord, ThreadWithComments } from "../storage/commentStore";
import type { Storage } from "../storage/storage";

/** Shown for people whose account is gone: their comments stay, their name does not. */
export const FORMER_MEMBER = "Former member";

export type People = Map<UserId, PersonRef>;

/** Names for the given people, looked up once each. */
export async function namePeople(storage: Pick<Storage, "getUser">, ids: Iterable<UserId>): Promise<People> {
  const unique = [...new Set(ids)];
  const users = await Promise.all(unique.map((id) => storage.getUser(id)));
  return new Map(unique.map((id, i) => [id, { id, name: users[i] ? users[i].name || users[i].email : FORMER_MEMBER }]));
}

/** Everyone a thread view names. */
export function peopleIn(thread: ThreadWithComments): UserId[] {
  const ids = [thread.createdBy, ...thread.comments.map((c) => c.authorId)];
  if (thread.resolvedBy) ids.push(thread.resolvedBy);
  return ids;
}

const personOf = (people: People, id: UserId): PersonRef => people.get(id) ?? { id, name: FORMER_MEMBER };

/** A stored body is parseCommentBody's output serialised by this server; a row that will not parse reads as deleted. */
export function storedBody(json: string | null): CommentBody | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as CommentBody;
  } catch {
    return null;
  }
}

export function toCommentView(comment: CommentRecord, people: People): CommentView {
  return {
    id: comment.id,
    threadId: comment.threadId,
    author: personOf(people, comment.authorId),
    body: storedBody(comment.body),
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
    deletedAt: comment.deletedAt,
  };
}

export function toThreadView(thread: ThreadWithComments, people: People): ThreadView {
  return {
    id: thread.id,
    boardId: thread.boardId,
    anchor: thread.anchor,
    anchorTitle: thread.anchorTitle,
    createdBy: personOf(people, thread.createdBy),
    createdAt: thread.createdAt,
    resolvedAt: thread.resolvedAt,
    resolvedBy: thread.resolvedBy ? personOf(people, thread.resolvedBy) : null,
    comments: thread.comments.map((c) => toCommentView(c, people)),
  };
}

/** A thread whose every comment was deleted says nothing: readers do not see it, nor may anyone add to it. */
export const isVisible = (thread: ThreadWithComments): boolean => thread.comments.some((c) => !c.deletedAt);
