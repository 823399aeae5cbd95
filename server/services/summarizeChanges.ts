import type { UserId } from "../../lib/model/ids";
import type { ActivityKind, CommentAnchor } from "../../lib/protocol/comments";
import { BURST_GAP_MS, type ActivityRecord } from "../storage/activityStore";
import type { ThreadWithComments } from "../storage/commentStore";

/** One line of the item changes, before actor names are looked up. */
export interface ItemLine {
  actorId: UserId;
  kind: ActivityKind;
  itemId: string;
  title: string;
  count: number;
  at: string;
}

/** One line of the new comments, before actor names are looked up. */
export interface CommentLine {
  actorId: UserId;
  threadId: string;
  anchor: CommentAnchor;
  anchorTitle: string;
  count: number;
  at: string;
}

const newestFirst = (a: { at: string }, b: { at: string }) => Date.parse(b.at) - Date.parse(a.at);

/**
 * Others' item history since a visit as a reader wants it: one line per person, item and kind,
 * counting bursts (rows under BURST_GAP_MS apart are one edit), newest first. What a reader
 * has never seen is not broken down: an item deleted since shows only who deleted it (also if
 * it was added since), and an item added since shows only who added it, not the moves and
 * edits it went through before the reader first saw it. Every line of an item carries the
 * item's latest recorded title.
 *
 * @param records oldest first, as ActivityStore.listActivity returns them.
 */
export function summarizeItemChanges(records: readonly ActivityRecord[], burstGapMs = BURST_GAP_MS): ItemLine[] {
  const byItem = groupBy(records, (r) => r.objectId);
  const lines: ItemLine[] = [];
  for (const [itemId, history] of byItem) {
    history.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const latest = history[history.length - 1]!;
    const shown: ActivityKind | null = latest.kind === "deleted" ? "deleted" : history.some((r) => r.kind === "added") ? "added" : null;
    // Without a deletion or an addition, the lines are the moves and edits; a "deleted" row
    // before a later one is a delete someone undid.
    const kept = history.filter((r) => (shown ? r.kind === shown : r.kind !== "deleted"));
    for (const group of groupBy(kept, (r) => `${r.userId}\n${r.kind}`).values()) {
      const first = group[0]!;
      lines.push({
        actorId: first.userId,
        kind: first.kind,
        itemId,
        title: latest.title,
        count: countBursts(group.map((r) => Date.parse(r.at)), burstGapMs),
        at: group[group.length - 1]!.at,
      });
    }
  }
  return lines.sort(newestFirst);
}

function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const group = groups.get(keyOf(value));
    if (group) group.push(value);
    else groups.set(keyOf(value), [value]);
  }
  return groups;
}

/** How many runs of times (ascending) there are when gaps under `gapMs` join a run. */
export function countBursts(times: readonly number[], gapMs: number): number {
  let bursts = 0;
  let previous = -Infinity;
  for (const t of times) {
    if (t - previous >= gapMs) bursts++;
    previous = t;
  }
  return bursts;
}

/**
 * Comments others wrote since a visit, one line per person and thread, newest first. Deleted
 * comments are left out: there is nothing left to read.
 */
export function summarizeNewComments(threads: readonly ThreadWithComments[], since: string, reader: UserId): CommentLine[] {
  const after = Date.parse(since);
  const lines = new Map<string, CommentLine>();
  for (const thread of threads) {
    for (const c of thread.comments) {
      if (c.authorId === reader || c.deletedAt !== null || !(Date.parse(c.createdAt) > after)) continue;
      const key = `${c.authorId}\n${thread.id}`;
      const line = lines.get(key);
      if (line) {
        line.count++;
        if (Date.parse(c.createdAt) > Date.parse(line.at)) line.at = c.createdAt;
      } else {
        const { anchor, anchorTitle } = thread;
        lines.set(key, { actorId: c.authorId, threadId: thread.id, anchor, anchorTitle, count: 1, at: c.createdAt });
      }
    }
  }
  return [...lines.values()].sort(newestFirst);
}
