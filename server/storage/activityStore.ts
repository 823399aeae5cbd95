import type { BoardId, UserId } from "../../lib/model/ids";
import type { ActivityKind } from "../../lib/protocol/comments";
import type { FieldChange, ObjectKind } from "../../lib/protocol/history";

/** One person's edit of one object, as the sync server saw it arrive. */
export interface ActivityRecord {
  boardId: BoardId;
  userId: UserId;
  /** The changed object's id (the board's own id for its settings). */
  objectId: string;
  kind: ActivityKind;
  /** The object's name at the time (deleted objects keep the name they had). */
  title: string;
  at: string;
  /** Absent: an item (what every row was before other objects were recorded). */
  objectKind?: ObjectKind;
  /** Each changed field's value before the edit and after it; absent on rows from before values were kept. */
  fields?: FieldChange[];
  /**
   * Names the burst a row belongs to: the recorder writes a long burst as several rows, each
   * holding the whole burst so far, and history shows only the last one. Absent: a row alone.
   */
  burst?: string;
}

/** A stored row as history reads it: what was recorded, and where it sits in the log. */
export interface HistoryRecord {
  /** The row's place in the board's log: the order rows were written, and the page cursor. */
  seq: number;
  boardId: BoardId;
  userId: UserId;
  objectKind: ObjectKind;
  objectId: string;
  kind: ActivityKind;
  title: string;
  at: string;
  /** Empty for rows written before values were kept. */
  fields: FieldChange[];
}

/**
 * The board's history as people see it: who added, moved, edited or deleted which object (items,
 * milestones, lanes, phases, dependencies, the board's settings), when, and from what to what;
 * and when each member last had the board open. Fed by the sync server (which knows who sent
 * every update); read by "what changed since your last visit" and the history pages.
 */
export interface ActivityStore {
  appendActivity(records: ActivityRecord[]): Promise<void>;
  /**
   * Item records since `since` (exclusive) by anyone but `exceptUser`, oldest first, at most
   * `limit`, as "what changed since your last visit" reads them (no values, every row of a burst).
   */
  listActivity(boardId: BoardId, since: string, exceptUser: UserId, limit: number): Promise<ActivityRecord[]>;
  /**
   * One object's edits, newest first, at most `limit`, those written before row `before` when it
   * is given (the cursor of the previous page). A burst written as several rows is its last row.
   */
  listObjectHistory(boardId: BoardId, objectId: string, limit: number, before?: number): Promise<HistoryRecord[]>;
  /**
   * Every object's edits at or after `from` and before `to` (both optional, ISO times), oldest
   * first, at most `limit`: the steps a replay walks through. A burst is its last row.
   */
  listBoardHistory(boardId: BoardId, range: { from?: string; to?: string; limit: number }): Promise<HistoryRecord[]>;
  /** When the user last had the board open (their last connection closed), or null. */
  lastVisit(boardId: BoardId, userId: UserId): Promise<string | null>;
  recordVisit(boardId: BoardId, userId: UserId, at: string): Promise<void>;
}

/**
 * Changes by one person of one kind to one object that follow each other within this long are
 * one edit: a drag, a description typed key by key, a few nudges in a row. The recorder writes
 * such a burst as few rows, never further apart than this; readers fold rows closer than this
 * into one line with one count.
 */
export const BURST_GAP_MS = 60_000;
