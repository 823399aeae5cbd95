import type { DateString } from "../model/dates";
import { dayOfWorkIndex, type WorkCalendar } from "./calendar";
import { formatDay } from "./dayStrings";
import type { PassResult } from "./schedulePasses";

/** Beyond this many working days (~400 years), a range is junk: convert without caching. */
const MAX_DENSE = 100_000;

/**
 * Work index → day number and date string for one calendar, each distinct index converted
 * once. Dense over the range a board uses (a few thousand working days), so a lookup is an
 * array read; a Scheduler keeps one per calendar, so later derivations reuse the strings.
 */
export class WorkDays {
  private low = 0;
  private days = new Float64Array(0);
  private names: (DateString | undefined)[] = [];

  constructor(readonly cal: WorkCalendar) {}

  /** Caches the range the passes produced (early and late dates of every scheduled item, or of `only`). */
  cover(passes: PassResult, only?: readonly number[]): this {
    let low = Infinity;
    let high = -Infinity;
    const { scheduled, earlyStart, earlyFinish, lateStart, lateFinish } = passes;
    const count = only ? only.length : scheduled.length;
    for (let k = 0; k < count; k++) {
      const v = only ? only[k]! : k;
      if (!scheduled[v]) continue;
      // Late dates can sit before early ones (negative slack): take the extremes of both.
      const a = earlyStart[v]! < lateStart[v]! ? earlyStart[v]! : lateStart[v]!;
      const b = earlyFinish[v]! > lateFinish[v]! ? earlyFinish[v]! : lateFinish[v]!;
      if (a < low) low = a;
      if (b > high) high = b;
    }
    const end = this.low + this.days.length;
    if (low > high || (low >= this.low && high < end)) return this;
    const from = Math.min(low, this.days.length ? this.low : low);
    const to = Math.max(high + 1, this.days.length ? end : high + 1);
    if (to - from > MAX_DENSE) return this;
    const days = new Float64Array(to - from).fill(NaN);
    const names = new Array<DateString | undefined>(to - from);
    // Keep what was converted already.
    for (let slot = 0; slot < this.days.length; slot++) {
      days[this.low - from + slot] = this.days[slot]!;
      names[this.low - from + slot] = this.names[slot];
    }
    this.low = from;
    this.days = days;
    this.names = names;
    return this;
  }

  day(index: number): number {
    const slot = index - this.low;
    if (slot < 0 || slot >= this.days.length) return dayOfWorkIndex(this.cal, index);
    const cached = this.days[slot]!;
    if (cached === cached) return cached; // not NaN
    return (this.days[slot] = dayOfWorkIndex(this.cal, index));
  }

  date(index: number): DateString {
    const slot = index - this.low;
    if (slot < 0 || slot >= this.days.length) return formatDay(dayOfWorkIndex(this.cal, index));
    return (this.names[slot] ??= formatDay(this.day(index)));
  }
}
