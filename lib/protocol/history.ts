import { z } from "zod";
import type { PersonRef } from "./comments";
import { ACTIVITY_KINDS, type ActivityKind } from "./comments";

/**
 * Each object's history and the board's history of changes, as the history route sends them
 * (GET /api/boards/<id>/history). The sync server records them as edits arrive
 * (server/sync/activityRecorder.ts); times and people are the server's, never a client's.
 */

/** What a recorded change was made to. The board's settings are one object whose id is the board's. */
export const OBJECT_KINDS = ["item", "milestone", "lane", "phase", "dependency", "board"] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/**
 * A recorded value: JSON, bounded by the recorder (HISTORY_VALUE_CHARS). Text longer than that
 * is cut and ends in "…"; a list that does not fit keeps its first entries and ends in "…".
 */
export type HistoryValue = null | boolean | number | string | HistoryValue[] | { [key: string]: HistoryValue };

/**
 * One field's change over one edit: its value before the edit's first change and after its
 * last. Null stands for "not set" (a field an added object did not have). An item's rich-text
 * description records only that it changed: before and after are both null.
 */
export interface FieldChange {
  field: string;
  before: HistoryValue;
  after: HistoryValue;
}

/** Fields that are long text kept elsewhere: a change is recorded, not the text. */
export const TEXT_ONLY_FIELDS: ReadonlySet<string> = new Set(["description"]);

/** Characters of JSON one recorded value may take; longer values are cut to fit. */
export const HISTORY_VALUE_CHARS = 300;
/** Fields one row may record (a record has at most 15); anything past it is junk a client wrote. */
export const HISTORY_MAX_FIELDS = 24;

/** One edit: a person's change of one kind to one object (a drag is one entry). */
export interface HistoryEntry {
  /** Opaque; also the cursor for the page after it (`before`). */
  id: string;
  at: string;
  user: PersonRef;
  objectKind: ObjectKind;
  objectId: string;
  /** The object's name when the change was recorded (a deleted object keeps the one it had). */
  objectTitle: string;
  kind: ActivityKind;
  fields: FieldChange[];
  /** Set when the change was an accepted proposal: `user` accepted it, this person proposed it (docs/teams.md). */
  proposedBy?: PersonRef;
}

/**
 * The field the recorder adds to a change made by accepting a proposal, its `after` the
 * proposer's id: history rows keep one person, so the second rides with the values. The
 * history services turn it into `proposedBy`; it never reaches a reader as a field.
 */
export const PROPOSED_BY_FIELD = "~proposedBy";

/** One object's history, newest first, and the cursor for older entries (null at the start). */
export interface ObjectHistoryPage {
  entries: HistoryEntry[];
  next: string | null;
}

/** The board's changes in a time range, oldest first; `more` when the range holds more than the limit. */
export interface BoardHistoryPage {
  entries: HistoryEntry[];
  more: boolean;
}

/** Entries one object's page holds at most. */
export const OBJECT_HISTORY_MAX = 100;
/** Entries one board-wide page holds at most (a replay scrubber reads the range in pages). */
export const BOARD_HISTORY_MAX = 500;

const objectIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an object id");
/** Cursors are row numbers written as digits; anything else names nothing. */
const cursorSchema = z.string().regex(/^[1-9][0-9]{0,15}$/, "must be a cursor from an earlier page");
const isoInstant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time" });

/** The history route's query for one object's entries (`object` given). */
export const objectHistoryQuerySchema = z
  .object({
    object: objectIdSchema,
    before: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(OBJECT_HISTORY_MAX).default(50),
  })
  .strict();

/** The history route's query for the board's entries in a time range (no `object`). */
export const boardHistoryQuerySchema = z
  .object({
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    limit: z.coerce.number().int().min(1).max(BOARD_HISTORY_MAX).default(BOARD_HISTORY_MAX),
  })
  .strict();

export const isActivityKind = (value: string): value is ActivityKind => (ACTIVITY_KINDS as readonly string[]).includes(value);
export const isObjectKind = (value: string): value is ObjectKind => (OBJECT_KINDS as readonly string[]).includes(value);
