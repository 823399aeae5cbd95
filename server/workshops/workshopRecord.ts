import type { BoardId, UserId } from "../../lib/model/ids";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { BoardComparison } from "../../lib/history/types";
import type { WorkshopRecord } from "../../lib/protocol/workshops";
import type { ThreadWithComments } from "../storage/commentStore";
import type { ParticipantRecord, StoredDraft, StoredVote, StoredWorkshop, VoteTally } from "../storage/workshopStore";
import { countsVisible, minutesPresent, stepView, votePublic, type Names } from "./workshopViews";

/** A decision's text: the thread's last words (where it was settled), kept short. */
const MAX_DECISION_TEXT = 500;

export interface RecordParts {
  workshop: StoredWorkshop;
  boardTitle: string;
  participants: ParticipantRecord[];
  votes: { vote: StoredVote; tally: VoteTally }[];
  drafts: StoredDraft[];
  threads: ThreadWithComments[];
  /** The board at the workshop's end (its end version), for item titles; null when it is gone. */
  end: BoardSnapshot | null;
  changes: BoardComparison | null;
  names: Names;
}

/**
 * The record of an ended workshop (docs/workshops.md): who was there and for how long, the
 * agenda as run, each vote's result (hidden votes that were never revealed show no counts),
 * what changed from the start version to the end version, the drafts that became items, and
 * the threads resolved during the session as its decisions.
 */
export function buildRecord(parts: RecordParts): WorkshopRecord {
  const { workshop, participants, names, end } = parts;
  const endedAt = new Date(workshop.endedAt ?? workshop.startedAt);
  const titles = new Map((end?.items ?? []).map((i) => [i.id as string, i.title]));
  const titleOf = (id: string) => titles.get(id) ?? "(deleted item)";
  return {
    id: workshop.id,
    boardId: workshop.boardId,
    boardTitle: parts.boardTitle,
    title: workshop.title,
    facilitator: names(workshop.facilitatorId),
    startedAt: workshop.startedAt,
    endedAt: workshop.endedAt,
    participants: participants.length,
    people: participants.map((p) => ({ ...names(p.userId), joinedAt: p.joinedAt, minutes: Math.round(minutesPresent(p, endedAt)) })),
    agenda: workshop.agenda.map(stepView),
    votes: parts.votes.map(({ vote, tally }) => ({
      ...votePublic(vote, tally),
      ranked: countsVisible(vote)
        ? vote.itemIds
            .map((itemId) => ({ itemId, title: titleOf(itemId), votes: tally.counts[itemId] ?? 0 }))
            .filter((r) => r.votes > 0)
            .sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title) || a.itemId.localeCompare(b.itemId))
        : [],
    })),
    changes: parts.changes,
    drafts: parts.drafts.filter((d) => d.revealedAt !== null).map((d) => ({ itemId: d.itemId, title: d.title, author: names(d.authorId) })),
    decisions: decisionsOf(parts.threads, workshop, titles, names),
    startVersionId: workshop.startVersionId,
    endVersionId: workshop.endVersionId,
  };
}

function decisionsOf(threads: ThreadWithComments[], workshop: StoredWorkshop, titles: Map<string, string>, names: Names): WorkshopRecord["decisions"] {
  const from = workshop.startedAt;
  const to = workshop.endedAt ?? workshop.startedAt;
  return threads
    .filter((t) => t.resolvedAt !== null && t.resolvedAt >= from && t.resolvedAt <= to)
    .sort((a, b) => (a.resolvedAt! < b.resolvedAt! ? -1 : a.resolvedAt! > b.resolvedAt! ? 1 : 0))
    .map((t) => {
      const itemId = t.anchor.kind === "item" ? t.anchor.id : null;
      const last = [...t.comments].reverse().find((c) => c.deletedAt === null);
      return {
        threadId: t.id,
        itemId,
        itemTitle: itemId ? (titles.get(itemId) ?? t.anchorTitle) : null,
        text: (last?.text ?? "").slice(0, MAX_DECISION_TEXT),
        resolvedBy: names((t.resolvedBy ?? t.createdBy) as UserId),
        resolvedAt: t.resolvedAt!,
      };
    });
}

/** Where the app opens a board with an item selected, and a thread. */
export const itemLink = (boardId: BoardId | string, itemId: string) => `/boards/${boardId}?item=${encodeURIComponent(itemId)}`;
export const threadLink = (boardId: BoardId | string, threadId: string) => `/boards/${boardId}?thread=${encodeURIComponent(threadId)}`;
