import Papa from "papaparse";
import type { DerivedBoard } from "../derive/types";
import type { BoardSnapshot } from "../model/snapshot";

/**
 * The board's items as CSV with the derived schedule (docs/import-export.md): one row per item,
 * UTF-8 with a byte-order mark and CRLF line ends so Excel and LibreOffice open it cleanly, ISO
 * dates. Its own columns (ID, Predecessors as "ID+lag") read back through the CSV import.
 */
export const CSV_COLUMNS = [
  "ID",
  "Title",
  "Lane",
  "Phase",
  "Pinned start",
  "Duration (working days)",
  "Scheduled start",
  "Scheduled finish",
  "Early start",
  "Early finish",
  "Late start",
  "Late finish",
  "Total slack (working days)",
  "Critical",
  "Status",
  "Priority",
  "Owners",
  "Tags",
  "Effort",
  "Deadline milestone",
  "Predecessors",
  "Conflicts",
] as const;

const BOM = "\uFEFF";

/** A cell Excel would run as a formula (=, +, -, @, tab, CR first) is prefixed with ' so it stays text. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function boardToCsv(snapshot: BoardSnapshot, derived: DerivedBoard): string {
  const laneName = new Map(snapshot.lanes.map((l) => [l.id as string, l.name]));
  const phaseName = new Map(snapshot.phases.map((p) => [p.id as string, p.name]));
  const milestoneTitle = new Map(snapshot.milestones.map((m) => [m.id as string, m.title]));
  const scheduled = new Map(derived.schedule.items.map((s) => [s.itemId as string, s]));
  const predecessors = new Map<string, string[]>();
  for (const dep of snapshot.dependencies) {
    const lag = dep.lag === 0 ? "" : dep.lag > 0 ? `+${dep.lag}` : String(dep.lag);
    predecessors.set(dep.toId, [...(predecessors.get(dep.toId) ?? []), `${dep.fromId}${lag}`]);
  }
  const itemIds = new Set<string>(snapshot.items.map((i) => i.id));
  const conflicts = new Map<string, string[]>();
  for (const conflict of derived.conflicts) {
    for (const id of conflict.objectIds) if (itemIds.has(id)) conflicts.set(id, [...(conflicts.get(id) ?? []), conflict.message]);
  }
  const rows = snapshot.items.map((item) => {
    const s = scheduled.get(item.id);
    // People's text is guarded against formula injection; ids, numbers and dates are the app's own.
    return [
      item.id,
      safeCell(item.title),
      safeCell(item.laneId ? (laneName.get(item.laneId) ?? "") : ""),
      safeCell(item.phaseId ? (phaseName.get(item.phaseId) ?? "") : ""),
      item.start ?? "",
      String(item.duration),
      s?.start ?? "",
      s?.finish ?? "",
      s?.earlyStart ?? "",
      s?.earlyFinish ?? "",
      s?.lateStart ?? "",
      s?.lateFinish ?? "",
      s ? String(s.totalSlack) : "",
      s ? (s.critical ? "yes" : "no") : "",
      item.status,
      item.priority,
      safeCell(item.owners.join("; ")),
      safeCell(item.tags.join("; ")),
      String(item.effort),
      safeCell(item.deadlineMilestoneId ? (milestoneTitle.get(item.deadlineMilestoneId) ?? "") : ""),
      (predecessors.get(item.id) ?? []).join("; "),
      safeCell((conflicts.get(item.id) ?? []).join(" | ")),
    ];
  });
  return BOM + Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: "\r\n", quotes: false }) + "\r\n";
}
