import { describe, expect, it } from "vitest";
import { addWorkingDays, makeCalendar, workingDaysBetween } from "../../../lib/derive/calendar";
import { computeSchedule } from "../../../lib/derive/schedule";
import { fromDayNumber, toDayNumber } from "../../../lib/model/dates";
import { board, d } from "./boardBuilder";

/**
 * Textbook critical-path examples with published answers, mapped onto the working-day calendar:
 * one textbook time unit (a week, or a day) is one working day. Activities without predecessors
 * are pinned on the board's start (a pinned item is where a textbook network starts, at time 0);
 * all others are unpinned and follow their links with lag 0. A textbook activity with early
 * start ES and early finish EF (end of unit EF) is drawn from working day ES to working day
 * EF - 1, counted from 0 at the start. The calendar has holidays and a weekend in every week,
 * so the mapping is not a plain day count.
 */
const START = "2027-01-04";
const HOLIDAYS = [d("2027-01-18"), d("2027-02-15"), d("2027-02-16")];
const cal = makeCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: HOLIDAYS });
const workday = (k: number) => fromDayNumber(addWorkingDays(cal, toDayNumber(d(START)), k));

interface Activity {
  id: string;
  duration: number;
  after: string[];
  /** Published answer: early start, late start (textbook units), slack. */
  es: number;
  ls: number;
  slack: number;
}

function solve(activities: Activity[]) {
  const b = board().board({ horizonStart: d(START), holidays: HOLIDAYS });
  for (const a of activities) b.item(a.id, { duration: a.duration, start: a.after.length ? null : START });
  for (const a of activities) for (const p of a.after) b.link(p, a.id);
  return computeSchedule(b.snapshot());
}

function expectPublished(activities: Activity[], length: number, criticalPath: string[]) {
  const s = solve(activities);
  expect(s.unscheduled).toEqual([]);
  // Project length: working days from the start to the board's finish, both inclusive.
  expect(workingDaysBetween(cal, toDayNumber(d(START)), toDayNumber(s.boardFinish!))).toBe(length);
  for (const a of activities) {
    const entry = s.items.find((i) => i.itemId === a.id)!;
    expect({ id: a.id, es: entry.earlyStart, ef: entry.earlyFinish, ls: entry.lateStart, lf: entry.lateFinish, slack: entry.totalSlack }).toEqual({
      id: a.id,
      es: workday(a.es),
      ef: workday(a.es + a.duration - 1),
      ls: workday(a.ls),
      lf: workday(a.ls + a.duration - 1),
      slack: a.slack,
    });
  }
  expect(s.items.filter((i) => i.critical).map((i) => i.itemId).sort()).toEqual([...criticalPath].sort());
  expect(s.criticalPaths[0]).toMatchObject({ target: { kind: "board-end" }, itemIds: criticalPath, slack: 0 });
}

