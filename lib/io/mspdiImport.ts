import { XMLParser } from "fast-xml-parser";
import { addCalendarDays, isSupportedDate, toDayNumber, type DateString } from "../model/dates";
import { newDependencyId, newItemId, newLaneId, newMilestoneId, newPhaseId } from "../model/ids";
import type { Dependency, Item, Lane, Milestone, Phase } from "../model/schemas";
import { BOARD_FILE_FORMAT, BOARD_FILE_LIMITS, BOARD_FILE_VERSION, type BoardFile } from "./boardFile";
import type { RichNode } from "./richText";

/**
 * Microsoft Project XML (MSPDI) into a Waymark board file (docs/import-export.md), which the
 * caller validates and writes like any other import (boardFile.ts). What maps and how:
 *   - the project calendar's working weekdays and its non-working exceptions (holidays);
 *   - summary tasks (top level) become phases or lanes, as the person chooses; deeper summaries
 *     fold into their top-level one;
 *   - tasks become items: duration in working days (MinutesPerDay a day), a start pinned where
 *     the task has a date constraint or nothing before it, otherwise scheduled after its links;
 *     percent complete becomes the status, priority the priority, notes the description;
 *   - milestones become milestones; links through a milestone are joined (A → M → B becomes
 *     A → B with both lags), as a zero-length milestone passes time on unchanged;
 *   - resources assigned to a task become its owners;
 *   - finish-to-start links with their lag become dependencies. Other link types (SS, FF, SF)
 *     are not scheduled by Waymark: each is kept in its item's description and reported.
 * A DOCTYPE is refused before parsing: entity expansion never runs.
 */
export type SummaryAs = "phases" | "lanes";

export interface MspdiResult {
  file: BoardFile;
  /** What was kept differently, in words, for the preview. */
  warnings: string[];
}

const LINK_TYPES: Record<number, string> = { 0: "finish-to-finish", 1: "finish-to-start", 2: "start-to-finish", 3: "start-to-start" };
const LANE_COLORS = ["#8b5cf6", "#3b82f6", "#f59e0b", "#ec4899", "#10b981", "#64748b", "#ef4444", "#14b8a6"];
const MAX_WARNINGS = 50;

type Raw = Record<string, unknown>;
const list = (value: unknown): Raw[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter((v): v is Raw => typeof v === "object" && v !== null);
const num = (value: unknown): number | null => {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};
const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
/** "2027-01-04T08:00:00" → "2027-01-04", or null when it is not a supported date. */
const dayOf = (value: unknown): DateString | null => {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(text(value));
  return match && isSupportedDate(match[1]!) ? (match[1] as DateString) : null;
};
/** ISO 8601 duration (PT40H0M0S, P2DT4H…) in minutes, or null. */
function minutesOf(value: unknown): number | null {
  const match = /^-?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text(value).trim());
  if (!match) return null;
  const [, , , w, d, h, m, s] = match.map((x) => (x === undefined ? 0 : Number(x)));
  return (w ?? 0) * 7 * 1440 + (d ?? 0) * 1440 + (h ?? 0) * 60 + (m ?? 0) + (s ?? 0) / 60;
}

