import type { DateString } from "../model/dates";
import type { DependencyId, ItemId, LaneId, MilestoneId, PhaseId } from "../model/ids";
import type { CollectionName } from "../model/docLayout";

/**
 * What lib/derive produces from a BoardSnapshot: the contract between the scheduler, the
 * conflict rules and the UI. Everything here is plain, JSON-serializable data, ordered
 * deterministically, so that every replica derives byte-identical output.
 */

/** One scheduled item, all dates calendar dates on the board's working-day calendar. */
export interface ScheduledItem {
  itemId: ItemId;
  /** True when the user pinned the start; false when placed after its dependencies. */
  pinned: boolean;
  /** Where the item is drawn: the pinned start (moved to a working day) or the early start. */
  start: DateString;
  /** Last working day, inclusive: a 1-day item starts and finishes the same day. */
  finish: DateString;
  earlyStart: DateString;
  earlyFinish: DateString;
  lateStart: DateString;
  lateFinish: DateString;
  /** Working days the item can slip without delaying the board's end or a deadline; may be negative. */
  totalSlack: number;
  /** On a critical path (total slack ≤ 0). */
  critical: boolean;
}

export type CriticalPathTarget = { kind: "board-end" } | { kind: "milestone"; milestoneId: MilestoneId };

export interface CriticalPath {
  target: CriticalPathTarget;
  /** Driving chain from the first item to the item that reaches the target, in order. */
  itemIds: ItemId[];
  /** The target's date: the board's end (latest finish) or the milestone's date. */
  date: DateString;
  /** Minimum slack along the path; negative when a deadline cannot be met. */
  slack: number;
}

/**
 * The scheduler's output (lib/derive/schedule.ts). A Schedule it computed also carries, outside
 * its JSON, a ScheduleIndex (lib/derive/scheduleIndex.ts, `scheduleIndexOf(schedule)`): items
 * by integer index, start/finish/required-start as day numbers in typed arrays, link ends
 * resolved. Later stages should use it rather than rebuild maps of ids and re-parse dates
 * (at 10,000 items that alone costs several milliseconds), and fall back to their own lookups
 * when it is absent (a fixture or a deserialized copy).
 *
 * Deadlines: an item is bound by its own deadline milestone and by the release milestone of
 * its phase (the earlier wins); both count as "tied" for the milestone critical paths.
 */
export interface Schedule {
  /** Scheduled items, sorted by item id. */
  items: ScheduledItem[];
  /** Items with no start and no scheduled predecessor (listed, not placed), sorted by id. */
  unscheduled: ItemId[];
  /** Each dependency cycle as the item ids in cycle order; scheduling ignored their edges. */
  cycles: { itemIds: ItemId[]; dependencyIds: DependencyId[] }[];
  /** Latest finish over all scheduled items, or null when nothing is scheduled. */
  boardFinish: DateString | null;
  criticalPaths: CriticalPath[];
}

export interface PhaseSpan {
  phaseId: PhaseId;
  start: DateString;
  finish: DateString;
}

export type Severity = "error" | "warning" | "info";

export const CONFLICT_KINDS = [
  "dependency-cycle",
  "dependency-violated",
  "missing-reference",
  "invalid-dates",
  "deadline-missed",
  "phase-order-violated",
  "lane-over-capacity",
  "person-over-booked",
  "outside-horizon",
  "release-not-ready",
  // Dependency requests between teams (lib/derive/conflicts/dependencyRequests.ts), joined to the list by the UI.
  "commitment-slipped",
  "commitment-late",
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/**
 * A fix the UI can apply as one named command from lib/model. Data, not a callback, so it is
 * identical on every replica and can be shown before it is applied.
 */
export type SuggestedFix =
  | { kind: "move-item"; itemId: ItemId; start: DateString }
  | { kind: "set-duration"; itemId: ItemId; duration: number }
  | { kind: "remove-dependency"; dependencyId: DependencyId }
  | { kind: "set-item-lane"; itemId: ItemId; laneId: LaneId | null }
  | { kind: "set-item-phase"; itemId: ItemId; phaseId: PhaseId | null }
  | { kind: "clear-item-deadline"; itemId: ItemId }
  | { kind: "clear-phase-milestone"; phaseId: PhaseId };

export interface Conflict {
  /** Stable: the same on every replica for the same cause, e.g. "dependency-violated:d123". */
  id: string;
  kind: ConflictKind;
  severity: Severity;
  /** Ids of the objects involved (items first), for selecting and badges. */
  objectIds: string[];
  /** Plain language, naming items by title: what is wrong and, where useful, what to do. */
  message: string;
  fix: SuggestedFix | null;
  /** For load conflicts: the interval affected and the peak load against the limit. */
  interval?: { start: DateString; finish: DateString };
  load?: { peak: number; limit: number };
}

/** A reference to a record that does not exist (from the snapshot's problems). */
export interface MissingReference {
  collection: CollectionName;
  id: string;
  field: string;
  targetId: string;
}

export interface DerivedBoard {
  schedule: Schedule;
  phaseSpans: PhaseSpan[];
  /** Sorted by severity (error, warning, info), then kind, then id. */
  conflicts: Conflict[];
}

export interface DeriveOptions {
  /** The day the viewer considers "today"; injected, never read from a clock. */
  today: DateString;
}
