import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  dayOfWorkIndex,
  isWorkingDay,
  makeCalendar,
  nextWorkingDay,
  previousWorkingDay,
  workIndex,
  workingDaysBetween,
  type WorkCalendar,
} from "../../../lib/derive/calendar";
import { date, fromDayNumber, toDayNumber } from "../../../lib/model/dates";

/**
 * The calendar answers by week arithmetic and binary search over holidays. These properties
 * check it against the obvious day-by-day walk (the implementation it replaced) on random
 * calendars: random working weekdays, clustered holidays, days before and after 1970.
 */
const naive = {
  next: (cal: WorkCalendar, day: number) => {
    let d = day;
    while (!isWorkingDay(cal, d)) d++;
    return d;
  },
  previous: (cal: WorkCalendar, day: number) => {
    let d = day;
    while (!isWorkingDay(cal, d)) d--;
    return d;
  },
  add: (cal: WorkCalendar, day: number, n: number) => {
    let d = day;
    for (let left = Math.abs(n); left > 0; ) {
      d += n < 0 ? -1 : 1;
      if (isWorkingDay(cal, d)) left--;
    }
    return d;
  },
  between: (cal: WorkCalendar, from: number, to: number) => {
    let count = 0;
    for (let d = from; d <= to; d++) if (isWorkingDay(cal, d)) count++;
    return count;
  },
};

const BASE = toDayNumber(date("2027-01-04"));
const calendarArb = fc
  .record({
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    // Offsets around the base, many of them adjacent, so runs of holidays cover whole weeks.
    holidays: fc.array(fc.integer({ min: -60, max: 120 }), { maxLength: 60 }),
    shift: fc.integer({ min: -25_000, max: 25_000 }),
  })
  .map(({ workingDays, holidays, shift }) => ({
    cal: makeCalendar({ workingDays, holidays: holidays.map((h) => fromDayNumber(BASE + shift + h)) }),
    origin: BASE + shift,
  }));

describe("working-day arithmetic by index agrees with walking day by day", () => {
  it("nextWorkingDay, previousWorkingDay and workingDaysBetween", () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: -80, max: 140 }), fc.integer({ min: -5, max: 90 }), ({ cal, origin }, a, len) => {
        const day = origin + a;
        expect(nextWorkingDay(cal, day)).toBe(naive.next(cal, day));
        expect(previousWorkingDay(cal, day)).toBe(naive.previous(cal, day));
        expect(workingDaysBetween(cal, day, day + len)).toBe(naive.between(cal, day, day + len));
      }),
      { seed: 20270104, numRuns: 400 },
    );
  });

  it("addWorkingDays forwards and backwards, from working and non-working days", () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: -80, max: 140 }), fc.integer({ min: -70, max: 70 }), ({ cal, origin }, a, n) => {
        expect(addWorkingDays(cal, origin + a, n)).toBe(naive.add(cal, origin + a, n));
      }),
      { seed: 424242, numRuns: 400 },
    );
  });

  it("work indices are consecutive over working days and invert exactly", () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: -80, max: 140 }), ({ cal, origin }, a) => {
        const first = naive.next(cal, origin + a);
        const second = naive.next(cal, first + 1);
        expect(workIndex(cal, second)).toBe(workIndex(cal, first) + 1);
        expect(dayOfWorkIndex(cal, workIndex(cal, first))).toBe(first);
        // A day off shares its index with the next working day.
        expect(workIndex(cal, first + 1)).toBe(workIndex(cal, second));
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});
