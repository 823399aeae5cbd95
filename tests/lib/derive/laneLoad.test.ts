import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCalendar } from "../../../lib/derive/calendar";
import { findConflicts } from "../../../lib/derive/conflicts/index";
import { laneLoads } from "../../../lib/derive/laneLoad";
import { computeSchedule } from "../../../lib/derive/schedule";
import type { Item } from "../../../lib/model/schemas";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { board, type BoardBuilder } from "./boardBuilder";
import { snapshotArb } from "./conflicts/helpers/randomSnapshot";

const week = { start: "2027-03-01", duration: 5 }; // Monday to Friday

function loadsOf(b: BoardBuilder, patch: (item: Item) => Partial<Item> = () => ({})) {
  const base = b.snapshot();
  const snapshot: BoardSnapshot = { ...base, items: base.items.map((item) => ({ ...item, ...patch(item) })) };
  return laneLoads(snapshot, computeSchedule(snapshot), makeCalendar(snapshot.board));
}

describe("laneLoads: each lane's peak daily load against its capacity, for the lane headers", () => {
  it("three full-time items in the same week of a lane of 2: a peak of 3, over capacity", () => {
    const loads = loadsOf(board().lane("Dev", 2).item("A", { lane: "Dev", ...week }).item("B", { lane: "Dev", ...week }).item("C", { lane: "Dev", ...week }));
    expect(loads.get("Dev" as never)).toEqual({ peak: 3, capacity: 2, over: true });
  });

  it("the peak is the busiest day, not the sum of the lane's work", () => {
    const loads = loadsOf(
      board()
        .lane("Dev", 3)
        .item("Mon-Fri", { lane: "Dev", ...week })
        .item("Next week", { lane: "Dev", start: "2027-03-08", duration: 5 })
        .item("Wed", { lane: "Dev", start: "2027-03-03" }),
    );
    expect(loads.get("Dev" as never)).toEqual({ peak: 2, capacity: 3, over: false });
  });

  it("effort is spread over the working days: 5 days of effort in 2 days is a load of 2.5", () => {
    const loads = loadsOf(board().lane("Dev", 2).item("A", { lane: "Dev", start: "2027-03-01", duration: 2, effort: 5 }));
    expect(loads.get("Dev" as never)).toEqual({ peak: 2.5, capacity: 2, over: true });
  });

  it("exactly at capacity is not over; capacity 0 declares no limit", () => {
    const loads = loadsOf(
      board()
        .lane("Full", 2)
        .lane("Open", 0)
        .item("A", { lane: "Full", ...week })
        .item("B", { lane: "Full", ...week })
        .item("C", { lane: "Open", ...week })
        .item("D", { lane: "Open", ...week }),
    );
    expect(loads.get("Full" as never)).toEqual({ peak: 2, capacity: 2, over: false });
    expect(loads.get("Open" as never)).toEqual({ peak: 2, capacity: 0, over: false });
  });

  it("done and won't-have items take no capacity; unscheduled ones and other lanes' none either", () => {
    const loads = loadsOf(
      board()
        .lane("Dev", 1)
        .lane("Ops", 1)
        .item("Done", { lane: "Dev", ...week })
        .item("Wont", { lane: "Dev", ...week })
        .item("Unplaced", { lane: "Dev" })
        .item("Ops work", { lane: "Ops", ...week })
        .item("Open", { lane: "Dev", ...week }),
      (item) => (item.id === "Done" ? { status: "done" } : item.id === "Wont" ? { priority: "wont" } : {}),
    );
    expect(loads.get("Dev" as never)).toEqual({ peak: 1, capacity: 1, over: false });
    expect(loads.get("Ops" as never)).toEqual({ peak: 1, capacity: 1, over: false });
  });

  it("a lane with no work has a peak of 0; an item in a deleted lane counts for no lane", () => {
    const loads = loadsOf(board().lane("Idle", 2).item("Orphan", { lane: "Gone", ...week }));
    expect([...loads.entries()]).toEqual([["Idle", { peak: 0, capacity: 2, over: false }]]);
  });

  it("agrees with the lane-over-capacity conflicts on any board the CRDT can reach", () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const schedule = computeSchedule(snapshot);
        const loads = laneLoads(snapshot, schedule, makeCalendar(snapshot.board));
        const conflicts = findConflicts(snapshot, schedule, { today: snapshot.board.horizonStart }).filter((c) => c.kind === "lane-over-capacity");
        for (const [laneId, load] of loads) {
          const mine = conflicts.filter((c) => c.objectIds.at(-1) === laneId);
          expect(load.over).toBe(mine.length > 0);
          if (mine.length > 0) expect(load.peak).toBe(Math.max(...mine.map((c) => c.load!.peak)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
