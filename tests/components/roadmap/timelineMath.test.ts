import { describe, expect, it } from "vitest";
import { makeCalendar } from "../../../lib/derive/calendar";
import { date, fromDayNumber, toDayNumber } from "../../../lib/model/dates";
import { createdSpan } from "../../../components/roadmap/timeline/gestures/createDragMath";
import { resizedDuration, snapStart } from "../../../components/roadmap/timeline/gestures/dragMath";
import { mergeSpans } from "../../../components/roadmap/timeline/mergeSpans";
import { edgeSpeed } from "../../../components/ui/dragRules";

const cal = makeCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: [date("2027-03-10")] });
const day = (s: string) => toDayNumber(date(s));
const MON = day("2027-03-01");

describe("createdSpan: the item a drag on empty lane space creates", () => {
  it.each<[string, string, string, { start: string; duration: number; finish: string }]>([
    ["a press and release on one day makes a one-day item", "2027-03-02", "2027-03-02", { start: "2027-03-02", duration: 1, finish: "2027-03-02" }],
    ["dragging Monday to Friday makes five working days", "2027-03-01", "2027-03-05", { start: "2027-03-01", duration: 5, finish: "2027-03-05" }],
    ["dragging right to left gives the same item", "2027-03-05", "2027-03-01", { start: "2027-03-01", duration: 5, finish: "2027-03-05" }],
    ["a start on Saturday moves to Monday", "2027-03-06", "2027-03-09", { start: "2027-03-08", duration: 2, finish: "2027-03-09" }],
    ["an end on Sunday counts up to Friday", "2027-03-03", "2027-03-07", { start: "2027-03-03", duration: 3, finish: "2027-03-05" }],
    ["a drag over the weekend only still makes one day", "2027-03-06", "2027-03-07", { start: "2027-03-08", duration: 1, finish: "2027-03-08" }],
    ["a holiday inside the drag is not a working day", "2027-03-08", "2027-03-12", { start: "2027-03-08", duration: 4, finish: "2027-03-12" }],
  ])("%s", (_what, from, to, expected) => {
    const span = createdSpan(cal, day(from), day(to));
    expect({ start: fromDayNumber(span.startDay), duration: span.duration, finish: fromDayNumber(span.finishDay) }).toEqual(expected);
  });
});

describe("snapStart and resizedDuration: bars snap to working days", () => {
  it.each<[number, string]>([
    [0, "2027-03-01"],
    [1, "2027-03-02"],
    [5, "2027-03-08"], // Saturday, forward: the next Monday
    [-1, "2027-02-26"], // Sunday, backward: the Friday before
    [9, "2027-03-11"], // the holiday on the 10th, forward: the 11th
  ])("moving Monday's start by %i days lands on %s", (delta, expected) => {
    expect(fromDayNumber(snapStart(cal, MON, delta))).toBe(expected);
  });

  it.each<[number, number]>([
    [0, 5], // Mon–Fri unchanged
    [-2, 3], // to Wednesday
    [1, 5], // Saturday counts as Friday
    [3, 6], // to Monday
    [-10, 1], // never below one day
    [5, 7], // onto the holiday on Wednesday the 10th: back to Tuesday, Mon..Fri + Mon, Tue
    [6, 8], // Thursday the 11th: the holiday does not count
  ])("dragging a Mon–Fri bar's end by %i days gives %i working days", (delta, expected) => {
    expect(resizedDuration(cal, MON, day("2027-03-05"), delta)).toBe(expected);
  });
});

describe("mergeSpans: the summary row of a collapsed lane", () => {
  it("joins overlapping and touching spans and keeps gaps, sorted", () => {
    expect(
      mergeSpans([
        { start: 20, finish: 25 },
        { start: 1, finish: 3 },
        { start: 4, finish: 6 },
        { start: 2, finish: 5 },
        { start: 8, finish: 8 },
        { start: 22, finish: 30 },
      ]),
    ).toEqual([
      { start: 1, finish: 6 },
      { start: 8, finish: 8 },
      { start: 20, finish: 30 },
    ]);
  });

  it("an empty lane has no spans; a span ending before it starts is its start day", () => {
    expect(mergeSpans([])).toEqual([]);
    expect(mergeSpans([{ start: 5, finish: 2 }])).toEqual([{ start: 5, finish: 5 }]);
  });
});

describe("edgeSpeed: how fast a drag held at an edge scrolls the timeline", () => {
  it.each<[number, number]>([
    [500, 0], // the middle of the lanes: no scrolling
    [149, 0], // just outside the left zone (100 + 48)
    [140, -3],
    [100, -18], // at the edge of the lanes: full speed
    [40, -18], // past it (over the lane names): still full speed, no faster
    [860, 3],
    [900, 18],
    [1200, 18],
  ])("a pointer at %i between 100 and 900 scrolls %i px a frame", (pointer, speed) => {
    expect(edgeSpeed(pointer, 100, 900)).toBe(speed);
  });
});
