import { XMLBuilder } from "fast-xml-parser";
import type { DerivedBoard } from "../derive/types";
import type { BoardSnapshot } from "../model/snapshot";
import type { Item } from "../model/schemas";

/**
 * The board as Microsoft Project XML (MSPDI, docs/import-export.md), which MS Project,
 * ProjectLibre and GanttProject open: one calendar from the board's working days and holidays,
 * phases as summary tasks over their items, milestones as zero-length milestone tasks, owners as
 * work resources with assignments, dependencies as finish-to-start links with their lag.
 * Elements are written in the order the MSPDI schema's sequences give (MS Project checks it).
 *
 * Time: a working day is 8 hours (MinutesPerDay 480); each task starts at 08:00 and finishes
 * at 17:00; durations are working hours (PT40H0M0S is five days); a lag is in tenths of a
 * minute with LagFormat 7 (days), 4800 a day.
 */
const MINUTES_PER_DAY = 480;
const LAG_PER_DAY = MINUTES_PER_DAY * 10;
/** MSPDI link type 1: finish-to-start, the only one Waymark schedules. */
const FINISH_TO_START = 1;
/** ConstraintType 0: as soon as possible; 2: must start on (a pinned start). */
const ASAP = 0;
const MUST_START_ON = 2;
const PERCENT: Record<Item["status"], number> = { planned: 0, in_progress: 50, at_risk: 50, done: 100 };
const PRIORITY: Record<Item["priority"], number> = { must: 900, should: 500, could: 300, wont: 100 };
/** MSPDI day types: 1 Sunday … 7 Saturday; Waymark's working days are ISO (1 Monday … 7 Sunday). */
const dayType = (iso: number) => (iso % 7) + 1;

const hours = (days: number) => `PT${Math.max(0, days) * 8}H0M0S`;
const at = (date: string, time: string) => `${date}T${time}`;

