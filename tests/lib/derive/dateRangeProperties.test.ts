import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutBoard } from "../../../lib/derive/boardLayout";
import { BoardDeriver, deriveBoard } from "../../../lib/derive/deriveBoard";
import { timeAxis } from "../../../lib/derive/timeAxis";
import { updateBoard } from "../../../lib/model/boardCommands";
import { FIRST_SUPPORTED_DATE, FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DATE, LAST_SUPPORTED_DAY } from "../../../lib/model/dateRange";
import { date, fromDayNumber, isDateString, toDayNumber, type DateString } from "../../../lib/model/dates";
import { ITEM_DEFAULTS } from "../../../lib/model/defaults";
import { boardMap, collection, newRecordMap } from "../../../lib/model/docLayout";
import { updateItem } from "../../../lib/model/itemCommands";
import { TIME_SCALES } from "../../../lib/model/schemas";
import { LiveSnapshot } from "../../../lib/model/liveSnapshot";
import { readSnapshot } from "../../../lib/model/snapshot";
import { timelineGeometry } from "../../../components/roadmap/timeline/geometry";
import { addItem, setup, templateBoard } from "../helpers/fixtures";

/**
 * Issue 14, point 4, as properties: whatever a hostile client writes into a board's date
 * fields (dates over the whole supported range and at its edges, just and far outside it,
 * malformed strings, non-strings) and its durations and lags (huge, negative, not integers),
 * deriveBoard and the time axis return quickly with finite values inside the supported range
 * (docs/dates.md), and every date they could not use is reported as an invalid-dates conflict.
 */
const FIRST_REPRESENTABLE = toDayNumber(date("0100-01-01"));
const LAST_REPRESENTABLE = toDayNumber(date("9999-12-31"));
/** The axis adds one unit of margin each side: at most a year (quarters' majors). */
const MARGIN = 2 * 366;
/** Weeks over the whole range plus margins: the most ticks a tier can have. */
const MAX_TICKS = 15_700;

const day = (min: number, max: number) => fc.integer({ min, max }).map(fromDayNumber);
const inRange = fc.oneof(
  { weight: 4, arbitrary: day(FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY) },
  { weight: 2, arbitrary: fc.constantFrom(FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, fromDayNumber(FIRST_SUPPORTED_DAY + 1), fromDayNumber(LAST_SUPPORTED_DAY - 1)) },
  { weight: 4, arbitrary: day(toDayNumber(date("2026-06-01")), toDayNumber(date("2028-06-01"))) },
);
const outOfRange = fc.oneof(
  fc.constantFrom(fromDayNumber(FIRST_SUPPORTED_DAY - 1), fromDayNumber(LAST_SUPPORTED_DAY + 1), "0100-01-01", "9999-12-31", "2200-01-01", "1899-12-31"),
  day(FIRST_REPRESENTABLE, FIRST_SUPPORTED_DAY - 1),
  day(LAST_SUPPORTED_DAY + 1, LAST_REPRESENTABLE),
);
const malformed = fc.constantFrom<unknown>(
  "2027-02-31", "2027-02-29", "2027-13-01", "2027-00-10", "", "soon", "+010000-01-01", "10000-01-01", "0000-01-01", "0099-12-31",
  "2027-1-4", " 2027-01-04", "2027-01-04T00:00:00Z", 20270104, NaN, Infinity, null, true, ["2027-01-04"], { y: 2027 },
);
type DateValue = { kind: "in" | "out" | "junk"; value: unknown };
const dateValue: fc.Arbitrary<DateValue> = fc.oneof(
  { weight: 5, arbitrary: inRange.map((value) => ({ kind: "in" as const, value })) },
  { weight: 3, arbitrary: outOfRange.map((value) => ({ kind: "out" as const, value })) },
  { weight: 2, arbitrary: malformed.map((value) => ({ kind: "junk" as const, value })) },
);
const count = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(1e9, -1e9, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 100_001, 10_000) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(NaN, Infinity, -Infinity, 0.5, "5", null) },
);

