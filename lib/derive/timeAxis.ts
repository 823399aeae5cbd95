import { fromDayNumber, isoWeekday, toDayNumber, type DateString } from "../model/dates";
import type { TimeScale } from "../model/schemas";

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

function ymd(day: number): [number, number, number] {
  const s = fromDayNumber(day);
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}

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

function ticks(from: number, to: number, unit: AxisUnit, tier: "minor" | "major"): AxisTick[] {
  const out: AxisTick[] = [];
  for (let start = startOfUnit(from, unit); start < to; start = nextUnit(start, unit)) {
    const end = nextUnit(start, unit);
    out.push({ startDay: Math.max(start, from), endDay: Math.min(end, to), label: label(start, unit, tier) });
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
 */
export function timeAxis(extent: AxisExtent, scale: TimeScale): TimeAxis {
  const [minorUnit, majorUnit] = TIERS[scale];
  let first = toDayNumber(extent.horizonStart);
  let last = toDayNumber(extent.horizonEnd);
  if (last < first) [first, last] = [last, first];
  for (const day of extent.days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
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
