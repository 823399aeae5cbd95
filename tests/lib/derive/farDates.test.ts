import { describe, expect, it } from "vitest";
import { timeAxis } from "../../../lib/derive/timeAxis";
import { updateBoard } from "../../../lib/model/boardCommands";
import { FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY } from "../../../lib/model/dateRange";
import { date, fromDayNumber, toDayNumber } from "../../../lib/model/dates";
import { boardMap } from "../../../lib/model/docLayout";
import type { ItemId, MilestoneId } from "../../../lib/model/ids";
import { updateItem } from "../../../lib/model/itemCommands";
import { addMilestone, updateMilestone } from "../../../lib/model/milestoneCommands";
import { readSnapshot } from "../../../lib/model/snapshot";
import { TIME_SCALES } from "../../../lib/model/schemas";
import { setup } from "../helpers/fixtures";
import { ConflictBoard } from "./conflicts/helpers/conflictBoard";

/**
 * Issue 14, point 4: a far date (9999-12-31 as the horizon's end, an item's start, lags that
 * push the schedule there) hung the timeline. The supported range is 1900-01-01 to 2199-12-31
 * (docs/dates.md): dates outside it are invalid-dates conflicts, never fed to the axis.
 */
/** The axis adds one minor unit each side, and its major ticks may reach a year further. */
const MARGIN = 2 * 366;

describe("the time axis never loops on a far date (the reported hang)", () => {
  it("weeks, horizon ending 9999-12-31: returns, bounded by the supported range", () => {
    const started = performance.now();
    const axis = timeAxis({ horizonStart: date("2027-01-04"), horizonEnd: date("9999-12-31"), days: [] }, "weeks");
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(axis.endDay).toBeLessThanOrEqual(LAST_SUPPORTED_DAY + MARGIN);
    expect(axis.minor.length).toBeLessThanOrEqual(15_657);
    expect(axis.minor.at(-1)!.endDay).toBe(axis.endDay);
    expect(axis.major.at(-1)!.label).toMatch(/ 2200$/);
  });

  it.each(["months", "quarters"] as const)("%s, horizon ending 9999-12-31: a positive width and ticks up to 2199", (scale) => {
    const axis = timeAxis({ horizonStart: date("2027-01-04"), horizonEnd: date("9999-12-31"), days: [] }, scale);
    expect(axis.endDay).toBeGreaterThan(axis.startDay);
    expect(axis.endDay).toBeGreaterThan(LAST_SUPPORTED_DAY);
    expect(axis.minor.length).toBeGreaterThan(100);
  });

  it.each(TIME_SCALES)("%s: days far outside, infinite or not numbers are clamped or ignored", (scale) => {
    const axis = timeAxis({ horizonStart: date("2027-01-04"), horizonEnd: date("2027-12-31"), days: [1e12, -1e12, Infinity, -Infinity, NaN] }, scale);
    expect(axis.startDay).toBeGreaterThanOrEqual(FIRST_SUPPORTED_DAY - MARGIN);
    expect(axis.endDay).toBeLessThanOrEqual(LAST_SUPPORTED_DAY + MARGIN);
    for (const tick of [...axis.minor, ...axis.major]) expect(Number.isFinite(tick.startDay) && tick.endDay > tick.startDay).toBe(true);
  });

  it("a horizon of malformed strings still gives an axis", () => {
    const axis = timeAxis({ horizonStart: "+010000-01-01" as never, horizonEnd: "soon" as never, days: [] }, "weeks");
    expect(axis.endDay).toBeGreaterThan(axis.startDay);
    expect(axis.minor.length).toBeLessThan(10);
  });
});

