import { FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY } from "../model/dateRange";
import type { DateString } from "../model/dates";
import type { ItemId } from "../model/ids";
import type { BoardSnapshot } from "../model/snapshot";
import { linksOf } from "../model/snapshotLinks";
import { dayOfWorkIndex, makeCalendar, MAX_WORKING_DAYS, workIndex } from "./calendar";
import { formatDay, parseDay } from "./dayStrings";
import { buildGraph } from "./scheduleGraph";
import type { Schedule } from "./types";

/** One item that "move X and everything after it" moves. */
export interface ChainMove {
  itemId: ItemId;
  /** Its first working day now (null when it is not scheduled now) and after the move. */
  from: DateString | null;
  to: DateString;
  /** Working days later (negative: earlier, which only the moved item itself can be); 0 when it was unscheduled. */
  shift: number;
  /**
   * The start the command writes, or null when the item is auto-scheduled and follows by
   * itself. The moved item gets the date asked for; a pinned successor its new first day.
   */
  write: DateString | null;
}

/** What moving one item and everything after it does, before it is done. */
export interface ChainPlan {
  itemId: ItemId;
  start: DateString;
  /** The moved item first, then the items that follow it, by new start, then id. */
  moves: ChainMove[];
}

/**
 * Plans "move X to `start` and everything after it" (docs/scheduling.md): X is pinned to
 * `start`, and every item that follows X through links (transitively, links inside a cycle
 * ignored as the scheduler ignores them) is placed as the scheduler would place it after the
 * move. Auto-scheduled successors follow by themselves; a pinned successor whose pin would now
 * break one of its links is re-pinned to the earliest start all its links allow, honouring lags
 * and leads, the board's working days and holidays. Pinned successors that still fit keep their
 * pin, so the chain stops pushing where there was slack, and nothing before X moves.
 *
 * Applying the plan therefore leaves no dependency conflict on a link into any item after X.
 * Pure: the plan depends on the snapshot and its schedule only, so it can be shown first.
 * Returns null when X is not an item of the board.
 */
export function planChainMove(snapshot: BoardSnapshot, schedule: Schedule, itemId: ItemId, start: DateString): ChainPlan | null {
  const graph = buildGraph(snapshot.items, snapshot.dependencies, linksOf(snapshot));
  const root = graph.itemIndex(itemId);
  if (root < 0) return null;
  const { items, edgeStart, edgeTo, edgeLag, comp, topo } = graph;
  const n = items.length;
  const cal = makeCalendar(snapshot.board);
  // The scheduler's bounds (lib/derive/schedule.ts): results stay inside the supported dates.
  const min = workIndex(cal, FIRST_SUPPORTED_DAY);
  const max = workIndex(cal, LAST_SUPPORTED_DAY + 1) - 1;
  const clamp = (x: number) => (x < min ? min : x > max ? max : x);
  const horizon = Math.min(max, workIndex(cal, parseDay(snapshot.board.horizonStart)));

  // Where everything is now, as work indices (NaN: unscheduled).
  const entryOf = new Map(schedule.items.map((e) => [e.itemId as string, e]));
  const oldStart = new Float64Array(n).fill(NaN);
  const finish = new Float64Array(n).fill(NaN);
  for (let v = 0; v < n; v++) {
    const entry = entryOf.get(items[v]!.id);
    if (!entry) continue;
    oldStart[v] = workIndex(cal, parseDay(entry.start));
    finish[v] = workIndex(cal, parseDay(entry.finish));
  }

  // What follows the root: only these can move.
  const after = new Uint8Array(n);
  after[root] = 1;
  const stack = [root];
  while (stack.length) {
    const v = stack.pop()!;
    for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) {
      const w = edgeTo[e]!;
      if (comp[w] !== comp[v] && !after[w]) {
        after[w] = 1;
        stack.push(w);
      }
    }
  }

  // The forward pass again, in topological order: items outside the chain keep their finish,
  // items in it are placed anew and offer their new finish to their successors.
  const newStart = new Float64Array(n).fill(NaN);
  const offered = new Float64Array(n).fill(-Infinity);
  const writes = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const v = topo[k]!;
    if (after[v]) {
      const item = items[v]!;
      const duration = item.duration < 1 ? 1 : item.duration > MAX_WORKING_DAYS ? MAX_WORKING_DAYS : item.duration;
      let s: number;
      if (v === root) {
        s = clamp(workIndex(cal, parseDay(start)));
        writes[v] = 1;
      } else if (item.start !== null) {
        const pin = clamp(workIndex(cal, parseDay(item.start)));
        s = clamp(offered[v]! > pin ? offered[v]! : pin);
        if (s !== pin) writes[v] = 1;
      } else if (offered[v]! > -Infinity) s = clamp(offered[v]! > horizon ? offered[v]! : horizon);
      else {
        finish[v] = NaN; // auto-scheduled with no scheduled predecessor: stays unscheduled
        continue;
      }
      newStart[v] = s;
      finish[v] = clamp(s + duration - 1);
    }
    const f = finish[v]!;
    if (f !== f) continue; // unscheduled: its links constrain nothing
    for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) {
      const w = edgeTo[e]!;
      if (comp[w] === comp[v]) continue;
      const offer = f + 1 + edgeLag[e]!;
      if (offer > offered[w]!) offered[w] = offer;
    }
  }

  const moves: ChainMove[] = [];
  for (let v = 0; v < n; v++) {
    const s = newStart[v]!;
    if (!after[v] || s !== s) continue;
    const was = oldStart[v]!;
    if (v !== root && s === was) continue;
    const to = formatDay(dayOfWorkIndex(cal, s));
    moves.push({
      itemId: items[v]!.id,
      from: was === was ? formatDay(dayOfWorkIndex(cal, was)) : null,
      to,
      shift: was === was ? s - was : 0,
      write: v === root ? start : writes[v] ? to : null,
    });
  }
  const rootId = items[root]!.id;
  moves.sort((a, b) => (a.itemId === rootId ? -1 : b.itemId === rootId ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : a.itemId < b.itemId ? -1 : 1));
  return { itemId, start, moves };
}