describe("textbook critical-path examples give their published answers", () => {
  /**
   * Hillier & Lieberman, Introduction to Operations Research (chapter "Project Management with
   * PERT/CPM"), the Reliable Construction Co. project: 14 activities in weeks. Published answer:
   * project length 44 weeks; critical path A B C E F J L N; slack D 4, G 4, H 4, I 2, K 1, M 4.
   * By hand: ES/EF A 0/2, B 2/6, C 6/16, D 16/22, E 16/20, F 20/25, G 22/29, H max(20,29)=29/38,
   * I 16/23, J max(25,23)=25/33, K 33/37, L 33/38, M 38/40, N max(37,38)=38/44; end = 44.
   * Backwards: N 38/44, M 42/44, L 33/38, K 34/38, J min(34,33)-8=25, I 25-7=18, H 42-9=33,
   * G 33-7=26, F 25-5=20, E min(33,20)-4=16, D 26-6=20, C min(20,16,18)-10=6, B 2, A 0.
   */
  it("Hillier & Lieberman, Reliable Construction Co.: 44 weeks, A B C E F J L N", () => {
    expectPublished(
      [
        { id: "A", duration: 2, after: [], es: 0, ls: 0, slack: 0 }, // excavate
        { id: "B", duration: 4, after: ["A"], es: 2, ls: 2, slack: 0 }, // foundation
        { id: "C", duration: 10, after: ["B"], es: 6, ls: 6, slack: 0 }, // rough wall
        { id: "D", duration: 6, after: ["C"], es: 16, ls: 20, slack: 4 }, // roof
        { id: "E", duration: 4, after: ["C"], es: 16, ls: 16, slack: 0 }, // exterior plumbing
        { id: "F", duration: 5, after: ["E"], es: 20, ls: 20, slack: 0 }, // interior plumbing
        { id: "G", duration: 7, after: ["D"], es: 22, ls: 26, slack: 4 }, // exterior siding
        { id: "H", duration: 9, after: ["E", "G"], es: 29, ls: 33, slack: 4 }, // exterior painting
        { id: "I", duration: 7, after: ["C"], es: 16, ls: 18, slack: 2 }, // electrical work
        { id: "J", duration: 8, after: ["F", "I"], es: 25, ls: 25, slack: 0 }, // wallboard
        { id: "K", duration: 4, after: ["J"], es: 33, ls: 34, slack: 1 }, // flooring
        { id: "L", duration: 5, after: ["J"], es: 33, ls: 33, slack: 0 }, // interior painting
        { id: "M", duration: 2, after: ["H"], es: 38, ls: 42, slack: 4 }, // exterior fixtures
        { id: "N", duration: 6, after: ["K", "L"], es: 38, ls: 38, slack: 0 }, // interior fixtures
      ],
      44,
      ["A", "B", "C", "E", "F", "J", "L", "N"],
    );
  });

  /**
   * Heizer & Render, Operations Management (chapter "Project Management"), Milwaukee Paper
   * Manufacturing's pollution-control project: 8 activities in weeks. Published answer: 15
   * weeks; critical path A C E G H; slack B 1, D 1, F 6. By hand: ES/EF A 0/2, B 0/3, C 2/4,
   * D max(2,3)=3/7, E 4/8, F 4/7, G max(7,8)=8/13, H max(7,13)=13/15. Backwards: H 13, G 8,
   * F 13-3=10, E 8-4=4, D 8-4=4, C min(4,10)-2=2, B 4-3=1, A min(2,4)-2=0.
   */
  it("Heizer & Render, Milwaukee Paper Manufacturing: 15 weeks, A C E G H", () => {
    expectPublished(
      [
        { id: "A", duration: 2, after: [], es: 0, ls: 0, slack: 0 },
        { id: "B", duration: 3, after: [], es: 0, ls: 1, slack: 1 },
        { id: "C", duration: 2, after: ["A"], es: 2, ls: 2, slack: 0 },
        { id: "D", duration: 4, after: ["A", "B"], es: 3, ls: 4, slack: 1 },
        { id: "E", duration: 4, after: ["C"], es: 4, ls: 4, slack: 0 },
        { id: "F", duration: 3, after: ["C"], es: 4, ls: 10, slack: 6 },
        { id: "G", duration: 5, after: ["D", "E"], es: 8, ls: 8, slack: 0 },
        { id: "H", duration: 2, after: ["F", "G"], es: 13, ls: 13, slack: 0 },
      ],
      15,
      ["A", "C", "E", "G", "H"],
    );
  });

  /**
   * Taylor, Introduction to Management Science (chapter 8, "Project Management"), solution to
   * problem 5: an activity-on-arrow network of 7 activities named by their nodes. As activities
   * on nodes, i-j precedes j-k. Published answer: ES/EF/LS/LF/slack 1-2 7: 0 7 2 9 2;
   * 1-3 10: 0 10 0 10 0; 2-4 6: 7 13 9 15 2; 3-4 5: 10 15 10 15 0; 3-5 4: 10 14 14 18 4;
   * 4-5 3: 15 18 15 18 0; 5-6 2: 18 20 18 20 0. Critical path 1-3-4-5-6, length 20.
   */
  it("Taylor, problem 5: 20 days, 1-3-4-5-6", () => {
    expectPublished(
      [
        { id: "a1-2", duration: 7, after: [], es: 0, ls: 2, slack: 2 },
        { id: "a1-3", duration: 10, after: [], es: 0, ls: 0, slack: 0 },
        { id: "a2-4", duration: 6, after: ["a1-2"], es: 7, ls: 9, slack: 2 },
        { id: "a3-4", duration: 5, after: ["a1-3"], es: 10, ls: 10, slack: 0 },
        { id: "a3-5", duration: 4, after: ["a1-3"], es: 10, ls: 14, slack: 4 },
        { id: "a4-5", duration: 3, after: ["a2-4", "a3-4"], es: 15, ls: 15, slack: 0 },
        { id: "a5-6", duration: 2, after: ["a4-5", "a3-5"], es: 18, ls: 18, slack: 0 },
      ],
      20,
      ["a1-3", "a3-4", "a4-5", "a5-6"],
    );
  });
});
