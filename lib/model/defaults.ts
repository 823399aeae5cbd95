import { date } from "./dates";
import type { BoardSettings, Dependency, Item, Lane, Milestone, Phase } from "./schemas";

/**
 * Field values used when a stored field is missing or unreadable. The snapshot substitutes
 * them and flags the record, so one bad field never hides the rest of the record.
 */
export const BOARD_DEFAULTS: BoardSettings = {
  title: "Untitled roadmap",
  goal: "",
  horizonStart: date("2027-01-04"),
  horizonEnd: date("2027-12-31"),
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
  timeScale: "months",
};

export const LANE_DEFAULTS: Omit<Lane, "id"> = { name: "Lane", color: "#64748b", order: 0, capacity: 0 };

export const PHASE_DEFAULTS: Omit<Phase, "id"> = { name: "Phase", order: 0, milestoneId: null };

export const ITEM_DEFAULTS: Omit<Item, "id"> = {
  title: "",
  laneId: null,
  phaseId: null,
  start: null,
  duration: 1,
  effort: 0,
  owners: [],
  status: "planned",
  priority: "should",
  tags: [],
  links: [],
  deadlineMilestoneId: null,
  // Listed so a junk position is repaired to "not placed" instead of making the item unreadable.
  order: undefined,
};

/** A dependency without both ends is meaningless, so only lag has a default. */
export const DEPENDENCY_DEFAULTS: Partial<Omit<Dependency, "id">> = { lag: 0 };

/** A milestone's date has no sensible default; a milestone without one is unreadable. */
export const MILESTONE_DEFAULTS: Partial<Omit<Milestone, "id">> = { title: "Milestone", kind: "deadline" };
