import type { Conflict } from "../types";
import { dateOf, isSettled, itemList, type ConflictContext } from "./context";
import { groupOverloadConflicts } from "./groupMemo";
import { Loads } from "./loadSweep";
import { quote, roundLoad } from "./text";

/**
 * lane-over-capacity (warning): for each lane with a capacity (0 means none declared), every
 * maximal run of working days on which the daily loads of its items (see dailyLoads) add up to
 * more than the capacity, with the peak load. Done and won't-have items take no capacity. One
 * sweep over sorted start/end events (see findOverloads), so long items cost nothing extra;
 * lanes whose items did not change since the last call of a ConflictFinder are not swept again.
 */
export function laneCapacityConflicts(ctx: ConflictContext): Conflict[] {
  const lanes = [...ctx.lanes.values()].filter((lane) => lane.capacity > 0);
  if (lanes.length === 0) return [];
  const groupOf = new Map<string, number>(lanes.map((lane, g) => [lane.id, g]));
  const daily = ctx.dailyLoads();
  const loads = new Loads(ctx.items.length);
  for (const v of ctx.order) {
    const item = ctx.items[v]!;
    if (!ctx.scheduled[v] || item.laneId === null || isSettled(item)) continue;
    const group = groupOf.get(item.laneId);
    if (group !== undefined) loads.add(group, v, ctx.start[v]!, ctx.finish[v]!, daily[v]!);
  }
  const groups = lanes.map((lane) => ({ key: lane.id, label: lane, limit: lane.capacity }));
  return groupOverloadConflicts(ctx.cal, ctx.items, loads, groups, ctx.memory?.lanes ?? null, (over) => {
    const lane = lanes[over.group]!;
    const [start, finish] = [dateOf(over.start), dateOf(over.finish)];
    const peak = roundLoad(over.peak);
    const span = start === finish ? `on ${start}` : `from ${start} to ${finish}`;
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
