import type { DateString } from "../model/dates";
import type { ItemId, LaneId, MilestoneId, PhaseId } from "../model/ids";
import type { ItemStatus, MilestoneKind, Priority } from "../model/schemas";

/**
 * What compareSnapshots returns: plain JSON data, every list sorted by id, so the server's
 * `/compare` answer and a browser's own comparison are byte-identical. What counts as a
 * change, and how shifts are counted: docs/history.md ("Compare").
 */

/** A field's value on each side; only present in a comparison when the two differ. */
export interface Change<T> {
  before: T;
  after: T;
}

/**
 * Where an item is drawn on each side (the derived schedule, not the stored pin) and how far
 * each end moved, in working days of the `after` board's calendar (+N = later). A shift is
 * null when the item is unscheduled on either side.
 */
export interface ScheduleChange {
  start: Change<DateString | null>;
  finish: Change<DateString | null>;
  startShift: number | null;
  finishShift: number | null;
}

/** The fields of an item that changed, each present only when it did. */
export interface ItemFieldChanges {
  schedule?: ScheduleChange;
  /** The stored duration in working days; `delta` > 0 means lengthened. */
  duration?: Change<number> & { delta: number };
  title?: Change<string>;
  lane?: Change<LaneId | null>;
  phase?: Change<PhaseId | null>;
  status?: Change<ItemStatus>;
  priority?: Change<Priority>;
  /** Owners present on one side only, sorted. */
  owners?: { added: string[]; removed: string[] };
  deadline?: Change<MilestoneId | null>;
}

/**
 * One entry per item that was added, removed or changed: all of its changes in one place, so
 * every change is reported once.
 */
export interface ItemComparison {
  itemId: ItemId;
  change: "added" | "removed" | "changed";
  /** The item's title after (before, when removed): what a list names it by. */
  title: string;
  /** The item's lane after (before, when removed): what the UI groups by. */
  lane: LaneId | null;
  /** Where it is drawn on each side; null on the side it does not exist on or is unscheduled. */
  before: ScheduledSpan | null;
  after: ScheduledSpan | null;
  /** Empty for an added or removed item. */
  fields: ItemFieldChanges;
}

export interface ScheduledSpan {
  start: DateString;
  finish: DateString;
}

export interface MilestoneComparison {
  milestoneId: MilestoneId;
  change: "added" | "removed" | "changed";
  /** Title after (before, when removed). */
  title: string;
  kind: MilestoneKind;
  /** The date on each side, null where the milestone does not exist. */
  date: Change<DateString | null>;
  fields: {
    /** `shift` in working days of the `after` calendar (docs/history.md: days off round forward). */
    date?: Change<DateString> & { shift: number };
    title?: Change<string>;
    kind?: Change<MilestoneKind>;
  };
}

export interface NamedRecordComparison<Id extends string> {
  id: Id;
  change: "added" | "removed" | "renamed";
  name: Change<string | null>;
}

/** A date on each side and its shift in working days of the `after` calendar (null when either is null). */
export interface DateShift {
  before: DateString | null;
  after: DateString | null;
  shift: number | null;
}

/** A release milestone (kind "release") on each side, with the ends of the phases that end in it. */
export interface ReleaseComparison extends DateShift {
  milestoneId: MilestoneId;
  title: string;
  /** The last finish of the phases whose release this is (phase spans), on each side. */
  phaseFinish: DateShift;
}

export interface BoardComparison {
  items: ItemComparison[];
  milestones: MilestoneComparison[];
  lanes: NamedRecordComparison<LaneId>[];
  phases: NamedRecordComparison<PhaseId>[];
  /** The board's finish (the schedule's latest finish), always given, changed or not. */
  boardFinish: DateShift;
  /** Every release on either side, changed or not, by id. */
  releases: ReleaseComparison[];
}
