import type { BoardId, UserId } from "../../lib/model/ids";
import type { Logger } from "../log";
import { commentMail } from "../mail/messages";
import type { CommentRecord } from "../storage/commentStore";
import type { Storage } from "../storage/storage";
import type { Recipient } from "./commentNotifications";
import type { MailDeps } from "./mailLinks";

/**
 * Mails mentions and replies to the people they notify, unless they switched comment mail off.
 * New threads on someone's item stay in the inbox only: they are the most frequent and least
 * personal notice. Runs after the comment is committed and never fails or delays the write that
 * caused it (errors are logged).
 */
export function commentMailer(storage: Storage, deps: MailDeps, log: Logger) {
  async function send(boardId: BoardId, actor: UserId, recipients: Recipient[], comment: CommentRecord): Promise<void> {
    const mailed = recipients.filter((r): r is Recipient & { kind: "mention" | "reply" } => r.kind === "mention" || r.kind === "reply");
    if (mailed.length === 0) return;
    const [board, author, thread] = await Promise.all([storage.getBoard(boardId), storage.getUser(actor), storage.getThread(boardId, comment.threadId)]);
    if (!board || !thread) return;
    for (const r of mailed) {
      const [user, wanted] = await Promise.all([storage.getUser(r.userId), storage.mailNotificationsOf(r.userId)]);
      if (!user || !wanted) continue;
      deps.mail.send(
        commentMail({
          to: user.email,
          kind: r.kind,
          actor: author?.name || author?.email || "Someone",
          boardTitle: board.title,
          anchorTitle: thread.anchorTitle,
          text: comment.text,
          link: deps.url(`/boards/${boardId}`),
          settingsLink: deps.url("/settings"),
        }),
      );
    }
  }
  return (boardId: BoardId, actor: UserId, recipients: Recipient[], comment: CommentRecord): void => {
    void send(boardId, actor, recipients, comment).catch((error: unknown) => log.warn({ err: String(error) }, "comment mail failed"));
  };
}
