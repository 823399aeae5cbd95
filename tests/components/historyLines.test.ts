import { describe, expect, it } from "vitest";
import type { UserId } from "../../lib/model/ids";
import type { FieldChange, HistoryEntry } from "../../lib/protocol/history";
import { historyLines, type HistoryNames } from "../../components/history/historyLines";
import { formatDate } from "../../lib/format/dates";

const names: HistoryNames = {
  lanes: new Map([["l1", "Development"]]),
  phases: new Map([["p1", "Pilot"]]),
  milestones: new Map([["m1", "Go-live"]]),
  items: new Map([["i1", "Build"]]),
};
const writeDate = (d: string) => formatDate(d, { today: "2027-06-01" });
const entry = (kind: HistoryEntry["kind"], fields: FieldChange[], objectKind: HistoryEntry["objectKind"] = "item"): HistoryEntry => ({
  id: "7",
  at: "2027-01-11T10:00:00.000Z",
  user: { id: "uAna" as UserId, name: "Ana" },
  objectKind,
  objectId: "x",
  objectTitle: "X",
  kind,
  fields,
});
const text = (e: HistoryEntry) => {
  const [line] = historyLines([e], names, writeDate);
  return [line!.who, line!.verb, line!.changes.join("; ")].filter(Boolean).join(" ");
};

describe("history lines say who changed what from what to what", () => {
  it.each([
    ["a move with dates", entry("moved", [{ field: "start", before: "2027-01-11", after: "2027-01-18" }]), "Ana moved Start Mon, Jan 11 → Mon, Jan 18"],
    ["a milestone's date", entry("moved", [{ field: "date", before: "2027-06-01", after: "2027-06-15" }], "milestone"), "Ana moved Date Tue, Jun 1 → Tue, Jun 15"],
    ["durations in working days", entry("moved", [{ field: "duration", before: 1, after: 5 }]), "Ana moved Duration 1 working day → 5 working days"],
    ["ids by the names they have now", entry("moved", [{ field: "laneId", before: null, after: "l1" }, { field: "phaseId", before: "p-gone", after: "p1" }]), "Ana moved Lane none → Development; Phase a deleted phase → Pilot"],
    ["labels for stored words", entry("edited", [{ field: "status", before: "planned", after: "at_risk" }, { field: "priority", before: "must", after: "wont" }]), "Ana changed Status Planned → At risk; Priority Must have → Won't have"],
    ["lists of people", entry("edited", [{ field: "owners", before: [], after: ["Chen", "Dev"] }]), "Ana changed Owners none → Chen, Dev"],
    ["a pinned start cleared", entry("moved", [{ field: "start", before: "2027-01-11", after: null }]), "Ana moved Start Mon, Jan 11 → auto"],
    ["text in quotes", entry("edited", [{ field: "title", before: "Old", after: "New" }]), "Ana changed Title “Old” → “New”"],
    ["a description without its text", entry("edited", [{ field: "description", before: null, after: null }]), "Ana changed the description"],
    ["an order change alone", entry("moved", [{ field: "order", before: 1, after: 2 }], "lane"), "Ana reordered this lane"],
    ["an addition", entry("added", [{ field: "title", before: null, after: "X" }], "milestone"), "Ana added this milestone"],
    ["a deletion", entry("deleted", []), "Ana deleted this item"],
    ["a row from before values were kept", entry("moved", []), "Ana moved this item"],
    ["an accepted proposal, both people", { ...entry("moved", [{ field: "start", before: "2027-01-11", after: "2027-01-18" }]), proposedBy: { id: "uBen" as UserId, name: "Ben" } }, "Ana accepted Ben's proposal and moved Start Mon, Jan 11 → Mon, Jan 18"],
    ["an accepted new item", { ...entry("added", []), proposedBy: { id: "uBen" as UserId, name: "Ben" } }, "Ana accepted Ben's proposal and added this item"],
    ["working days", entry("edited", [{ field: "workingDays", before: [1, 2, 3, 4, 5], after: [1, 2, 3, 4] }], "board"), "Ana changed Working days Mon, Tue, Wed, Thu, Fri → Mon, Tue, Wed, Thu"],
  ])("%s", (_, e, expected) => {
    expect(text(e)).toBe(expected);
  });
});
