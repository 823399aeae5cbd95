import type { DateString } from "../model/dates";
import type { BoardSnapshot } from "../model/snapshot";
import { sortedById } from "./scheduleGraph";
import type { PhaseSpan, Schedule } from "./types";

/**
 * Each phase's span: from the first start to the last finish of its scheduled items, in phase
 * order (order, then id). Phases with nothing scheduled have no span.
 */
export function computePhaseSpans(snapshot: BoardSnapshot, schedule: Schedule): PhaseSpan[] {
  const first = new Map<string, DateString>();
  const last = new Map<string, DateString>();
  // Both lists are in id order, so one merge walk pairs each entry with its record, with no
  // map of 10,000 ids. "YYYY-MM-DD" strings compare in date order.
  const items = sortedById(snapshot.items);
  let i = 0;
  for (const entry of schedule.items) {
    while (i < items.length && items[i]!.id < entry.itemId) i++;
    const item = items[i];
    if (!item || item.id !== entry.itemId || item.phaseId === null) continue;
    const start = first.get(item.phaseId);
    if (start === undefined || entry.start < start) first.set(item.phaseId, entry.start);
    const finish = last.get(item.phaseId);
    if (finish === undefined || entry.finish > finish) last.set(item.phaseId, entry.finish);
  }
  const phases = [...snapshot.phases].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const spans: PhaseSpan[] = [];
  for (const phase of phases) {
    const start = first.get(phase.id);
    const finish = last.get(phase.id);
    if (start !== undefined && finish !== undefined) spans.push({ phaseId: phase.id, start, finish });
  }
  return spans;
}
