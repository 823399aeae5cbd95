import type { Conflict } from "../types";
import type { Lane } from "../../model/schemas";
import { dateOf, itemList, type ConflictContext } from "./context";
import { groupOverloadConflicts, orderBy } from "./groupMemo";
import { SETTLED } from "./itemFacts";
import { Loads } from "./loadSweep";
import { dateSpanWords, dateWords, quote, roundLoad } from "./text";

/**
 * lane-over-capacity (warning): for each lane with a capacity (0 means none declared), every
 * maximal run of working days on which the daily loads of its items (see dailyLoads) add up to
 * more than the capacity, with the peak load. Done and won't-have items take no capacity. One
 * sweep over sorted start/end events (see findOverloads), so long items cost nothing extra;
 * lanes whose items did not change since the last call of a ConflictFinder are not swept again.
 */
export function laneCapacityConflicts(ctx: ConflictContext): Conflict[] {
  const { facts, scheduled, start, finish, changed } = ctx;
  // Lanes with a capacity, as groups; `groupOf` by the lane's position in facts.lanes.
  const lanes: Lane[] = [];
  const groupOf = new Int32Array(facts.lanes.length).fill(-1);
  facts.lanes.forEach((lane, k) => {
    if (lane.capacity > 0) groupOf[k] = lanes.push(lane) - 1;
  });
  if (lanes.length === 0) return [];
  const memo = ctx.memory?.lanes ?? null;
  // On a live board, only the lanes of items that changed (before and after) are swept again.
  let dirty: Uint8Array | null = null;
  if (memo && changed) {
    dirty = new Uint8Array(lanes.length);
    const before = ctx.memory!.last!.facts.lane;
    for (const v of changed) {
      if (before[v]! >= 0 && groupOf[before[v]!]! >= 0) dirty[groupOf[before[v]!]!] = 1;
      if (facts.lane[v]! >= 0 && groupOf[facts.lane[v]!]! >= 0) dirty[groupOf[facts.lane[v]!]!] = 1;
    }
  }
  const loads = new Loads(ctx.items.length);
  for (const v of ctx.order) {
    if (!scheduled[v] || facts.flags[v]! & SETTLED || facts.lane[v]! < 0) continue;
    const group = groupOf[facts.lane[v]!]!;
    if (group >= 0 && (!dirty || dirty[group])) loads.add(group, v, start[v]!, finish[v]!, facts.rate[v]!);
  }
  const groups = lanes.map((lane) => ({ key: lane.id, limit: lane.capacity }));
  // Groups in the order of their conflict ids, so the list comes out sorted.
  const order = orderBy(lanes.map((lane) => `lane-over-capacity:${lane.id}:`));
  return groupOverloadConflicts(ctx.cal, loads, groups, order, memo, dirty, (over) => {
    const lane = lanes[over.group]!;
    const [start, finish] = [dateOf(over.start), dateOf(over.finish)];
    const peak = roundLoad(over.peak);
    const span = start === finish ? `on ${dateWords(start)}` : `from ${dateSpanWords(start, finish)}`;
    const objectIds: string[] = over.items.map((v) => ctx.items[v]!.id);
    objectIds.push(lane.id);
    return {
      id: `lane-over-capacity:${lane.id}:${start}`,
      kind: "lane-over-capacity",
      severity: "warning",
      objectIds,
      message:
        `Lane ${quote(lane.name, "unnamed")} is over capacity ${span}: a load of up to ${peak} against a capacity of ${lane.capacity}, ` +
        `from ${itemList(ctx, over.items)}. Move or shorten some of this work, or raise the lane's capacity.`,
      fix: null,
      interval: { start, finish },
      load: { peak, limit: lane.capacity },
    };
  });
}