export function boardToMspdi(snapshot: BoardSnapshot, derived: DerivedBoard): string {
  const scheduled = new Map(derived.schedule.items.map((s) => [s.itemId as string, s]));
  const { board } = snapshot;
  let uid = 0;
  const uids = new Map<string, number>();
  const uidOf = (id: string) => {
    let n = uids.get(id);
    if (n === undefined) uids.set(id, (n = ++uid));
    return n;
  };
  const predecessors = new Map<string, { from: string; lag: number }[]>();
  for (const dep of snapshot.dependencies) predecessors.set(dep.toId, [...(predecessors.get(dep.toId) ?? []), { from: dep.fromId, lag: dep.lag }]);

  const itemIds = new Set<string>(snapshot.items.map((i) => i.id));
  const tasks: Record<string, unknown>[] = [];
  let row = 0;
  const projectStart = derived.schedule.items.reduce((min, s) => (s.start < min ? s.start : min), board.horizonStart as string);
  const projectFinish = derived.schedule.boardFinish ?? board.horizonEnd;
  tasks.push({
    UID: 0, ID: 0, Name: board.title, Type: 1, IsNull: 0, WBS: "0", OutlineNumber: "0", OutlineLevel: 0,
    Start: at(projectStart, "08:00:00"), Finish: at(projectFinish, "17:00:00"), DurationFormat: 7, Milestone: 0, Summary: 1,
  });

  const itemTask = (item: Item, level: number, outline: string): Record<string, unknown> => {
    const s = scheduled.get(item.id);
    const start = s?.start ?? item.start ?? board.horizonStart;
    const finish = s?.finish ?? start;
    const links = (predecessors.get(item.id) ?? [])
      .filter((p) => itemIds.has(p.from))
      .map((p) => ({ PredecessorUID: uidOf(p.from), Type: FINISH_TO_START, CrossProject: 0, LinkLag: p.lag * LAG_PER_DAY, LagFormat: 7 }));
    return {
      UID: uidOf(item.id),
      ID: ++row,
      Name: item.title || "(untitled)",
      Type: 0,
      IsNull: 0,
      WBS: outline,
      OutlineNumber: outline,
      OutlineLevel: level,
      Priority: PRIORITY[item.priority],
      Start: at(start, "08:00:00"),
      Finish: at(finish, "17:00:00"),
      Duration: hours(Math.max(1, item.duration)),
      DurationFormat: 7,
      Milestone: 0,
      Summary: 0,
      Critical: s?.critical ? 1 : 0,
      ...(s ? { EarlyStart: at(s.earlyStart, "08:00:00"), EarlyFinish: at(s.earlyFinish, "17:00:00"), LateStart: at(s.lateStart, "08:00:00"), LateFinish: at(s.lateFinish, "17:00:00"), TotalSlack: s.totalSlack * MINUTES_PER_DAY * 10 } : {}),
      PercentComplete: PERCENT[item.status],
      ConstraintType: item.start ? MUST_START_ON : ASAP,
      ...(item.start ? { ConstraintDate: at(item.start, "08:00:00") } : {}),
      ...(links.length ? { PredecessorLink: links } : {}),
    };
  };

  const phases = [...snapshot.phases];
  const itemsOf = (phaseId: string | null) => snapshot.items.filter((i) => (i.phaseId ?? null) === phaseId && (phaseId === null || phases.some((p) => p.id === phaseId)));
  let top = 0;
  for (const phase of phases) {
    const members = itemsOf(phase.id);
    const outline = String(++top);
    const spans = members.map((i) => scheduled.get(i.id)).filter((s) => s !== undefined);
    const start = spans.reduce((min, s) => (s.start < min ? s.start : min), spans[0]?.start ?? board.horizonStart);
    const finish = spans.reduce((max, s) => (s.finish > max ? s.finish : max), spans[0]?.finish ?? start);
    tasks.push({
      UID: uidOf(phase.id), ID: ++row, Name: phase.name || "(phase)", Type: 1, IsNull: 0, WBS: outline, OutlineNumber: outline, OutlineLevel: 1,
      Start: at(start, "08:00:00"), Finish: at(finish, "17:00:00"), DurationFormat: 7, Milestone: 0, Summary: 1,
    });
    members.forEach((item, i) => tasks.push(itemTask(item, 2, `${outline}.${i + 1}`)));
  }
  const loose = snapshot.items.filter((i) => i.phaseId === null || !phases.some((p) => p.id === i.phaseId));
  for (const item of loose) tasks.push(itemTask(item, 1, String(++top)));
  for (const m of snapshot.milestones) {
    const outline = String(++top);
    tasks.push({
      UID: uidOf(m.id), ID: ++row, Name: m.title || "(milestone)", Type: 1, IsNull: 0, WBS: outline, OutlineNumber: outline, OutlineLevel: 1,
      Start: at(m.date, "08:00:00"), Finish: at(m.date, "08:00:00"), Duration: "PT0H0M0S", DurationFormat: 7, Milestone: 1, Summary: 0,
      ConstraintType: MUST_START_ON, ConstraintDate: at(m.date, "08:00:00"),
    });
  }

  const owners = [...new Set(snapshot.items.flatMap((i) => i.owners))].sort();
  const resourceUid = new Map(owners.map((name, i) => [name, i + 1]));
  let assignment = 0;
  const assignments = snapshot.items.flatMap((item) =>
    item.owners.map((owner) => ({ UID: ++assignment, TaskUID: uidOf(item.id), ResourceUID: resourceUid.get(owner)!, Units: 1 })),
  );

  const working = new Set<number>(board.workingDays);
  const weekDays = [1, 2, 3, 4, 5, 6, 7].map((iso) =>
    working.has(iso)
      ? { DayType: dayType(iso), DayWorking: 1, WorkingTimes: { WorkingTime: [{ FromTime: "08:00:00", ToTime: "12:00:00" }, { FromTime: "13:00:00", ToTime: "17:00:00" }] } }
      : { DayType: dayType(iso), DayWorking: 0 },
  );
  const exceptions = board.holidays.map((day) => ({
    EnteredByOccurrences: 0,
    TimePeriod: { FromDate: at(day, "00:00:00"), ToDate: at(day, "23:59:00") },
    Occurrences: 1,
    Name: "Holiday",
    Type: 1,
    DayWorking: 0,
  }));

  const project = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8", "@_standalone": "yes" },
    Project: {
      "@_xmlns": "http://schemas.microsoft.com/project",
      SaveVersion: 14,
      Name: `${board.title}.xml`,
      Title: board.title,
      ScheduleFromStart: 1,
      StartDate: at(projectStart, "08:00:00"),
      FinishDate: at(projectFinish, "17:00:00"),
      CalendarUID: 1,
      DefaultStartTime: "08:00:00",
      DefaultFinishTime: "17:00:00",
      MinutesPerDay: MINUTES_PER_DAY,
      MinutesPerWeek: MINUTES_PER_DAY * working.size,
      DaysPerMonth: 20,
      Calendars: {
        Calendar: {
          UID: 1,
          Name: "Standard",
          IsBaseCalendar: 1,
          BaseCalendarUID: -1,
          WeekDays: { WeekDay: weekDays },
          ...(exceptions.length ? { Exceptions: { Exception: exceptions } } : {}),
        },
      },
      Tasks: { Task: tasks },
      Resources: { Resource: owners.map((name, i) => ({ UID: i + 1, ID: i + 1, Name: name, Type: 1, IsNull: 0 })) },
      Assignments: { Assignment: assignments },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });
  return builder.build(project) as string;
}
