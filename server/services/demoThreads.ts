import { randomBytes } from "node:crypto";
import { commentText, type CommentBody, type CommentInline } from "../../lib/model/commentBody";
import type { BoardId, UserId } from "../../lib/model/ids";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { CommentAnchor } from "../../lib/protocol/comments";
import type { CommentRecord, ThreadWithComments } from "../storage/commentStore";
import type { Storage } from "../storage/storage";
import { notificationRecipients, threadParticipants, type NotifiableMember } from "./commentNotifications";

/** Who says what: an index into the demo people (0 Ana owner, 1 Ben editor, 2 Chen commenter, 3 Dev viewer). */
type Who = 0 | 1 | 2 | 3;
/** Text, or a mention of a demo person. */
type Part = string | { mention: Who };

interface DemoThread {
  anchor: { item: string } | { milestone: string };
  comments: { by: Who; say: Part[]; minutesAgo: number }[];
  resolvedBy?: Who;
}

/** A few conversations a team would have had on the demo roadmap (titles are demoBoard.ts's). */
const DEMO_THREADS: DemoThread[] = [
  {
    anchor: { item: "Online booking (core)" },
    comments: [
      { by: 0, say: [{ mention: 1 }, " can we keep reminder emails out of the MVP? Booking alone already takes the full four weeks."], minutesAgo: 26 * 60 },
      { by: 1, say: ["Agreed. Reminders move to Beta with “Notifications & reminders”; I'll update the scope today."], minutesAgo: 25 * 60 },
    ],
  },
  {
    anchor: { item: "Payments integration" },
    comments: [
      { by: 2, say: ["Which payment provider do we pilot with? The branches asked whether card-only is fine for the pilot."], minutesAgo: 5 * 60 },
      { by: 0, say: ["Card-only for the pilot; invoices come with Beta. ", { mention: 3 }, " for your planning."], minutesAgo: 3 * 60 },
    ],
  },
  {
    anchor: { milestone: "MVP release" },
    comments: [
      { by: 1, say: ["QA needs two more days after booking lands. Is the MVP release date still firm?"], minutesAgo: 3 * 24 * 60 },
      { by: 0, say: ["Firm: we cut the admin export from the MVP instead, so QA keeps its ten days."], minutesAgo: 3 * 24 * 60 - 90 },
    ],
    resolvedBy: 0,
  },
];

const newId = () => randomBytes(12).toString("base64url");

function bodyOf(say: Part[], people: readonly NotifiableMember[]): CommentBody {
  const content: CommentInline[] = say.map((part) =>
    typeof part === "string" ? { type: "text", text: part } : { type: "mention", attrs: { id: people[part.mention]!.userId, label: people[part.mention]!.name } },
  );
  return { type: "doc", content: [{ type: "paragraph", content }] };
}

function anchorOf(thread: DemoThread, snapshot: BoardSnapshot): { anchor: CommentAnchor; title: string; owners: string[] } | null {
  if ("item" in thread.anchor) {
    const item = snapshot.items.find((i) => i.title === (thread.anchor as { item: string }).item);
    return item ? { anchor: { kind: "item", id: item.id }, title: item.title, owners: item.owners } : null;
  }
  const milestone = snapshot.milestones.find((m) => m.title === (thread.anchor as { milestone: string }).milestone);
  return milestone ? { anchor: { kind: "milestone", id: milestone.id }, title: milestone.title, owners: [] } : null;
}

/**
 * Writes the demo conversations through the comment store, with the notifications the services
 * would have sent, so the inbox and the threads look lived-in on first start. `people` are the
 * demo users in DEMO_USERS order, all members of the board.
 */
export async function seedDemoThreads(storage: Storage, boardId: BoardId, snapshot: BoardSnapshot, people: readonly NotifiableMember[], now: Date): Promise<void> {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  for (const demo of DEMO_THREADS) {
    const anchor = anchorOf(demo, snapshot);
    const [first, ...replies] = demo.comments;
    if (!anchor || !first) continue;
    const thread: ThreadWithComments = {
      id: newId(),
      boardId,
      anchor: anchor.anchor,
      anchorTitle: anchor.title,
      createdBy: people[first.by]!.userId,
      createdAt: at(first.minutesAgo),
      resolvedAt: null,
      resolvedBy: null,
      comments: [],
    };
    for (const [index, line] of demo.comments.entries()) {
      const body = bodyOf(line.say, people);
      const actor: UserId = people[line.by]!.userId;
      const comment: CommentRecord = { id: newId(), threadId: thread.id, boardId, authorId: actor, body: JSON.stringify(body), text: commentText(body), createdAt: at(line.minutesAgo), editedAt: null, deletedAt: null };
      const mentioned = line.say.flatMap((p) => (typeof p === "string" ? [] : [people[p.mention]!.userId]));
      const recipients = notificationRecipients(
        index === 0
          ? { actor, members: people, mentioned, itemOwners: anchor.anchor.kind === "item" ? anchor.owners : [] }
          : { actor, members: people, mentioned, participants: threadParticipants(thread) },
      );
      const notifications = recipients.map((r) => ({ id: newId(), userId: r.userId, boardId, threadId: thread.id, commentId: comment.id, kind: r.kind, actorId: actor, createdAt: comment.createdAt, readAt: null }));
      if (index === 0) await storage.createThread(thread, comment, notifications);
      else await storage.addComment(comment, notifications);
      thread.comments.push(comment);
    }
    if (demo.resolvedBy !== undefined) {
      await storage.setThreadResolved(thread.id, at((replies.at(-1) ?? first).minutesAgo - 5), people[demo.resolvedBy]!.userId);
    }
  }
}
