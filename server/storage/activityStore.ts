import type { BoardId, UserId } from "../../lib/model/ids";
import type { ActivityKind } from "../../lib/protocol/comments";

/** One person's edit of one item, as the sync server saw it arrive. */
export interface ActivityRecord {
  boardId: BoardId;
  userId: UserId;
  itemId: string;
  kind: ActivityKind;
  /** The item's title at the time (deleted items keep the title they had). */
  title: string;
  at: string;
}

/**
 * The board's history as people see it: who added, moved, edited or deleted which item and
 * when, and when each member last had the board open. Fed by the sync server (which knows who
 * sent every update); read by "what changed since your last visit".
 */
export interface ActivityStore {
  appendActivity(records: ActivityRecord[]): Promise<void>;
  /** Records since `since` (exclusive) by anyone but `exceptUser`, oldest first, at most `limit`. */
  listActivity(boardId: BoardId, since: string, exceptUser: UserId, limit: number): Promise<ActivityRecord[]>;
  /** When the user last had the board open (their last connection closed), or null. */
  lastVisit(boardId: BoardId, userId: UserId): Promise<string | null>;
  recordVisit(boardId: BoardId, userId: UserId, at: string): Promise<void>;
}

/**
 * Changes by one person of one kind to one item that follow each other within this long are
 * one edit: a drag, a description typed key by key, a few nudges in a row. The recorder writes
 * such a burst as few rows, never further apart than this; readers fold rows closer than this
 * into one line with one count.
 */
export const BURST_GAP_MS = 60_000;