export function mspdiToBoardFile(xml: string, options: { summaryAs: SummaryAs; title?: string }): { ok: true; result: MspdiResult } | { ok: false; errors: string[] } {
  const head = xml.slice(0, 4096);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, errors: ["The file declares a DOCTYPE or entities, which Waymark does not read (MS Project never writes one)."] };
  let doc: Raw;
  try {
    const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, isArray: (name) => ["Task", "PredecessorLink", "Resource", "Assignment", "Calendar", "WeekDay", "Exception", "WorkingTime"].includes(name) });
    doc = parser.parse(xml) as Raw;
  } catch (error) {
    return { ok: false, errors: [`The file is not well-formed XML: ${error instanceof Error ? error.message.split("\n")[0] : "unreadable"}.`] };
  }
  const project = doc.Project as Raw | undefined;
  if (!project || typeof project !== "object")
    return { ok: false, errors: [/<Project/.test(head) ? "The file has no readable <Project> element." : "Not a Microsoft Project XML file: it has no <Project> element."] };

  const warnings: string[] = [];
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else if (warnings.length === MAX_WARNINGS) warnings.push("…and more.");
  };
  const minutesPerDay = num(project.MinutesPerDay) || 480;
  const rawTasks = list((project.Tasks as Raw | undefined)?.Task);
  if (rawTasks.length === 0) return { ok: false, errors: ["The file holds no tasks."] };
  if (rawTasks.length > BOARD_FILE_LIMITS.items) return { ok: false, errors: [`The file holds ${rawTasks.length} tasks; Waymark imports at most ${BOARD_FILE_LIMITS.items}.`] };

  // The calendar: the project's (CalendarUID), else the first base calendar.
  const calendars = list((project.Calendars as Raw | undefined)?.Calendar);
  const calendar = calendars.find((c) => num(c.UID) === num(project.CalendarUID)) ?? calendars.find((c) => text(c.IsBaseCalendar) === "1") ?? calendars[0];
  let workingDays = [1, 2, 3, 4, 5];
  const holidays = new Set<DateString>();
  if (calendar) {
    const weekDays = list((calendar.WeekDays as Raw | undefined)?.WeekDay);
    const declared = weekDays.filter((w) => (num(w.DayType) ?? 0) >= 1 && (num(w.DayType) ?? 0) <= 7);
    if (declared.length) {
      const working = new Set(workingDays);
      for (const w of declared) {
        const iso = ((num(w.DayType)! + 5) % 7) + 1; // MSPDI 1 = Sunday … 7 = Saturday
        if (text(w.DayWorking) === "1") working.add(iso);
        else working.delete(iso);
      }
      workingDays = [...working].sort();
    }
    // Non-working periods: the old WeekDay type 0 and Project 2007's Exceptions.
    const periods = [...weekDays.filter((w) => num(w.DayType) === 0), ...list((calendar.Exceptions as Raw | undefined)?.Exception)].filter((p) => text(p.DayWorking) !== "1");
    for (const p of periods) {
      const span = p.TimePeriod as Raw | undefined;
      const from = dayOf(span?.FromDate);
      const to = dayOf(span?.ToDate);
      if (!from || !to) continue;
      for (let d = from, n = 0; d <= to && n < 366 && holidays.size < 2_000; d = addCalendarDays(d, 1), n++) holidays.add(d);
    }
  }
  if (workingDays.length === 0) {
    warn("The calendar has no working weekdays; Monday to Friday are used.");
    workingDays = [1, 2, 3, 4, 5];
  }

  const resources = new Map(list((project.Resources as Raw | undefined)?.Resource).map((r) => [text(r.UID), text(r.Name).trim()]));
  const ownersOf = new Map<string, string[]>();
  for (const a of list((project.Assignments as Raw | undefined)?.Assignment)) {
    const name = resources.get(text(a.ResourceUID));
    if (!name) continue;
    const task = text(a.TaskUID);
    ownersOf.set(task, [...new Set([...(ownersOf.get(task) ?? []), name.slice(0, 200)])].slice(0, 50));
  }

  // Tasks in file order; the outline level says which summary each belongs to.
  const groups: (Lane | Phase)[] = [];
  const groupOf = new Map<string, string>();
  const items: Item[] = [];
  const milestones: Milestone[] = [];
  const itemOfTask = new Map<string, Item>();
  const milestoneOfTask = new Map<string, Milestone>();
  const names = new Map<string, string>();
  /** Item id → paragraphs for its description (the task's notes, links kept as text). */
  const notesOf = new Map<string, string[]>();
  let topSummary: { uid: string; level: number; groupId: string } | null = null;
  const starts: DateString[] = [];
  const finishes: DateString[] = [];
  for (const t of rawTasks) {
    const uid = text(t.UID);
    const level = num(t.OutlineLevel) ?? 1;
    const name = text(t.Name).trim().slice(0, 500);
    names.set(uid, name || `Task ${uid}`);
    if (level === 0 || text(t.IsNull) === "1" || !uid) continue;
    if (topSummary && level <= topSummary.level) topSummary = null;
    const start = dayOf(t.Start);
    const finish = dayOf(t.Finish);
    if (start) starts.push(start);
    if (finish) finishes.push(finish);
    if (text(t.Summary) === "1") {
      if (!topSummary) {
        const id = options.summaryAs === "phases" ? newPhaseId() : newLaneId();
        const order = groups.length;
        groups.push(
          options.summaryAs === "phases"
            ? { id: id as Phase["id"], name: (name || "Phase").slice(0, 200), order, milestoneId: null }
            : { id: id as Lane["id"], name: (name || "Lane").slice(0, 200), color: LANE_COLORS[order % LANE_COLORS.length]!, order, capacity: 0 },
        );
        topSummary = { uid, level, groupId: id };
      }
      continue;
    }
    if (topSummary) groupOf.set(uid, topSummary.groupId);
    if (text(t.Milestone) === "1") {
      const date = start ?? finish;
      if (!date) {
        warn(`Milestone "${name}" has no date and was left out.`);
        continue;
      }
      const milestone: Milestone = { id: newMilestoneId(), title: (name || "Milestone").slice(0, 200), date, kind: /release/i.test(name) ? "release" : /go.?live/i.test(name) ? "go_live" : "deadline" };
      milestones.push(milestone);
      milestoneOfTask.set(uid, milestone);
      continue;
    }
    const minutes = minutesOf(t.Duration);
    const duration = minutes === null ? 1 : Math.max(1, Math.ceil(minutes / minutesPerDay - 1e-9));
    if (minutes === null && t.Duration !== undefined) warn(`Task "${name}": duration ${text(t.Duration)} is not a duration; 1 day is used.`);
    const percent = num(t.PercentComplete) ?? 0;
    const priority = num(t.Priority) ?? 500;
    const constraint = num(t.ConstraintType) ?? 0;
    const constraintDate = dayOf(t.ConstraintDate);
    const item: Item = {
      id: newItemId(),
      title: name,
      laneId: null,
      phaseId: null,
      // Pinned where the file pins it (a date constraint), provisionally elsewhere: see below.
      start: constraint !== 0 && constraint !== 1 && constraintDate ? constraintDate : start,
      duration,
      effort: 0,
      owners: ownersOf.get(uid) ?? [],
      status: percent >= 100 ? "done" : percent > 0 ? "in_progress" : "planned",
      priority: priority >= 700 ? "must" : priority >= 400 ? "should" : priority >= 200 ? "could" : "wont",
      tags: [],
      links: [],
      deadlineMilestoneId: null,
    };
    if (!start && item.start === null) warn(`Task "${name}" has no start date.`);
    items.push(item);
    itemOfTask.set(uid, item);
    const notes = text(t.Notes).trim();
    if (notes) notesOf.set(item.id, [notes.slice(0, 10_000)]);
  }
  if (items.length === 0) return { ok: false, errors: ["The file holds no tasks to import (only summaries or milestones)."] };

  // Links: finish-to-start ones as dependencies; through milestones joined; other types kept as notes.
  const linksInto = new Map<string, { from: string; type: number; lag: number }[]>();
  for (const t of rawTasks) {
    for (const link of list(t.PredecessorLink)) {
      const from = text(link.PredecessorUID);
      if (!from || text(link.CrossProject) === "1") continue;
      const lagTenths = num(link.LinkLag) ?? 0;
      const format = num(link.LagFormat) ?? 7;
      // Elapsed formats (even numbers from 4) count calendar time; Waymark counts working days.
      if (lagTenths !== 0 && ![3, 5, 7, 9, 11, 35, 37, 39, 41, 43].includes(format)) warn(`The lag from "${names.get(from)}" to "${names.get(text(t.UID))}" is in elapsed time; it is counted in working days.`);
      const lag = Math.round(lagTenths / 10 / minutesPerDay);
      linksInto.set(text(t.UID), [...(linksInto.get(text(t.UID)) ?? []), { from, type: num(link.Type) ?? 1, lag }]);
    }
  }
  const dependencies: Dependency[] = [];
  const seen = new Set<string>();
  const addLink = (from: Item, to: Item, lag: number) => {
    const key = `${from.id}>${to.id}`;
    if (seen.has(key) || from.id === to.id) return;
    seen.add(key);
    dependencies.push({ id: newDependencyId(), fromId: from.id, toId: to.id, lag });
  };
  /** The items a task's finish passes to: itself, or through a milestone to what precedes it. */
  const sourcesOf = (uid: string, depth = 0): { item: Item; lag: number }[] => {
    const item = itemOfTask.get(uid);
    if (item) return [{ item, lag: 0 }];
    if (!milestoneOfTask.has(uid) || depth > 20) return [];
    return (linksInto.get(uid) ?? []).filter((l) => l.type === 1).flatMap((l) => sourcesOf(l.from, depth + 1).map((s) => ({ item: s.item, lag: s.lag + l.lag })));
  };
  for (const [uid, links] of linksInto) {
    const target = itemOfTask.get(uid);
    if (!target) continue;
    for (const link of links) {
      if (link.type !== 1) {
        const from = names.get(link.from) ?? link.from;
        const kept = `${LINK_TYPES[link.type] ?? `type ${link.type}`} link from "${from}"${link.lag ? `, lag ${link.lag} d` : ""} (not scheduled by Waymark)`;
        notesOf.set(target.id, [...(notesOf.get(target.id) ?? []), kept]);
        warn(`"${names.get(uid)}": its ${LINK_TYPES[link.type] ?? `type ${link.type}`} link from "${from}" is kept in its description, not scheduled (Waymark schedules finish-to-start links).`);
        continue;
      }
      for (const source of sourcesOf(link.from)) addLink(source.item, target, source.lag + link.lag);
    }
  }
  // Nothing before it and no date constraint: MS Project starts it at the project start, so
  // it keeps the date the file gives. With something before it, the links place it.
  const hasPredecessor = new Set(dependencies.map((d) => d.toId as string));
  for (const t of rawTasks) {
    const item = itemOfTask.get(text(t.UID));
    if (!item) continue;
    const constraint = num(t.ConstraintType) ?? 0;
    if (hasPredecessor.has(item.id) && (constraint === 0 || constraint === 1)) item.start = null;
    const group = groupOf.get(text(t.UID));
    if (group) {
      if (options.summaryAs === "phases") item.phaseId = group as Item["phaseId"];
      else item.laneId = group as Item["laneId"];
    }
  }
  // Items need a lane to be drawn in one: summaries as phases put everything in one lane.
  let lanes = options.summaryAs === "lanes" ? (groups as Lane[]) : [];
  if (items.some((i) => i.laneId === null)) {
    const lane: Lane = { id: newLaneId() as Lane["id"], name: "Imported", color: "#64748b", order: lanes.length, capacity: 0 };
    lanes = [...lanes, lane];
    for (const item of items) if (item.laneId === null) item.laneId = lane.id;
  }

  const allDays = [...starts, ...finishes, ...milestones.map((m) => m.date)].sort();
  const first = allDays[0] ?? (new Date().toISOString().slice(0, 10) as DateString);
  const last = allDays[allDays.length - 1] ?? first;
  const horizonStart = addCalendarDays(first, -((((toDayNumber(first) + 3) % 7) + 7) % 7)); // the Monday before
  const horizonEnd = addCalendarDays(last, Math.max(28, Math.ceil((toDayNumber(last) - toDayNumber(first)) / 10)));
  const descriptions: Record<string, RichNode[]> = {};
  for (const [id, paragraphs] of notesOf) descriptions[id] = paragraphs.map((p) => ({ type: "element", name: "paragraph", children: [{ type: "text", runs: [{ text: p }] }] }));

  return {
    ok: true,
    result: {
      warnings,
      file: {
        format: BOARD_FILE_FORMAT,
        version: BOARD_FILE_VERSION,
        board: {
          title: (options.title ?? text(project.Title) ?? "").trim().slice(0, 200) || text(project.Name).replace(/\.xml$/i, "").slice(0, 200) || "Imported project",
          goal: "",
          horizonStart,
          horizonEnd: isSupportedDate(horizonEnd) ? horizonEnd : last,
          workingDays,
          holidays: [...holidays].sort(),
          timeScale: "months",
        },
        lanes,
        phases: options.summaryAs === "phases" ? (groups as Phase[]) : [],
        items,
        dependencies,
        milestones,
        descriptions,
      },
    },
  };
}
