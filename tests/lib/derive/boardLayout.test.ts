import { describe, expect, it } from "vitest";
import { layoutBoard, NO_LANE } from "../../../lib/derive/boardLayout";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { recordMap } from "../../../lib/model/docLayout";
import type { LaneId } from "../../../lib/model/ids";
import { readSnapshot, type BoardSnapshot } from "../../../lib/model/snapshot";
import { newDoc } from "../helpers/docs";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

describe("layoutBoard", () => {
  it("spans each scheduled item over working days and lists unscheduled ones apart", () => {
    const { doc, ids } = templateBoard();
    const a = addItem(doc, { laneId: ids.lanes.Development, start: "2027-01-04", duration: 5 });
    const b = addItem(doc, { laneId: ids.lanes.Development, start: "2027-01-07", duration: 3 });
    const later = addItem(doc, { laneId: ids.lanes.Development, start: null });
    const layout = layoutBoard(readSnapshot(doc));
    expect(layout.spans.get(a)).toMatchObject({ start: "2027-01-04", finish: "2027-01-08" });
    expect(layout.spans.get(b)).toMatchObject({ start: "2027-01-07", finish: "2027-01-11" });
    expect(layout.spans.has(later)).toBe(false);
    expect(layout.unscheduled).toEqual([later]);
  });

  it("stacks overlapping bars of a lane in separate rows and counts the lane's rows", () => {
    const { doc, ids } = templateBoard();
    const a = addItem(doc, { laneId: ids.lanes.Testing, start: "2027-01-04", duration: 5 });
    const b = addItem(doc, { laneId: ids.lanes.Testing, start: "2027-01-08", duration: 2 });
    const c = addItem(doc, { laneId: ids.lanes.Testing, start: "2027-01-11", duration: 2 });
    const layout = layoutBoard(readSnapshot(doc));
    expect([a, b, c].map((id) => layout.spans.get(id)?.row)).toEqual([0, 1, 0]);
    expect(layout.laneRows.get(ids.lanes.Testing)).toBe(2);
  });

  it("gives every lane at least one row, even an empty one", () => {
    const { doc, ids } = templateBoard();
    const layout = layoutBoard(readSnapshot(doc));
    for (const lane of Object.values(ids.lanes)) expect(layout.laneRows.get(lane)).toBe(1);
    expect(layout.laneRows.has(NO_LANE)).toBe(false);
  });

  it("draws items whose lane is missing, and items without a lane, in NO_LANE", () => {
    const { doc, ids } = templateBoard();
    const orphan = addItem(doc, { laneId: ids.lanes.Operations, start: "2027-01-04", duration: 3 });
    const laneless = addItem(doc, { laneId: null, start: "2027-01-05", duration: 1 });
    recordMap(doc, "items", orphan)!.set("laneId", "lDeleted" as LaneId);
    const layout = layoutBoard(readSnapshot(doc));
    expect(layout.laneRows.get(NO_LANE)).toBe(2);
    expect(layout.laneRows.get("lDeleted")).toBeUndefined();
    expect(new Set([orphan, laneless].map((id) => layout.spans.get(id)?.row))).toEqual(new Set([0, 1]));
  });

  it("spans each phase from its first item's start to its last item's finish, in phase order", () => {
    const { doc, ids } = templateBoard();
    addItem(doc, { phaseId: ids.phases.Beta, start: "2027-03-01", duration: 5 });
    addItem(doc, { phaseId: ids.phases.Beta, start: "2027-03-03", duration: 10 });
    addItem(doc, { phaseId: ids.phases.MVP, start: "2027-01-04", duration: 1 });
    addItem(doc, { phaseId: ids.phases.Pilot, start: null });
    expect(layoutBoard(readSnapshot(doc)).phaseSpans).toEqual([
      { phaseId: ids.phases.MVP, start: "2027-01-04", finish: "2027-01-04" },
      { phaseId: ids.phases.Beta, start: "2027-03-01", finish: "2027-03-16" },
    ]);
  });

  it("uses the board's calendar: holidays and working weekdays move finishes", () => {
    const { doc, ids } = templateBoard();
    const id = addItem(doc, { laneId: ids.lanes.Development, start: "2027-01-04", duration: 5 });
    const base = readSnapshot(doc);
    const snapshot: BoardSnapshot = { ...base, board: { ...base.board, holidays: [date("2027-01-05")], workingDays: [1, 2, 3, 4] } };
    expect(layoutBoard(snapshot).spans.get(id)?.finish).toBe("2027-01-12");
  });

  it("lays the demo board out without overlaps inside any row", () => {
    const doc = newDoc();
    buildDemoBoard(doc, setup, date("2027-01-04"));
    const snap = readSnapshot(doc);
    const layout = layoutBoard(snap);
    expect(layout.spans.size).toBe(15);
    const spans = snap.items.map((i) => ({ ...layout.spans.get(i.id)!, lane: i.laneId }));
    for (const x of spans)
      for (const y of spans)
        if (x.itemId < y.itemId && x.lane === y.lane && x.row === y.row)
          expect(x.finishDay < y.startDay || y.finishDay < x.startDay).toBe(true);
    expect(layout.phaseSpans.map((p) => p.phaseId)).toEqual(snap.phases.map((p) => p.id));
  });
});