describe("dates outside the supported range are invalid-dates conflicts", () => {
  it("a horizon end of 9999-12-31 written by a raw client is clamped to 2199-12-31 and reported", () => {
    const b = new ConflictBoard();
    b.doc.transact(() => boardMap(b.doc).set("horizonEnd", "9999-12-31"), setup);
    expect(readSnapshot(b.doc).board.horizonEnd).toBe("2199-12-31");
    expect(b.conflicts("invalid-dates")).toContainEqual({
      id: "invalid-dates:board:horizonEnd",
      kind: "invalid-dates",
      severity: "error",
      objectIds: [],
      message:
        "The board's horizon end cannot be used: 9999-12-31 is outside the supported dates (1900-01-01 to 2199-12-31). The horizon is taken to end on Tue, Dec 31, 2199. Set it again in the board settings.",
      fix: null,
    });
  });

  it("a horizon start before 1900 is clamped to 1900-01-01 and reported", () => {
    const b = new ConflictBoard();
    b.doc.transact(() => boardMap(b.doc).set("horizonStart", "0100-01-01"), setup);
    expect(readSnapshot(b.doc).board.horizonStart).toBe("1900-01-01");
    expect(b.conflicts("invalid-dates").map((c) => c.message)).toContainEqual(expect.stringContaining("0100-01-01 is outside the supported dates"));
  });

  it("an item starting 9999-12-31 is scheduled as if it had no start, and reported", () => {
    const b = new ConflictBoard();
    const item = b.item("Launch", { start: "2027-03-01" });
    b.raw("items", "Launch", "start", "9999-12-31");
    const { snapshot, conflicts } = b.derive();
    expect(snapshot.items.find((i) => i.id === item)?.start).toBeNull();
    expect(conflicts.find((c) => c.id === `invalid-dates:items:${item}:start`)?.message).toBe(
      "“Launch” has a start that cannot be used: 9999-12-31 is outside the supported dates (1900-01-01 to 2199-12-31). It is scheduled as if it had none. Set a start inside that range.",
    );
  });

  it("a milestone dated 9999-12-31 is left off the board, with the reason", () => {
    const b = new ConflictBoard();
    const m = b.milestone("Go-live", "2027-06-01");
    b.raw("milestones", "Go-live", "date", "9999-12-31");
    const { snapshot, conflicts } = b.derive();
    expect(snapshot.milestones.some((x) => x.id === m)).toBe(false);
    expect(conflicts.find((c) => c.id === `invalid-dates:milestones:${m}:date`)?.message).toContain("9999-12-31 is outside the supported dates");
  });

  it("holidays outside the range are dropped (the others kept) with a warning", () => {
    const b = new ConflictBoard();
    b.doc.transact(() => boardMap(b.doc).set("holidays", ["2027-05-03", "9999-12-31"]), setup);
    expect(readSnapshot(b.doc).board.holidays).toEqual(["2027-05-03"]);
    expect(b.conflicts("invalid-dates")).toContainEqual(expect.objectContaining({ id: "invalid-dates:board:holidays", severity: "warning" }));
  });

  it("an impossible date (2027-02-31) is still junk, not a range problem", () => {
    const b = new ConflictBoard();
    const item = b.item("Launch", { start: "2027-03-01" });
    b.raw("items", "Launch", "start", "2027-02-31");
    expect(b.conflicts("invalid-dates").find((c) => c.id === `invalid-dates:items:${item}:start`)?.message).toContain("cannot be read");
  });

  it.each([
    ["a duration of 10^9 working days", 1e9, 0],
    ["a lag of 10^9 working days before it", 5, 1e9],
  ])("%s ends the schedule at 2199-12-31 and is reported", (_what, duration, lag) => {
    const b = new ConflictBoard();
    const a = b.item("Build", { start: "2027-03-01" });
    b.raw("items", "Build", "duration", duration); // commands cap durations: a raw peer does not
    const s = b.item("Ship");
    b.rawLink("Build", "Ship", lag);
    const { schedule, conflicts } = b.derive();
    const far = lag ? s : a;
    expect(schedule.items.find((i) => i.itemId === far)?.finish).toBe("2199-12-31");
    for (const entry of schedule.items) for (const d of [entry.start, entry.finish, entry.lateStart, entry.lateFinish]) expect(d <= "2199-12-31" && d >= "1900-01-01").toBe(true);
    expect(conflicts.map((c) => c.id)).toContain(`invalid-dates:items:${far}:range`);
  });
});

describe("an item is reported as cut off only when the range actually cut it", () => {
  it.each([
    ["pinned on the last supported day, 1 day long", "2199-12-31", 1, false],
    ["ending exactly on the last supported day (Wed 25 to Tue 31)", "2199-12-25", 5, false],
    ["one working day too long", "2199-12-27", 5, true],
    ["pinned two days before the end, 5 days long", "2199-12-29", 5, true],
  ])("%s", (_what, start, duration, reported) => {
    const b = new ConflictBoard();
    const item = b.item("Late", { start, duration });
    const ids = b.conflicts("invalid-dates").map((c) => c.id);
    expect(ids.includes(`invalid-dates:items:${item}:range`)).toBe(reported);
  });
});

describe("commands refuse dates outside the supported range", () => {
  it("updateBoard refuses a horizon end of 9999-12-31 and writes nothing", () => {
    const b = new ConflictBoard();
    const result = updateBoard(b.doc, setup, { horizonEnd: "9999-12-31" as never });
    expect(result).toEqual({ ok: false, error: "horizonEnd: 9999-12-31 is outside the supported dates (1900-01-01 to 2199-12-31)" });
    expect(readSnapshot(b.doc).board.horizonEnd).toBe("2027-12-31");
  });

  it("updateBoard refuses a holiday in 1899", () => {
    const b = new ConflictBoard();
    expect(updateBoard(b.doc, setup, { holidays: ["1899-12-31" as never] }).ok).toBe(false);
  });

  it("an item's start and a milestone's date are refused outside the range, accepted at its edges", () => {
    const b = new ConflictBoard();
    const item = b.item("Launch", { start: "2027-03-01" }) as ItemId;
    expect(updateItem(b.doc, setup, item, { start: "2200-01-01" as never }).ok).toBe(false);
    expect(updateItem(b.doc, setup, item, { start: "2199-12-31" as never }).ok).toBe(true);
    expect(updateItem(b.doc, setup, item, { start: "1900-01-01" as never }).ok).toBe(true);
    expect(updateItem(b.doc, setup, item, { start: "1899-12-31" as never }).ok).toBe(false);
    expect(addMilestone(b.doc, setup, { title: "Far", date: "9999-12-31" as never, kind: "deadline" }).ok).toBe(false);
    const m = b.milestone("Go-live", "2027-06-01") as MilestoneId;
    expect(updateMilestone(b.doc, setup, m, { date: "2200-01-01" as never }).ok).toBe(false);
    expect(readSnapshot(b.doc).milestones.find((x) => x.id === m)?.date).toBe("2027-06-01");
  });
});

it("the range constants agree with the day arithmetic", () => {
  expect(toDayNumber(date("1900-01-01"))).toBe(FIRST_SUPPORTED_DAY);
  expect(toDayNumber(date("2199-12-31"))).toBe(LAST_SUPPORTED_DAY);
});

it("fromDayNumber always gives a DateString, however far or odd the day (Date threw past ±10^8 days)", () => {
  expect([1e9, 3e6, -1e9, 1e300, Infinity, -Infinity, NaN].map(fromDayNumber)).toEqual(["9999-12-31", "9999-12-31", "0100-01-01", "9999-12-31", "9999-12-31", "0100-01-01", "1970-01-01"]);
  expect(fromDayNumber(LAST_SUPPORTED_DAY)).toBe("2199-12-31");
});
