import type { DateString } from "../../model/dates";
import type { BoardSnapshot } from "../../model/snapshot";
import type { DependencyRequestFacts } from "../../protocol/dependencyRequests";
import { makeCalendar, workingDaysBetween, type WorkCalendar } from "../calendar";
import type { Conflict, Schedule, ScheduledItem } from "../types";
import { dayOf } from "./context";
import { compareConflicts } from "./order";
import { compareStrings, dateWords, quote, workingDays } from "./text";

/**
 * The conflicts of dependency requests between teams (docs/teams.md): the requests are the
 * server's, not the document's, so these are derived beside findConflicts and joined to its list
 * where the board shows conflicts (joinConflicts). Pure, like the other rules: the same requests,
 * snapshot and schedule give the same conflicts on every screen.
 *
 * - commitment-late (warning): the finish the owning team committed to, or offered in a
 *   counter, is later than the date the requester needs it by.
 * - commitment-slipped (error): a committed request whose predecessor is now scheduled to finish
 *   after the date needed (the plan moved since the promise). A done predecessor is delivered.
 *
 * Requests whose items are gone raise nothing: there is nothing left to be late for.
 */
export function dependencyRequestConflicts(requests: readonly DependencyRequestFacts[], snapshot: BoardSnapshot, schedule: Schedule): Conflict[] {
  if (requests.length === 0) return [];
  const wanted = new Set<string>();
  for (const r of requests) wanted.add(r.fromItemId).add(r.toItemId);
  const items = new Map<string, { title: string; done: boolean }>();
  for (const item of snapshot.items) if (wanted.has(item.id)) items.set(item.id, { title: item.title, done: item.status === "done" });
  let cal: WorkCalendar | null = null;
  const late = (from: string, to: string) => workingDays(workingDaysBetween((cal ??= makeCalendar(snapshot.board)), dayOf(from as DateString) + 1, dayOf(to as DateString)));
  const out: Conflict[] = [];
  for (const r of requests) {
    const from = items.get(r.fromItemId);
    const to = items.get(r.toItemId);
    if (!from || !to) continue;
    const objectIds = r.dependencyId ? [r.fromItemId, r.toItemId, r.dependencyId] : [r.fromItemId, r.toItemId];
    const needs = `${quote(to.title)} needs it (${dateWords(r.neededBy)})`;
    const promised = r.state === "committed" ? r.committedFinish : r.state === "countered" ? r.counterDate : null;
    if (promised !== null && promised > r.neededBy) {
      const committed = r.state === "committed";
      out.push({
        id: `commitment-late:${r.id}`,
        kind: "commitment-late",
        severity: "warning",
        objectIds,
        message: committed
          ? `Commitment late: ${quote(from.title)} is committed for ${dateWords(promised)}, ${late(r.neededBy, promised)} after ${needs}. ` +
            `Ask its team for an earlier date, or plan ${quote(to.title)} later.`
          : `Counter-offer late: ${quote(from.title)} is offered for ${dateWords(promised)}, ${late(r.neededBy, promised)} after ${needs}. ` +
            `Accept it and plan ${quote(to.title)} later, or withdraw the request.`,
        fix: null,
      });
    }
    if (r.state !== "committed" || from.done) continue;
    const finish = scheduledFinish(schedule, r.fromItemId);
    if (finish === null || finish <= r.neededBy) continue;
    const promise = r.committedFinish ? `was committed for ${dateWords(r.committedFinish)} but ` : "";
    out.push({
      id: `commitment-slipped:${r.id}`,
      kind: "commitment-slipped",
      severity: "error",
      objectIds,
      message:
        `Commitment slipped: ${quote(from.title)} ${promise}is now scheduled to finish on ${dateWords(finish)}, ` +
        `${late(r.neededBy, finish)} after ${needs}. Bring it back before that date, or agree a new one with the team that needs it.`,
      fix: null,
    });
  }
  return out.sort(compareConflicts);
}

/** The item's scheduled finish: the schedule's items are sorted by id, so a binary search rather than a map of them all. */
function scheduledFinish(schedule: Schedule, itemId: string): DateString | null {
  const list: readonly ScheduledItem[] = schedule.items;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStrings(list[mid]!.itemId, itemId) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo]!.itemId === itemId ? list[lo]!.finish : null;
}

/** The board's conflicts with the requests' joined in, in the board's order (the same list object when there are none). */
export function joinConflicts(board: readonly Conflict[], requests: readonly Conflict[]): readonly Conflict[] {
  return requests.length === 0 ? board : [...board, ...requests].sort(compareConflicts);
}