const boardArb = fc.record({
  horizonStart: dateValue,
  horizonEnd: dateValue,
  holidays: fc.array(dateValue, { maxLength: 3 }),
  timeScale: fc.constantFrom(...TIME_SCALES),
  items: fc.array(fc.record({ start: fc.option(dateValue, { nil: null }), duration: count }), { maxLength: 6 }),
  links: fc.array(fc.record({ from: fc.nat(5), to: fc.nat(5), lag: count }), { maxLength: 8 }),
  milestones: fc.array(dateValue, { maxLength: 3 }),
});
type BoardSpec = typeof boardArb extends fc.Arbitrary<infer T> ? T : never;

const itemId = (k: number) => `itm_far${k}`;
const milestoneId = (k: number) => `mil_far${k}`;

/** Writes the spec straight into a template board's document, as a raw client could. */
function build(spec: BoardSpec) {
  const { doc } = templateBoard();
  doc.transact(() => {
    const board = boardMap(doc);
    board.set("horizonStart", spec.horizonStart.value);
    board.set("horizonEnd", spec.horizonEnd.value);
    board.set("holidays", spec.holidays.map((h) => h.value));
    board.set("timeScale", spec.timeScale);
    spec.items.forEach((item, k) => {
      collection(doc, "items").set(itemId(k), newRecordMap({ ...ITEM_DEFAULTS, title: `Item ${k}`, start: item.start?.value ?? null, duration: item.duration }));
    });
    spec.links.forEach((link, k) => {
      collection(doc, "dependencies").set(`dep_far${k}`, newRecordMap({ fromId: itemId(link.from), toId: itemId(link.to), lag: link.lag }));
    });
    spec.milestones.forEach((m, k) => {
      collection(doc, "milestones").set(milestoneId(k), newRecordMap({ title: `M${k}`, date: m.value, kind: "deadline" }));
    });
  }, setup);
  return doc;
}

const isSupported = (d: string) => isDateString(d) && d >= FIRST_SUPPORTED_DATE && d <= LAST_SUPPORTED_DATE;

describe("far, malformed and huge values never hang or break the derivation and the axis", () => {
  it("deriveBoard and the axis return finite values inside the range, and report every unusable date", () => {
    let slowest = 0;
    fc.assert(
      fc.property(boardArb, (spec) => {
        const doc = build(spec);
        const started = performance.now();
        const snapshot = readSnapshot(doc);
        const derived = deriveBoard(snapshot, { today: date("2027-03-01") });
        const layout = layoutBoard(snapshot, derived.schedule, derived.phaseSpans);
        const geometries = TIME_SCALES.map((scale) => timelineGeometry(snapshot, layout, scale));
        slowest = Math.max(slowest, performance.now() - started);
        // The live path (LiveSnapshot, BoardDeriver) reads and derives the same.
        const live = new LiveSnapshot(doc);
        expect(JSON.stringify(live.snapshot)).toBe(JSON.stringify(snapshot));
        expect(JSON.stringify(new BoardDeriver().derive(live.snapshot, { today: date("2027-03-01") }))).toBe(JSON.stringify(derived));
        live.destroy();

        // What the snapshot holds is inside the range.
        const { board } = snapshot;
        for (const d of [board.horizonStart, board.horizonEnd, ...board.holidays, ...snapshot.milestones.map((m) => m.date)]) expect(isSupported(d)).toBe(true);
        for (const item of snapshot.items) if (item.start !== null) expect(isSupported(item.start)).toBe(true);
        // So is every date the schedule computes, and its numbers are finite.
        for (const e of derived.schedule.items) {
          for (const d of [e.start, e.finish, e.earlyStart, e.earlyFinish, e.lateStart, e.lateFinish]) expect(isSupported(d)).toBe(true);
          expect(Number.isFinite(e.totalSlack)).toBe(true);
        }
        for (const g of geometries) {
          const { axis } = g;
          expect(axis.startDay).toBeGreaterThanOrEqual(FIRST_SUPPORTED_DAY - MARGIN);
          expect(axis.endDay).toBeLessThanOrEqual(LAST_SUPPORTED_DAY + MARGIN);
          expect(axis.endDay).toBeGreaterThan(axis.startDay);
          expect(Number.isFinite(g.width) && g.width > 0).toBe(true);
          for (const tier of [axis.minor, axis.major]) {
            expect(tier.length).toBeGreaterThan(0);
            expect(tier.length).toBeLessThanOrEqual(MAX_TICKS);
          }
        }

        // Every date that could not be used is an invalid-dates conflict naming its field.
        const ids = new Set(derived.conflicts.filter((c) => c.kind === "invalid-dates").map((c) => c.id));
        const messages = derived.conflicts.map((c) => c.message).join("\n");
        const expectReported = (v: DateValue, id: string) => {
          if (v.kind === "in") return;
          expect(ids).toContain(id);
          if (v.kind === "out") expect(messages).toContain(`${v.value as string} is outside the supported dates (${FIRST_SUPPORTED_DATE} to ${LAST_SUPPORTED_DATE})`);
        };
        expectReported(spec.horizonStart, "invalid-dates:board:horizonStart");
        expectReported(spec.horizonEnd, "invalid-dates:board:horizonEnd");
        const badHoliday = spec.holidays.find((h) => h.kind === "junk") ?? spec.holidays.find((h) => h.kind === "out");
        if (badHoliday) expect(ids).toContain("invalid-dates:board:holidays");
        // (null is a valid start: "schedule me after my dependencies".)
        spec.items.forEach((item, k) => item.start && item.start.value !== null && expectReported(item.start, `invalid-dates:items:${itemId(k)}:start`));
        spec.milestones.forEach((m, k) => expectReported(m, `invalid-dates:milestones:${milestoneId(k)}:date`));
      }),
      { seed: 14_04, numRuns: 250 },
    );
    // Generous for a shared 2-core machine; before the fix a far date never returned at all.
    expect(slowest).toBeLessThan(2_000);
  }, 120_000);
});

