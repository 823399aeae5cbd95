import { clampDayToSupportedRange, FIRST_SUPPORTED_DAY } from "../model/dateRange";
import { isoWeekday, toDayNumber, type DateString } from "../model/dates";
import type { TimeScale } from "../model/schemas";
import { formatDay } from "./dayStrings";

/**
 * The time axis of the timeline: which days it covers and the labelled ticks of its two tiers.
 * Pure and calendar-only (no pixels): the view multiplies days by its own zoom. Labels are
 * fixed English so every replica and the server render the same text.
 */
export type AxisUnit = "week" | "month" | "quarter" | "year";

export interface AxisTick {
  /** First day of the tick (day number), clamped to the axis. */
  startDay: number;
  /** First day after the tick (exclusive), clamped to the axis. */
  endDay: number;
  label: string;
}

export interface TimeAxis {
  startDay: number;
  /** Exclusive. */
  endDay: number;
  /** The upper tier: months for weeks, quarters for months, years for quarters. */
  major: AxisTick[];
  minor: AxisTick[];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const MONTHS_LONG = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** The tiers of each scale: [minor, major]. */
const TIERS: Record<TimeScale, [AxisUnit, AxisUnit]> = {
  weeks: ["week", "month"],
  months: ["month", "quarter"],
  quarters: ["quarter", "year"],
};

/** Year, month, day of a day number (formatDay: exact for 4-digit years, no Date involved). */
function ymd(day: number): [number, number, number] {
  const s = formatDay(day);
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}

/** The fewest days a unit can last: how many ticks a span can hold at most. */
const MIN_UNIT_DAYS: Record<AxisUnit, number> = { week: 7, month: 28, quarter: 89, year: 365 };

/** Day number of a (possibly overflowing) year/month/day; Date.UTC normalises month 13 etc. */
function dayOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function startOfUnit(day: number, unit: AxisUnit): number {
  const [y, m] = ymd(day);
  switch (unit) {
    case "week":
      return day - (isoWeekday(day) - 1);
    case "month":
      return dayOf(y, m, 1);
    case "quarter":
      return dayOf(y, m - ((m - 1) % 3), 1);
    case "year":
      return dayOf(y, 1, 1);
  }
}

export function nextUnit(start: number, unit: AxisUnit): number {
  const [y, m] = ymd(start);
  switch (unit) {
    case "week":
      return start + 7;
    case "month":
      return dayOf(y, m + 1, 1);
    case "quarter":
      return dayOf(y, m + 3, 1);
    case "year":
      return dayOf(y + 1, 1, 1);
  }
}

function label(day: number, unit: AxisUnit, tier: "minor" | "major"): string {
  const [y, m, d] = ymd(day);
  const quarter = Math.floor((m - 1) / 3) + 1;
  switch (unit) {
    case "week":
      return `${MONTHS[m - 1]} ${d}`;
    case "month":
      return tier === "major" ? `${MONTHS_LONG[m - 1]} ${y}` : MONTHS[m - 1]!;
    case "quarter":
      return tier === "major" ? `Q${quarter} ${y}` : `Q${quarter}`;
    case "year":
      return String(y);
  }
}

/**
 * The ticks of one tier over [from, to). Ends: every unit lasts at least MIN_UNIT_DAYS[unit]
 * days and the first starts at most one unit before `from`, so there are at most
 * (to - from) / MIN_UNIT_DAYS + 2 of them; the loop is also capped at that count, and stops if
 * a unit ever failed to advance, whatever the input.
 */
function ticks(from: number, to: number, unit: AxisUnit, tier: "minor" | "major"): AxisTick[] {
  const out: AxisTick[] = [];
  const limit = Math.ceil((to - from) / MIN_UNIT_DAYS[unit]) + 2;
  let start = startOfUnit(from, unit);
  for (let k = 0; start < to && k < limit; k++) {
    const end = nextUnit(start, unit);
    if (!(end > start)) break;
    out.push({ startDay: Math.max(start, from), endDay: Math.min(end, to), label: label(start, unit, tier) });
    start = end;
  }
  return out;
}

export interface AxisExtent {
  horizonStart: DateString;
  horizonEnd: DateString;
  /** Every dated thing on the board (item starts and finishes, milestones), as day numbers. */
  days: Iterable<number>;
}

/**
 * The axis for a board at a scale: the horizon widened to every dated thing on the board (so
 * nothing is drawn off-axis), snapped to whole minor units with one unit of margin each side.
 *
 * Whatever it is given, it covers at most the supported range (1900-01-01 to 2199-12-31, see
 * docs/dates.md) plus that margin: days outside are drawn at its edges (the derive layer
 * reports them as invalid dates), and days that are not numbers are ignored. So an axis has at
 * most 15,657 ticks per tier (weeks over the whole range) and never loops on a far date.
 */
export function timeAxis(extent: AxisExtent, scale: TimeScale): TimeAxis {
  const [minorUnit, majorUnit] = TIERS[scale];
  let first = Infinity;
  let last = -Infinity;
  const include = (day: number) => {
    if (Number.isNaN(day)) return; // a malformed date: nothing to draw
    const clamped = clampDayToSupportedRange(day);
    if (clamped < first) first = clamped;
    if (clamped > last) last = clamped;
  };
  include(toDayNumber(extent.horizonStart));
  include(toDayNumber(extent.horizonEnd));
  for (const day of extent.days) include(day);
  if (first > last) first = last = FIRST_SUPPORTED_DAY; // nothing readable at all
  const firstUnit = startOfUnit(first, minorUnit);
  const startDay = startOfUnit(firstUnit - 1, minorUnit);
  const endDay = nextUnit(nextUnit(startOfUnit(last, minorUnit), minorUnit), minorUnit);
  return {
    startDay,
    endDay,
    major: ticks(startDay, endDay, majorUnit, "major"),
    minor: ticks(startDay, endDay, minorUnit, "minor"),
  };
}
