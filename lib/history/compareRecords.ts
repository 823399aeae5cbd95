import type { Lane, Milestone, Phase } from "../model/schemas";
import { byIdOrder, type ShiftCounter } from "./side";
import { mergeById } from "./mergeById";
import type { MilestoneComparison, NamedRecordComparison } from "./types";

/** Milestones added, removed, or with a new date, title or kind, in id order (docs/history.md). */
export function compareMilestones(before: readonly Milestone[], after: readonly Milestone[], shifts: ShiftCounter): MilestoneComparison[] {
  const out: MilestoneComparison[] = [];
  mergeById(byIdOrder(before), byIdOrder(after), (x, y) => {
    if (!y) {
      out.push({ milestoneId: x!.id, change: "removed", title: x!.title, kind: x!.kind, date: { before: x!.date, after: null }, fields: {} });
      return;
    }
    if (!x) {
      out.push({ milestoneId: y.id, change: "added", title: y.title, kind: y.kind, date: { before: null, after: y.date }, fields: {} });
      return;
    }
    const fields: MilestoneComparison["fields"] = {};
    if (x.date !== y.date) fields.date = { before: x.date, after: y.date, shift: shifts.shift(x.date, y.date) };
    if (x.title !== y.title) fields.title = { before: x.title, after: y.title };
    if (x.kind !== y.kind) fields.kind = { before: x.kind, after: y.kind };
    if (fields.date || fields.title || fields.kind) {
      out.push({ milestoneId: y.id, change: "changed", title: y.title, kind: y.kind, date: { before: x.date, after: y.date }, fields });
    }
  });
  return out;
}

/**
 * Lanes or phases added, removed or renamed, in id order. A lane's colour, capacity or place
 * in the order are presentation, not plan, and are left out (docs/history.md).
 */
export function compareNamed<R extends Lane | Phase>(before: readonly R[], after: readonly R[]): NamedRecordComparison<R["id"]>[] {
  const out: NamedRecordComparison<R["id"]>[] = [];
  mergeById(byIdOrder(before), byIdOrder(after), (x, y) => {
    if (!y) out.push({ id: x!.id, change: "removed", name: { before: x!.name, after: null } });
    else if (!x) out.push({ id: y.id, change: "added", name: { before: null, after: y.name } });
    else if (x.name !== y.name) out.push({ id: y.id, change: "renamed", name: { before: x.name, after: y.name } });
  });
  return out;
}
