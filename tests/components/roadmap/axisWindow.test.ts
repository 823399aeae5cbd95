import { describe, expect, it } from "vitest";
import { timeAxis } from "../../../lib/derive/timeAxis";
import { date } from "../../../lib/model/dates";
import { daysInWindow, ticksInWindow } from "../../../components/roadmap/timeline/axisWindow";
import { dayToX, PX_PER_DAY } from "../../../components/roadmap/timeline/geometry";

/** The widest axis there can be (docs/dates.md): weeks over the whole supported range. */
const axis = timeAxis({ horizonStart: date("1900-01-01"), horizonEnd: date("2199-12-31"), days: [] }, "weeks");
const geometry = { axis, pxPerDay: PX_PER_DAY.weeks };
const screen = (left: number) => ({ left, right: left + 2_000, top: 0, bottom: 800 });

describe("only what is in view of a three-century axis is drawn", () => {
  it("a screen's width of ticks, wherever the view is", () => {
    expect(axis.minor.length).toBeGreaterThan(15_000);
    for (const left of [0, 1_000_000, dayToX(geometry, axis.endDay) - 2_000]) {
      const minor = ticksInWindow(axis.minor, geometry, screen(left));
      expect(minor.length).toBeGreaterThan(0);
      expect(minor.length).toBeLessThanOrEqual(Math.ceil(2_000 / (7 * PX_PER_DAY.weeks)) + 2);
      // Each reaches into the view, and none in view is left out.
      for (const t of minor) expect(dayToX(geometry, t.endDay) >= left && dayToX(geometry, t.startDay) <= left + 2_000).toBe(true);
      const all = axis.minor.filter((t) => dayToX(geometry, t.endDay) >= left && dayToX(geometry, t.startDay) <= left + 2_000);
      expect(minor).toEqual(all);
    }
  });

  it("the days in view are clamped to the axis, and nothing is drawn before the view is measured", () => {
    const [from, to] = daysInWindow(geometry, screen(-5_000));
    expect(from).toBe(axis.startDay);
    expect(to - from).toBeLessThan(2_000 / PX_PER_DAY.weeks);
    expect(daysInWindow(geometry, screen(1e12))).toEqual([axis.endDay, axis.endDay]);
    expect(ticksInWindow(axis.minor, geometry, null)).toEqual([]);
    const [a, b] = daysInWindow(geometry, null);
    expect(b - a).toBe(0);
  });
});
