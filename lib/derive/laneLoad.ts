import type { LaneId } from "../model/ids";
import type { BoardSnapshot } from "../model/snapshot";
import { clampWorkingDays, type WorkCalendar } from "./calendar";
import { Loads, findOverloads } from "./conflicts/loadSweep";
import { roundLoad } from "./conflicts/text";
import { parseDay } from "./dayStrings";
import type { Schedule } from "./types";

/** What a lane header shows: the most work the lane carries on any working day, against what it can take. */
export interface LaneLoad {
  /** The highest daily load over the schedule, rounded to hundredths (0: no open work). */
  peak: number;
  /** The lane's declared capacity; 0 means none declared (no limit). */
  capacity: number;
  /** A capacity is declared and the peak goes over it: the lane-over-capacity rule fires too. */
  over: boolean;
}

/** Same cap as the conflict rules (itemFacts): keeps sums of absurd efforts finite. */
const MAX_DAILY_LOAD = 1_000_000;
const EPSILON = 1e-9;

/**
 * Each lane's peak daily load, by the same arithmetic as the lane-over-capacity conflict: a
 * scheduled item asks its effort spread over its working days per working day (1 without an
 * effort), done and won't-have items ask nothing, and the loads of a lane's items add up per
 * working day (one sweep, see findOverloads). Lanes with no open work get a peak of 0; items
 * whose lane is missing count for no lane.
 */
export function laneLoads(snapshot: BoardSnapshot, schedule: Schedule, cal: WorkCalendar): Map<LaneId, LaneLoad> {
  const groupOf = new Map<string, number>();
  snapshot.lanes.forEach((lane, k) => groupOf.set(lane.id, k));
  const itemById = new Map(snapshot.items.map((item) => [item.id as string, item]));
  const loads = new Loads(schedule.items.length);
  // Schedule items come sorted by id: the sweep's float sums are the same on every replica.
  schedule.items.forEach((entry, v) => {
    const item = itemById.get(entry.itemId);
    if (!item || item.laneId === null || item.status === "done" || item.priority === "wont") return;
    const group = groupOf.get(item.laneId);
    if (group === undefined) return;
    const rate = item.effort > 0 ? Math.min(MAX_DAILY_LOAD, item.effort / Math.max(1, clampWorkingDays(item.duration))) : 1;
    loads.add(group, v, parseDay(entry.start), parseDay(entry.finish), rate);
  });
  // Every working day with any load is "over" a limit of 0, so each run's peak is the lane's highest load in that stretch.
  const runs = findOverloads(cal, loads, () => 0);
  const out = new Map<LaneId, LaneLoad>();
  for (const lane of snapshot.lanes) out.set(lane.id, { peak: 0, capacity: lane.capacity, over: false });
  for (const run of runs) {
    const lane = snapshot.lanes[run.group];
    const entry = lane && out.get(lane.id);
    if (!entry || run.peak <= entry.peak + EPSILON) continue;
    entry.peak = run.peak;
  }
  for (const entry of out.values()) {
    entry.over = entry.capacity > 0 && entry.peak > entry.capacity + EPSILON;
    entry.peak = roundLoad(entry.peak);
  }
  return out;
}
