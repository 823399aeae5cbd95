import type { ActivityKind, ChangesSummary } from "../../lib/protocol/comments";

/** Where a line of the summary leads: an item to select, a thread to open, or nowhere (gone). */
export type ChangeTarget = { kind: "item"; itemId: string } | { kind: "thread"; threadId: string } | null;

export interface ChangeLine {
  key: string;
  /** "Ben moved “Pilot onboarding”" */
  text: string;
  /** "·3" for folded item edits, "(2)" for comments; empty for one. */
  countLabel: string;
  target: ChangeTarget;
  /** Why there is nowhere to jump, when there is not. */
  unavailable: string | null;
  at: string;
}

const VERBS: Record<ActivityKind, string> = { added: "added", moved: "moved", edited: "edited", deleted: "deleted" };

/**
 * The summary as the lines the card shows, newest first, items and comments together. Items
 * are named by their title on the board now (the reader may have renamed one since) and lead
 * nowhere once they are no longer on the board.
 *
 * @param liveTitles the board's items as they are now, id → title.
 */
export function changeLines(summary: ChangesSummary, liveTitles: ReadonlyMap<string, string>): ChangeLine[] {
  const items = summary.items.map((change, i): ChangeLine => {
    const live = liveTitles.get(change.itemId);
    return {
      key: `i${i}`,
      text: `${change.actor.name} ${VERBS[change.kind]} “${live ?? change.title}”`,
      countLabel: change.count > 1 ? `·${change.count}` : "",
      target: live === undefined ? null : { kind: "item", itemId: change.itemId },
      unavailable: live === undefined ? "no longer on the board" : null,
      at: change.at,
    };
  });
  const comments = summary.comments.map(
    (change, i): ChangeLine => ({
      key: `c${i}`,
      text: `${change.actor.name} commented on ${change.anchor.kind === "board" ? "the board" : `“${change.anchorTitle}”`}`,
      countLabel: change.count > 1 ? `(${change.count})` : "",
      target: { kind: "thread", threadId: change.threadId },
      unavailable: null,
      at: change.at,
    }),
  );
  return [...items, ...comments].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
