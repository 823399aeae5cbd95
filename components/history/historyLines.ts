import { countOf } from "../../lib/format/plural";
import type { ActivityKind } from "../../lib/protocol/comments";
import type { FieldChange, HistoryEntry, HistoryValue, ObjectKind } from "../../lib/protocol/history";
import { MILESTONE_KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS } from "../roadmap/labels";

/** Names of the board's records now, to write ids as people know them. */
export interface HistoryNames {
  lanes: ReadonlyMap<string, string>;
  phases: ReadonlyMap<string, string>;
  milestones: ReadonlyMap<string, string>;
  items: ReadonlyMap<string, string>;
}

/** How to write a calendar date ("Mon, Jan 11"): lib/format's, with the reader's today. */
export type DateWriter = (date: string) => string;

/** One entry as the history list shows it: "Ana moved" + "Start Mon, Jan 11 → Mon, Jan 18". */
export interface HistoryLine {
  key: string;
  who: string;
  verb: string;
  /** One phrase per changed field; empty for an addition or a deletion. */
  changes: string[];
  at: string;
}

const VERBS: Record<ActivityKind, string> = { added: "added", moved: "moved", edited: "changed", deleted: "deleted" };
const NOUNS: Record<ObjectKind, string> = { item: "item", milestone: "milestone", lane: "lane", phase: "phase", dependency: "dependency", board: "board" };

const LABELS: Record<string, string> = {
  title: "Title",
  name: "Name",
  start: "Start",
  duration: "Duration",
  laneId: "Lane",
  phaseId: "Phase",
  status: "Status",
  priority: "Priority",
  owners: "Owners",
  tags: "Tags",
  links: "Links",
  effort: "Effort",
  deadlineMilestoneId: "Deadline",
  description: "Description",
  date: "Date",
  kind: "Kind",
  color: "Colour",
  capacity: "Capacity",
  milestoneId: "Release milestone",
  lag: "Lag",
  fromId: "Predecessor",
  toId: "Successor",
  goal: "Goal",
  horizonStart: "Horizon start",
  horizonEnd: "Horizon end",
  workingDays: "Working days",
  holidays: "Holidays",
  timeScale: "Time scale",
};

const DATE_FIELDS = new Set(["start", "date", "horizonStart", "horizonEnd", "holidays"]);
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The entries as lines, in the order given. */
export function historyLines(entries: readonly HistoryEntry[], names: HistoryNames, writeDate: DateWriter): HistoryLine[] {
  return entries.map((entry) => {
    const noun = NOUNS[entry.objectKind];
    const base = { key: entry.id, who: entry.user.name, at: entry.at };
    // An accepted proposal is both people's: the one who accepted it, on the other's proposal.
    const via = entry.proposedBy ? `accepted ${entry.proposedBy.name}'s proposal and ` : "";
    if (entry.kind === "added" || entry.kind === "deleted") return { ...base, verb: `${via}${VERBS[entry.kind]} this ${noun}`, changes: [] };
    // An order key means nothing to a person: a change of order alone is "reordered".
    const fields = entry.fields.filter((f) => f.field !== "order");
    // Rows from before values were kept have no fields: what happened, not to what.
    if (!fields.length) return { ...base, verb: `${via}${entry.fields.length ? `reordered this ${noun}` : `${VERBS[entry.kind]} this ${noun}`}`, changes: [] };
    return { ...base, verb: `${via}${VERBS[entry.kind]}`, changes: fields.map((f) => fieldPhrase(f, names, writeDate)) };
  });
}

/** "Start Mon, Jan 11 → Mon, Jan 18"; fields whose values are not worth reading say only what changed. */
export function fieldPhrase(change: FieldChange, names: HistoryNames, writeDate: DateWriter): string {
  const label = LABELS[change.field] ?? change.field;
  // Rich text keeps no values.
  if (change.field === "description") return "the description";
  return `${label} ${fieldValue(change.field, change.before, names, writeDate)} → ${fieldValue(change.field, change.after, names, writeDate)}`;
}

function fieldValue(field: string, value: HistoryValue, names: HistoryNames, writeDate: DateWriter): string {
  if (field === "start" && value === null) return "auto";
  if (value === null) return "none";
  if (Array.isArray(value)) {
    if (!value.length) return "none";
    if (field === "workingDays") return value.map((d) => (typeof d === "number" ? (WEEKDAYS[d - 1] ?? String(d)) : String(d))).join(", ");
    return value.map((v) => fieldValue(field, v, names, writeDate)).join(", ");
  }
  if (typeof value === "object") return typeof value.title === "string" && value.title ? value.title : typeof value.url === "string" ? value.url : "…";
  if (typeof value === "number") {
    if (field === "duration") return countOf(value, "working day");
    if (field === "lag") return countOf(value, "day");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === "…") return value;
  if (DATE_FIELDS.has(field)) return writeDate(value);
  switch (field) {
    case "laneId":
      return names.lanes.get(value) ?? "a deleted lane";
    case "phaseId":
      return names.phases.get(value) ?? "a deleted phase";
    case "milestoneId":
    case "deadlineMilestoneId":
      return names.milestones.get(value) ?? "a deleted milestone";
    case "fromId":
    case "toId":
      return names.items.get(value) ?? "a deleted item";
    case "status":
      return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value;
    case "priority":
      return PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS] ?? value;
    case "kind":
      return MILESTONE_KIND_LABELS[value as keyof typeof MILESTONE_KIND_LABELS] ?? value;
    case "owners":
    case "tags":
      return value;
    case "timeScale":
      return value.charAt(0).toUpperCase() + value.slice(1);
    default:
      return `“${value}”`;
  }
}
