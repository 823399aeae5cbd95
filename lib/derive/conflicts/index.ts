import type { BoardSnapshot } from "../../model/snapshot";
import type { Conflict, DeriveOptions, Schedule } from "../types";
import { buildContext, emptyMemory, type ConflictContext, type RuleMemory } from "./context";
import { deadlineMissedConflicts } from "./deadlineMissed";
import { dependencyCycleConflicts } from "./dependencyCycle";
import { dependencyViolatedConflicts } from "./dependencyViolated";
import { invalidDatesConflicts } from "./invalidDates";
import { laneCapacityConflicts } from "./laneCapacity";
import { missingReferenceConflicts } from "./missingReference";
import { outsideHorizonConflicts } from "./outsideHorizon";
import { personOverBookedConflicts } from "./personOverBooked";
import { phaseOrderConflicts } from "./phaseOrder";
import { releaseNotReadyConflicts } from "./releaseNotReady";
import { collect } from "./collect";

/**
 * One function per rule, each in its own file; all read the same prebuilt lookups. Exported,
 * with names, for the benchmark's per-rule breakdown. What each rule reports: docs/derivations.md.
 */
export const CONFLICT_RULES: readonly (readonly [name: string, rule: (ctx: ConflictContext) => Conflict[]])[] = [
  ["dependency-cycle", dependencyCycleConflicts],
  ["dependency-violated", dependencyViolatedConflicts],
  ["missing-reference", missingReferenceConflicts],
  ["invalid-dates", invalidDatesConflicts],
  ["deadline-missed", deadlineMissedConflicts],
  ["phase-order-violated", phaseOrderConflicts],
  ["lane-over-capacity", laneCapacityConflicts],
  ["person-over-booked", personOverBookedConflicts],
  ["outside-horizon", outsideHorizonConflicts],
  ["release-not-ready", releaseNotReadyConflicts],
];

export { compareConflicts } from "./order";

/**
 * Every conflict on a board, sorted by severity, kind and id. Pure and deterministic: the same
 * snapshot and schedule give the same list, byte for byte once serialized, on every replica and
 * whatever the order of the input arrays, and each conflict's id names its cause (for example
 * "dependency-violated:<dependency id>") so it stays the same while the cause lasts.
 *
 * Never throws on a snapshot the CRDT can reach: dangling ids, cycles, junk durations and empty
 * boards are reported, not tripped over. Linear or n log n in the size of the board.
 *
 * `options.today` is deliberately unused: people in different time zones see the same board at
 * the same moment with different todays, and must still see the same conflicts.
 */
export function findConflicts(snapshot: BoardSnapshot, schedule: Schedule, _options: DeriveOptions): Conflict[] {
  return collect(buildContext(snapshot, schedule));
}

/**
 * findConflicts for a live board: keep one per board and call it with each new snapshot and its
 * schedule (LiveSnapshot and Scheduler keep unchanged records and entries identical). It finds
 * the items whose record, entry or required start changed since its last call (changedItems)
 * and judges only those again: their own per-item rules, the links at them, their lanes and
 * people (before and after); everything else, and the order of the result, is carried over.
 * Its output always equals findConflicts'.
 */
export class ConflictFinder {
  private readonly memory: RuleMemory = emptyMemory();

  find(snapshot: BoardSnapshot, schedule: Schedule, _options: DeriveOptions): Conflict[] {
    return collect(buildContext(snapshot, schedule, this.memory));
  }
}