describe("the range's edges, exactly", () => {
  it("commands accept a date exactly when it is inside 1900-01-01 … 2199-12-31", () => {
    const { doc } = templateBoard();
    const item = addItem(doc, { start: date("2027-03-01") });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: FIRST_SUPPORTED_DAY - 3, max: FIRST_SUPPORTED_DAY + 3 }),
          fc.integer({ min: LAST_SUPPORTED_DAY - 3, max: LAST_SUPPORTED_DAY + 3 }),
          fc.integer({ min: FIRST_REPRESENTABLE, max: LAST_REPRESENTABLE }),
        ),
        (d) => {
          const s = fromDayNumber(d);
          const inside = d >= FIRST_SUPPORTED_DAY && d <= LAST_SUPPORTED_DAY;
          expect(updateItem(doc, setup, item, { start: s }).ok).toBe(inside);
          expect(updateBoard(doc, setup, { horizonStart: date("1900-01-01"), horizonEnd: s }).ok).toBe(inside);
        },
      ),
      { seed: 1900, numRuns: 300 },
    );
  });

  it("the axis over any horizon of representable dates is bounded by the range", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_REPRESENTABLE, max: LAST_REPRESENTABLE }), fc.integer({ min: FIRST_REPRESENTABLE, max: LAST_REPRESENTABLE }), fc.constantFrom(...TIME_SCALES), (a, b, scale) => {
        const axis = timeAxis({ horizonStart: fromDayNumber(a) as DateString, horizonEnd: fromDayNumber(b) as DateString, days: [a, b] }, scale);
        expect(axis.startDay).toBeGreaterThanOrEqual(FIRST_SUPPORTED_DAY - MARGIN);
        expect(axis.endDay).toBeLessThanOrEqual(LAST_SUPPORTED_DAY + MARGIN);
        expect(axis.minor.length).toBeLessThanOrEqual(MAX_TICKS);
        // The ticks tile the axis.
        for (const tier of [axis.minor, axis.major]) {
          expect(tier[0]!.startDay).toBe(axis.startDay);
          expect(tier.at(-1)!.endDay).toBe(axis.endDay);
        }
      }),
      { seed: 2199, numRuns: 200 },
    );
  });
});
