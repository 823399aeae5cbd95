import type { BoardId, UserId } from "../../lib/model/ids";
import { cleanText } from "../../lib/model/plainText";
import type { AppServices } from "../../lib/protocol/appServices";
import { markReadInputSchema, type NotificationView } from "../../lib/protocol/comments";
import type { LivePublisher } from "../events/liveEvents";
import type { BoardRecord } from "../storage/boardStore";
import type { ThreadWithComments } from "../storage/commentStore";
import type { Storage } from "../storage/storage";
import { namePeople } from "./commentViews";

/** Notifications an inbox shows: enough for weeks of normal use, few enough to send at once. */
export const INBOX_LIMIT = 100;
/** Characters of the comment an inbox line quotes. */
export const EXCERPT_CHARS = 140;

/**
 * The comment's text on one line, cut to EXCERPT_CHARS with an ellipsis when longer; cleaned as
 * titles are (cleanText): an inbox line mixes many people's words (proposals' reasons and
 * requests' notes among them), and one bidi override would make the rest of it read backwards.
 */
export function excerptOf(text: string): string {
  const line = cleanText(text.slice(0, EXCERPT_CHARS * 8).replace(/\s+/g, " "), EXCERPT_CHARS * 4).replace(/ {2,}/g, " ").trim();
  return line.length <= EXCERPT_CHARS ? line : `${cleanText(line, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/**
 * Tells each person's open tabs their new unread count. Called after the write committed: a
 * notice that fails to go out only delays a refresh (streams refetch on reconnect), so it never
 * turns a successful write into an error.
 */
export async function pushUnread(storage: Pick<Storage, "countUnread">, live: LivePublisher, userIds: Iterable<UserId>): Promise<void> {
  for (const userId of new Set(userIds)) {
    try {
      live.publishToUser(userId, { type: "inbox", unread: await storage.countUnread(userId) });
    } catch {
      // See above: the next reconnect or notice catches the tab up.
    }
  }
}

/** The per-user inbox across boards, and marking it read. */
export function inboxServices(storage: Storage, live: LivePublisher, now: () => Date): Pick<AppServices, "inbox" | "markRead"> {
  return {
    async inbox(actor) {
      const [records, unread] = await Promise.all([storage.listNotifications(actor, INBOX_LIMIT), storage.countUnread(actor)]);
      // Many notices share a board or a thread: read each once.
      const boards = new Map<BoardId, Promise<BoardRecord | null>>();
      const threads = new Map<string, Promise<ThreadWithComments | null>>();
      const boardOf = (id: BoardId) => boards.get(id) ?? boards.set(id, storage.getBoard(id)).get(id)!;
      const threadOf = (boardId: BoardId, id: string) => threads.get(id) ?? threads.set(id, storage.getThread(boardId, id)).get(id)!;
      const people = await namePeople(storage, records.map((r) => r.actorId));
      const notifications: NotificationView[] = [];
      for (const r of records) {
        const [board, thread] = await Promise.all([boardOf(r.boardId), threadOf(r.boardId, r.threadId)]);
        const comment = thread?.comments.find((c) => c.id === r.commentId);
        // Deleting a comment drops its notices in the same transaction; this only skips a race.
        if (!board || !thread || !comment || comment.deletedAt) continue;
        notifications.push({
          id: r.id,
          kind: r.kind,
          boardId: r.boardId,
          boardTitle: board.title,
          threadId: r.threadId,
          commentId: r.commentId,
          anchor: thread.anchor,
          anchorTitle: thread.anchorTitle,
          actor: people.get(r.actorId)!,
          excerpt: excerptOf(comment.text),
          createdAt: r.createdAt,
          readAt: r.readAt,
        });
      }
      return { unread, notifications };
    },
    async markRead(actor, input) {
      // Routes parse the input; a caller that passes something else marks nothing.
      const parsed = markReadInputSchema.safeParse(input);
      if (parsed.success) await storage.markRead(actor, "all" in parsed.data ? "all" : parsed.data.ids, now().toISOString());
      const unread = await storage.countUnread(actor);
      // The actor's other tabs update their counts too.
      live.publishToUser(actor, { type: "inbox", unread });
      return { unread };
    },
  };
}
