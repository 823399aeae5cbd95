import type { BoardSnapshot } from "../model/snapshot";
import { ConflictFinder, findConflicts } from "./conflicts/index";
import { Scheduler } from "./schedule";
import type { DerivedBoard, DeriveOptions } from "./types";

/**
 * Everything every participant sees, derived from a snapshot: the schedule, the phase spans and
 * the conflicts. Pure and deterministic: the same snapshot (in any record order) and options
 * give byte-identical JSON on every replica.
 */
export function deriveBoard(snapshot: BoardSnapshot, options: DeriveOptions): DerivedBoard {
  // One call: nothing to remember for a next one (BoardDeriver's memory would only cost).
  const { schedule, phaseSpans } = new Scheduler().run(snapshot);
  return { schedule, phaseSpans, conflicts: findConflicts(snapshot, schedule, options) };
}

/**
 * deriveBoard for a live board: keep one per board and feed it each new snapshot (from
 * LiveSnapshot, whose unchanged records keep their identity). The scheduler reuses the
 * dependency graph and per-item work between calls, the conflict finder the load sweeps of
 * lanes and people whose work did not change; the output is always equal to deriveBoard's
 * for the same snapshot.
 */
export class BoardDeriver {
  private readonly scheduler = new Scheduler();
  private readonly conflicts = new ConflictFinder();

  derive(snapshot: BoardSnapshot, options: DeriveOptions): DerivedBoard {
    const { schedule, phaseSpans } = this.scheduler.run(snapshot);
    return { schedule, phaseSpans, conflicts: this.conflicts.find(snapshot, schedule, options) };
  }
}
