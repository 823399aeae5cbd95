import type { Conflict } from "../types";
import type { ConflictContext } from "./context";
import { deadlineMissedCheck } from "./deadlineMissed";
import { dependencyCycleConflicts } from "./dependencyCycle";
import { dependencyViolatedCheck } from "./dependencyViolated";
import { invalidDatesCheck, invalidSettingsAndFields } from "./invalidDates";
import { laneCapacityConflicts } from "./laneCapacity";
import { missingReferenceConflicts } from "./missingReference";
import { orderConflicts } from "./order";
import { outsideHorizonCheck } from "./outsideHorizon";
import { personOverBookedConflicts } from "./personOverBooked";
import { phaseOrderCheck } from "./phaseOrder";
import { releaseNotReadyConflicts } from "./releaseNotReady";

type Check = (at: number, out: Conflict[]) => void;

/**
 * Runs every rule (the same ones as CONFLICT_RULES), keeps one conflict per id and sorts them.
 *
 * Rules that judge one item at a time (deadline-missed, outside-horizon, an item's own
 * invalid dates) or one link at a time (dependency-violated, phase-order-violated) and the load
 * rules (by lane, by person) are, for a ConflictFinder, only run again for what `ctx.changed`
 * reaches: the changed items, the links at them, their lanes and people before and after; the
 * rest is the previous call's. The others read board-wide data (problems, cycles, releases)
 * and are cheap; they run every time.
 */
export function collect(ctx: ConflictContext): Conflict[] {
  const found: Conflict[] = [];
  const add = (list: readonly Conflict[]) => {
    for (const conflict of list) found.push(conflict);
  };
  add(dependencyCycleConflicts(ctx));
  add(missingReferenceConflicts(ctx));
  add(invalidSettingsAndFields(ctx));
  const itemChecks = [deadlineMissedCheck(ctx), outsideHorizonCheck(ctx), invalidDatesCheck(ctx)].filter((c) => c !== null);
  perUnit(ctx, ctx.order, itemChecks, "perItem", ctx.changed, found);
  const linkChecks = [dependencyViolatedCheck(ctx), phaseOrderCheck(ctx)].filter((c) => c !== null);
  perUnit(ctx, ctx.dependencies.length, linkChecks, "perLink", ctx.changed && linksAt(ctx, ctx.changed), found);
  add(laneCapacityConflicts(ctx));
  add(personOverBookedConflicts(ctx));
  add(releaseNotReadyConflicts(ctx));
  if (ctx.memory) ctx.memory.last = ctx;
  return orderConflicts(found, ctx.memory);
}

/**
 * Runs per-unit checks (units: items in `order`, or links 0 .. order - 1), pushing their
 * conflicts onto `found`; with memory, only for the units in `redo` (all when null), taking the
 * others' conflicts from the previous call.
 */
function perUnit(ctx: ConflictContext, order: Int32Array | number, checks: readonly Check[], slot: "perItem" | "perLink", redo: readonly number[] | null, found: Conflict[]): void {
  const memory = ctx.memory;
  const count = typeof order === "number" ? order : order.length;
  if (!memory) {
    for (let k = 0; k < count; k++) for (const check of checks) check(typeof order === "number" ? k : order[k]!, found);
    return;
  }
  let kept = memory[slot];
  const out: Conflict[] = [];
  const run = (at: number) => {
    for (const check of checks) check(at, out);
    kept!.conflicts[at] = out.length ? out.splice(0) : undefined;
  };
  if (!redo || !kept || kept.conflicts.length !== count) {
    kept = memory[slot] = { conflicts: new Array<Conflict[] | undefined>(count), present: [] };
    for (let k = 0; k < count; k++) {
      const at = typeof order === "number" ? k : order[k]!;
      run(at);
      if (kept.conflicts[at]) kept.present.push(at);
    }
  } else {
    // Units are then numbered in id order (see changedItems): `present` stays sorted.
    const { present } = kept;
    for (const at of redo) {
      const had = kept.conflicts[at] !== undefined;
      run(at);
      const has = kept.conflicts[at] !== undefined;
      if (had === has) continue;
      let lo = 0;
      let hi = present.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (present[mid]! < at) lo = mid + 1;
        else hi = mid;
      }
      if (has) present.splice(lo, 0, at);
      else present.splice(lo, 1);
    }
  }
  for (const at of kept.present) for (const conflict of kept.conflicts[at]!) found.push(conflict);
}

/** The links at the changed items (either end), each once, from an index kept in memory per links array. */
function linksAt(ctx: ConflictContext, changed: readonly number[]): number[] {
  const memory = ctx.memory!;
  let at = memory.linksAt;
  if (!at || at.depFrom !== ctx.depFrom || at.depTo !== ctx.depTo) {
    const { depFrom, depTo } = ctx;
    const n = ctx.items.length;
    const first = new Int32Array(n + 1);
    for (let d = 0; d < depFrom.length; d++) {
      if (depFrom[d]! >= 0) first[depFrom[d]! + 1]!++;
      if (depTo[d]! >= 0 && depTo[d] !== depFrom[d]) first[depTo[d]! + 1]!++;
    }
    for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
    const fill = first.slice(0, n);
    const list = new Int32Array(first[n]!);
    for (let d = 0; d < depFrom.length; d++) {
      if (depFrom[d]! >= 0) list[fill[depFrom[d]!]!++] = d;
      if (depTo[d]! >= 0 && depTo[d] !== depFrom[d]) list[fill[depTo[d]!]!++] = d;
    }
    at = memory.linksAt = { depFrom, depTo, first, links: list };
  }
  const seen = new Set<number>();
  for (const v of changed) for (let k = at.first[v]!; k < at.first[v + 1]!; k++) seen.add(at.links[k]!);
  return [...seen];
}
