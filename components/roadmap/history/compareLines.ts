import type { BoardComparison, DateShift, ItemComparison, MilestoneComparison } from "../../../lib/history/types";
import { countOf } from "../../../lib/format/plural";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { MILESTONE_KIND_LABELS, PRIORITY_LABELS, STATUS_LABELS } from "../labels";

/**
 * The comparison in people's words, grouped as the Compare view lists it. Plain functions
 * (dates are formatted by the caller's `date`), so the wording is tested without a browser.
 */

export interface LaneGroup {
  laneId: string | null;
  name: string;
  items: ItemComparison[];
}

/** Names of lanes, phases and milestones: the board's now, else the comparison's own (for removed ones). */
export interface Names {
  lane: (id: string | null) => string;
  phase: (id: string | null) => string;
  milestone: (id: string | null) => string;
}

export function namesFor(snapshot: BoardSnapshot, comparison: BoardComparison): Names {
  const lanes = new Map<string, string>(snapshot.lanes.map((l) => [l.id, l.name]));
  const phases = new Map<string, string>(snapshot.phases.map((p) => [p.id, p.name]));
  const milestones = new Map<string, string>(snapshot.milestones.map((m) => [m.id, m.title]));
  for (const l of comparison.lanes) if (!lanes.has(l.id)) lanes.set(l.id, l.name.before ?? l.name.after ?? "");
  for (const p of comparison.phases) if (!phases.has(p.id)) phases.set(p.id, p.name.before ?? p.name.after ?? "");
  for (const m of comparison.milestones) if (!milestones.has(m.milestoneId)) milestones.set(m.milestoneId, m.title);
  const named = (map: Map<string, string>, none: string, gone: string) => (id: string | null) => (id === null ? none : map.get(id) || gone);
  return { lane: named(lanes, "No lane", "A deleted lane"), phase: named(phases, "No phase", "a deleted phase"), milestone: named(milestones, "none", "a deleted milestone") };
}

/** Item changes by lane, in the board's lane order; then lanes that are gone; "No lane" last. */
export function groupByLane(items: readonly ItemComparison[], snapshot: BoardSnapshot, names: Names): LaneGroup[] {
  const groups = new Map<string | null, ItemComparison[]>();
  for (const entry of items) {
    const list = groups.get(entry.lane);
    if (list) list.push(entry);
    else groups.set(entry.lane, [entry]);
  }
  const order = new Map<string | null, number>(snapshot.lanes.map((l, i) => [l.id, i]));
  const rank = (id: string | null) => (id === null ? Infinity : (order.get(id) ?? snapshot.lanes.length));
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)))
    .map(([laneId, list]) => ({ laneId, name: names.lane(laneId), items: list }));
}

/** "+3 wd", "−2 wd", "0 wd". */
export const signedDays = (n: number) => `${n > 0 ? "+" : n < 0 ? "\u2212" : ""}${Math.abs(n)} wd`;

/** A date shift as "Mar 3 → Mar 8 (+3 wd)", or what is missing on a side. */
export function shiftPhrase(shift: DateShift, date: (d: string) => string): string {
  if (shift.before === null && shift.after === null) return "no date";
  if (shift.before === null) return `now ${date(shift.after!)}`;
  if (shift.after === null) return `was ${date(shift.before)}, now none`;
  if (shift.before === shift.after) return `${date(shift.after)} (unchanged)`;
  return `${date(shift.before)} \u2192 ${date(shift.after)} (${signedDays(shift.shift ?? 0)})`;
}

/** Each change of one item, one phrase each, in a fixed order. */
export function itemPhrases(entry: ItemComparison, names: Names, date: (d: string) => string): string[] {
  if (entry.change === "added") return [entry.after ? `added, ${date(entry.after.start)} \u2013 ${date(entry.after.finish)}` : "added, not scheduled"];
  if (entry.change === "removed") return ["removed"];
  const f = entry.fields;
  const out: string[] = [];
  if (f.schedule) {
    const s = f.schedule;
    if (s.startShift === null || s.finishShift === null) out.push(s.start.after === null ? "no longer scheduled" : `now scheduled ${date(s.start.after)} \u2013 ${date(s.finish.after!)}`);
    else if (s.startShift === s.finishShift) out.push(`moved ${signedDays(s.startShift)} (${date(s.start.before!)} \u2192 ${date(s.start.after!)})`);
    else out.push(`start ${signedDays(s.startShift)}, finish ${signedDays(s.finishShift)} (finishes ${date(s.finish.after!)})`);
  }
  if (f.duration) out.push(`${f.duration.delta > 0 ? "lengthened" : "shortened"} ${f.duration.before} \u2192 ${countOf(f.duration.after, "working day")}`);
  if (f.title) out.push(`renamed from \u201c${f.title.before}\u201d`);
  if (f.lane) out.push(`lane ${names.lane(f.lane.before)} \u2192 ${names.lane(f.lane.after)}`);
  if (f.phase) out.push(`phase ${names.phase(f.phase.before)} \u2192 ${names.phase(f.phase.after)}`);
  if (f.status) out.push(`status ${STATUS_LABELS[f.status.before]} \u2192 ${STATUS_LABELS[f.status.after]}`);
  if (f.priority) out.push(`priority ${PRIORITY_LABELS[f.priority.before]} \u2192 ${PRIORITY_LABELS[f.priority.after]}`);
  if (f.deadline) out.push(`deadline ${names.milestone(f.deadline.before)} \u2192 ${names.milestone(f.deadline.after)}`);
  if (f.owners) {
    if (f.owners.added.length) out.push(`owners added: ${f.owners.added.join(", ")}`);
    if (f.owners.removed.length) out.push(`owners removed: ${f.owners.removed.join(", ")}`);
  }
  return out;
}

export function milestonePhrases(entry: MilestoneComparison, date: (d: string) => string): string[] {
  if (entry.change === "added") return [`added on ${date(entry.date.after!)}`];
  if (entry.change === "removed") return [`removed (was ${date(entry.date.before!)})`];
  const out: string[] = [];
  const f = entry.fields;
  if (f.date) out.push(`moved ${signedDays(f.date.shift)} (${date(f.date.before)} \u2192 ${date(f.date.after)})`);
  if (f.title) out.push(`renamed from \u201c${f.title.before}\u201d`);
  if (f.kind) out.push(`${MILESTONE_KIND_LABELS[f.kind.before]} \u2192 ${MILESTONE_KIND_LABELS[f.kind.after]}`);
  return out;
}

/** How many changes, for the summary line: "12 items, 2 milestones, 1 lane changed". */
export function changeCount(c: BoardComparison): number {
  return c.items.length + c.milestones.length + c.lanes.length + c.phases.length;
}
