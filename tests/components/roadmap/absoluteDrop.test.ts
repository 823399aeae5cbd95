import { describe, expect, it } from "vitest";
import { makeCalendar } from "../../../lib/derive/calendar";
import { date, fromDayNumber, toDayNumber } from "../../../lib/model/dates";
import { dragView, dropDuration, dropStart } from "../../../components/roadmap/timeline/gestures/dragMath";
import type { DragPreview } from "../../../components/roadmap/timeline/gestures/useItemDrag";
import type { TimelineGeometry } from "../../../components/roadmap/timeline/geometry";

const cal = makeCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: [] });
const day = (s: string) => toDayNumber(date(s));
const geometry = { pxPerDay: 24, bands: [] } as unknown as TimelineGeometry;

/** Ben grabbed a Mon–Fri bar (1–5 March, drawn 40 px down) and holds it 14 days earlier. */
const ben: DragPreview = {
  itemId: "i1",
  mode: "move",
  dayDelta: -14,
  dy: 0,
  laneId: "l1",
  origin: { startDay: day("2027-03-01"), finishDay: day("2027-03-05"), top: 40 },
};

describe("a drop writes the place its author saw, whatever happened to the bar meanwhile", () => {
  it("drops on the start under the pointer, counted from where the bar was at the press", () => {
    expect(fromDayNumber(dropStart(cal, ben))).toBe("2027-02-15");
  });

  it("keeps the ghost under the pointer when a colleague's drop moves the bar two weeks later and a row down", () => {
    const before = dragView(geometry, cal, ben, 5, { startDay: day("2027-03-01"), finishDay: day("2027-03-05") }, "l1", 40);
    const moved = dragView(geometry, cal, ben, 5, { startDay: day("2027-03-15"), finishDay: day("2027-03-19") }, "l1", 76);
    // The bar itself is drawn 14 days (336 px) later and 36 px lower: the ghost's offset makes up for both.
    expect(moved.x).toBe(before.x - 14 * 24);
    expect(moved.y).toBe(before.y - 36);
    expect(moved.label).toBe(before.label);
  });

  it("a resize keeps the finish the person aimed at, from the bar's start now", () => {
    const resize: DragPreview = { ...ben, mode: "resize", dayDelta: 3 };
    // Aimed at Monday 8 March; the bar now starts Wednesday 3 March: four working days.
    expect(dropDuration(cal, resize, day("2027-03-03"))).toBe(4);
  });
});
