import { XMLParser } from "fast-xml-parser";
import { makeCalendar } from "../derive/calendar";
import { durationForFinish } from "../derive/durationFromFinish";
import { addCalendarDays, isSupportedDate, toDayNumber, type DateString } from "../model/dates";
import { newDependencyId, newItemId, newLaneId, newMilestoneId, newPhaseId } from "../model/ids";
import type { Dependency, Item, Lane, Milestone, Phase } from "../model/schemas";
import { BOARD_FILE_FORMAT, BOARD_FILE_LIMITS, BOARD_FILE_VERSION, type BoardFile } from "./boardFile";
import { readMspdiCalendar } from "./mspdiCalendar";
import { isoMinutes, lagDays, taskDays } from "./mspdiTime";
import type { RichNode } from "./richText";

/**
 * Microsoft Project XML (MSPDI) into a Waymark board file (docs/import-export.md), which the
 * caller validates and writes like any other import (boardFile.ts). Read as MS Project,
 * ProjectLibre, GanttProject and MPXJ write it (tests/fixtures/mspdi holds files of each):
 *   - elements with or without a namespace prefix; every optional element may be missing;
 *   - the outline from OutlineLevel, else OutlineNumber; a row is a summary when it says so or,
 *     when it does not say, when the next row is deeper; rows in ID order; links and
 *     assignments name tasks by UID;
 *   - the project calendar (mspdiCalendar.ts); durations and lags in working days (mspdiTime.ts);
 *   - summary tasks (top level) become phases or lanes, as the person chooses; deeper summaries
 *     fold into their top-level one; a link to or from a summary applies to the tasks in it;
 *   - tasks become items: pinned where the file fixes the date (a manually scheduled task, a
 *     date constraint) or nothing comes before it, otherwise scheduled after its links; percent
 *     complete becomes the status, priority the priority, notes the description;
 *   - milestones (flagged, or of zero duration when unflagged) become milestones; links through
 *     a milestone are joined (A → M → B becomes A → B with both lags);
 *   - work resources assigned to a task become its owners;
 *   - finish-to-start links with their lag (leads too) become dependencies. Other link types
 *     (SS, FF, SF) are not scheduled by Waymark: each is kept in its item's description and
 *     reported. Inactive and external (inserted-project) tasks are left out and reported.
 * A DOCTYPE is refused before parsing: entity expansion never runs.
 */
export type SummaryAs = "phases" | "lanes";

export interface MspdiResult {
  file: BoardFile;
  /** What was kept differently, in words, for the preview. */
  warnings: string[];
}

const LINK_TYPES: Record<number, string> = { 0: "finish-to-finish", 1: "finish-to-start", 2: "start-to-finish", 3: "start-to-start" };
const FINISH_TO_START = 1;
const LANE_COLORS = ["#8b5cf6", "#3b82f6", "#f59e0b", "#ec4899", "#10b981", "#64748b", "#ef4444", "#14b8a6"];
const MAX_WARNINGS = 50;
/** Elements that may repeat: always read as arrays, so one Task reads like many. */
const REPEATED = new Set(["Task", "PredecessorLink", "Resource", "Assignment", "Calendar", "WeekDay", "Exception", "WorkingTime", "WorkWeek"]);

type Raw = Record<string, unknown>;
const list = (value: unknown): Raw[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter((v): v is Raw => typeof v === "object" && v !== null);
const num = (value: unknown): number | null => {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};
const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
/** A boolean element: "1" or "true" (MPXJ and the schema allow both). */
const flag = (value: unknown): boolean | null => {
  const t = text(value).trim().toLowerCase();
  return t === "1" || t === "true" ? true : t === "0" || t === "false" ? false : null;
};
/** "2027-01-04T08:00:00" → "2027-01-04", or null when it is not a supported date. */
const dayOf = (value: unknown): DateString | null => {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(text(value));
  return match && isSupportedDate(match[1]!) ? (match[1] as DateString) : null;
};

/** One task row as the outline gives it. */
interface Row {
  raw: Raw;
  uid: string;
  name: string;
  level: number;
  summary: boolean;
  /** The UID of the summary row it is directly under, or null at the top. */
  parent: string | null;
}

export function mspdiToBoardFile(xml: string, options: { summaryAs: SummaryAs; title?: string }): { ok: true; result: MspdiResult } | { ok: false; errors: string[] } {
  const head = xml.slice(0, 4096);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, errors: ["The file declares a DOCTYPE or entities, which Waymark does not read (MS Project never writes one)."] };
  let doc: Raw;
  try {
    // jPath false: the parser need not build each element's path as a string (a tenth of the parse).
    const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true, processEntities: true, jPath: false, isArray: (name) => REPEATED.has(name) });
    doc = parser.parse(xml) as Raw;
  } catch (error) {
    return { ok: false, errors: [`The file is not well-formed XML: ${error instanceof Error ? error.message.split("\n")[0] : "unreadable"}.`] };
  }
  const project = doc.Project as Raw | undefined;
  if (!project || typeof project !== "object")
    return { ok: false, errors: [/<([\w-]+:)?Project/.test(head) ? "The file has no readable <Project> element." : "Not a Microsoft Project XML file: it has no <Project> element."] };

  const warnings: string[] = [];
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else if (warnings.length === MAX_WARNINGS) warnings.push("…and more.");
  };
  const minutesPerDay = num(project.MinutesPerDay) || 480;
  const rawTasks = list((project.Tasks as Raw | undefined)?.Task);
  if (rawTasks.length === 0) return { ok: false, errors: ["The file holds no tasks."] };
  if (rawTasks.length > BOARD_FILE_LIMITS.items) return { ok: false, errors: [`The file holds ${rawTasks.length} tasks; Waymark imports at most ${BOARD_FILE_LIMITS.items}.`] };

  const calendar = readMspdiCalendar(project, warn);
  const cal = makeCalendar(calendar);

  const rows = readOutline(rawTasks, warn);
  const rowOf = new Map(rows.map((r) => [r.uid, r]));

  const resources = new Map<string, string>();
  for (const r of list((project.Resources as Raw | undefined)?.Resource)) {
    const name = text(r.Name).trim();
    // Type 0 is a material resource, 2 a cost: neither is a person who owns the work.
    if (name && flag(r.IsNull) !== true && (num(r.Type) ?? 1) === 1) resources.set(text(r.UID), name.slice(0, 200));
  }
  const ownersOf = new Map<string, Set<string>>();
  for (const a of list((project.Assignments as Raw | undefined)?.Assignment)) {
    const name = resources.get(text(a.ResourceUID));
    if (!name) continue;
    const task = text(a.TaskUID);
    const owners = ownersOf.get(task) ?? new Set<string>();
    if (owners.size < 50) owners.add(name);
    ownersOf.set(task, owners);
  }

  const groups: (Lane | Phase)[] = [];
  const groupOfSummary = new Map<string, string>();
  const items: Item[] = [];
  const milestones: Milestone[] = [];
  const itemOfTask = new Map<string, Item>();
  const milestoneOfTask = new Map<string, Milestone>();
  /** Item id → paragraphs for its description (the task's notes, links kept as text). */
  const notesOf = new Map<string, string[]>();
  /** Tasks whose date the file fixes (manually scheduled, or a date constraint). */
  const fixed = new Set<string>();
  const days: DateString[] = [];
  for (const row of rows) {
    const t = row.raw;
    const { uid, name } = row;
    const topSummary = outermostSummary(row, rowOf);
    if (row.summary) {
      if (topSummary === uid) {
        const id = options.summaryAs === "phases" ? newPhaseId() : newLaneId();
        const order = groups.length;
        groups.push(
          options.summaryAs === "phases"
            ? { id: id as Phase["id"], name: (name || "Phase").slice(0, 200), order, milestoneId: null }
            : { id: id as Lane["id"], name: (name || "Lane").slice(0, 200), color: LANE_COLORS[order % LANE_COLORS.length]!, order, capacity: 0 },
        );
        groupOfSummary.set(uid, id);
      }
      continue;
    }
    const manual = flag(t.Manual) === true;
    const start = dayOf(t.Start) ?? (manual ? dayOf(t.ManualStart) : null);
    const finish = dayOf(t.Finish);
    if (start) days.push(start);
    if (finish) days.push(finish);
    const durationText = text(manual ? (t.ManualDuration ?? t.Duration) : t.Duration);
    const minutes = durationText ? isoMinutes(durationText) : null;
    const milestoneFlag = flag(t.Milestone);
    if (milestoneFlag === true || (milestoneFlag === null && minutes === 0)) {
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
    let duration: number;
    if (minutes !== null) duration = taskDays(minutes, num(t.DurationFormat), start, minutesPerDay, cal);
    else {
      // No duration (or one that is not a duration): the working days from its start to its finish.
      duration = (start && finish ? durationForFinish(cal, start, finish) : null) ?? 1;
      if (durationText) warn(`Task "${name}": duration ${durationText} is not a duration; ${duration} day${duration === 1 ? "" : "s"} from its dates ${duration === 1 ? "is" : "are"} used.`);
    }
    const constraint = num(t.ConstraintType) ?? 0;
    // 0 as soon as possible and 1 as late as possible leave the date to the links.
    if (manual || (constraint !== 0 && constraint !== 1)) fixed.add(uid);
    const percent = num(t.PercentComplete) ?? 0;
    const priority = num(t.Priority) ?? 500;
    const group = topSummary ? groupOfSummary.get(topSummary) : undefined;
    const item: Item = {
      id: newItemId(),
      title: name,
      laneId: options.summaryAs === "lanes" && group ? (group as Item["laneId"]) : null,
      phaseId: options.summaryAs === "phases" && group ? (group as Item["phaseId"]) : null,
      // Where the file schedules it; unpinned below when links place it (see `fixed`).
      start: start ?? (constraint >= 2 ? dayOf(t.ConstraintDate) : null),
      duration,
      effort: 0,
      owners: [...(ownersOf.get(uid) ?? [])],
      status: percent >= 100 ? "done" : percent > 0 ? "in_progress" : "planned",
      priority: priority >= 700 ? "must" : priority >= 400 ? "should" : priority >= 200 ? "could" : "wont",
      tags: [],
      links: [],
      deadlineMilestoneId: null,
    };
    if (!item.start) warn(`Task "${name}" has no start date.`);
    items.push(item);
    itemOfTask.set(uid, item);
    const notes = text(t.Notes).trim();
    if (notes) notesOf.set(item.id, [notes.slice(0, 10_000)]);
  }
  if (items.length === 0) return { ok: false, errors: ["The file holds no tasks to import (only summaries or milestones)."] };

  const dependencies = readLinks({ rows, rowOf, itemOfTask, milestoneOfTask, notesOf, warn, minutesPerDay, perWeek: cal.perWeek });
  // Nothing before it and nothing fixing its date: MS Project starts it at the project start,
  // so it keeps the date the file gives. With something before it, the links place it.
  const hasPredecessor = new Set(dependencies.map((d) => d.toId as string));
  for (const [uid, item] of itemOfTask) if (hasPredecessor.has(item.id) && !fixed.has(uid)) item.start = null;

  // Items need a lane to be drawn in one: summaries as phases put everything in one lane.
  let lanes = options.summaryAs === "lanes" ? (groups as Lane[]) : [];
  if (items.some((i) => i.laneId === null)) {
    const lane: Lane = { id: newLaneId() as Lane["id"], name: "Imported", color: "#64748b", order: lanes.length, capacity: 0 };
    lanes = [...lanes, lane];
    for (const item of items) if (item.laneId === null) item.laneId = lane.id;
  }

  const allDays = [...days, ...milestones.map((m) => m.date)].sort();
  const first = allDays[0] ?? (new Date().toISOString().slice(0, 10) as DateString);
  const last = allDays[allDays.length - 1] ?? first;
  const horizonStart = addCalendarDays(first, -((((toDayNumber(first) + 3) % 7) + 7) % 7)); // the Monday before
  const horizonEnd = addCalendarDays(last, Math.max(28, Math.ceil((toDayNumber(last) - toDayNumber(first)) / 10)));
  // A calendar can hold decades of holidays; the board keeps those around its plan (a year past
  // its end, for work that slips), within the board file's bound.
  const keepUntil = addCalendarDays(horizonEnd, 366);
  const holidays = calendar.holidays.filter((d) => d >= horizonStart && d <= keepUntil).slice(0, 2_000);
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
          title: (options.title ?? text(project.Title)).trim().slice(0, 200) || text(project.Name).replace(/\.xml$/i, "").trim().slice(0, 200) || "Imported project",
          goal: "",
          horizonStart,
          horizonEnd: isSupportedDate(horizonEnd) ? horizonEnd : last,
          workingDays: calendar.workingDays,
          holidays,
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

/**
 * The task rows in outline order, with their level, summary flag and parent summary. Rows that
 * are not tasks of this plan are left out: blank rows (IsNull), the project summary (level 0),
 * inactive tasks and the placeholders of inserted projects.
 */
function readOutline(rawTasks: Raw[], warn: (message: string) => void): Row[] {
  const ids = rawTasks.map((t) => num(t.ID));
  // MS Project writes rows in ID order; other writers may not, and the outline is by ID.
  const ordered = ids.every((id) => id !== null) ? rawTasks.map((t, i) => ({ t, id: ids[i]! })).sort((a, b) => a.id - b.id).map((x) => x.t) : rawTasks;
  const kept = ordered.filter((t) => {
    const level = levelOf(t);
    if (flag(t.IsNull) === true || level === 0 || (!text(t.UID) && !text(t.ID))) return false;
    // UID 0 without an outline level is the project summary row of writers that omit it.
    if (text(t.UID) === "0" && flag(t.Summary) === true && t.OutlineLevel === undefined && t.OutlineNumber === undefined) return false;
    return true;
  });
  let inactive = 0;
  let external = 0;
  const rows: Row[] = [];
  const stack: Row[] = [];
  kept.forEach((t, i) => {
    const level = levelOf(t) ?? 1;
    const next = kept[i + 1];
    const declared = flag(t.Summary);
    const summary = declared ?? (next !== undefined && (levelOf(next) ?? 1) > level);
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1]!.uid : null;
    const row: Row = { raw: t, uid: text(t.UID) || `id:${text(t.ID)}`, name: text(t.Name).trim().slice(0, 500), level, summary, parent };
    if (summary) stack.push(row);
    if (flag(t.Active) === false) inactive++;
    else if (flag(t.ExternalTask) === true) external++;
    else rows.push(row);
  });
  if (inactive) warn(`${inactive} inactive task${inactive === 1 ? " was" : "s were"} left out.`);
  if (external) warn(`${external} task${external === 1 ? "" : "s"} of inserted projects ${external === 1 ? "was" : "were"} left out.`);
  return rows;
}

function levelOf(t: Raw): number | null {
  const level = num(t.OutlineLevel);
  if (level !== null) return level;
  const outline = text(t.OutlineNumber).trim();
  return outline ? outline.split(".").length - (outline === "0" ? 1 : 0) : null;
}

/** The UID of the top-level summary a row is in (itself when it is one), or null. */
function outermostSummary(row: Row, rowOf: Map<string, Row>): string | null {
  let top: string | null = row.summary ? row.uid : null;
  for (let p = row.parent, n = 0; p !== null && n < 100; p = rowOf.get(p)?.parent ?? null, n++) if (rowOf.has(p)) top = p;
  return top;
}

interface LinkContext {
  rows: Row[];
  rowOf: Map<string, Row>;
  itemOfTask: Map<string, Item>;
  milestoneOfTask: Map<string, Milestone>;
  notesOf: Map<string, string[]>;
  warn: (message: string) => void;
  minutesPerDay: number;
  perWeek: number;
}

/**
 * Dependencies from the predecessor links: finish-to-start ones between items as they are;
 * through milestones joined; to and from summaries applied to the tasks in them (from its last
 * tasks, to its first ones: the others follow those); other types kept as notes.
 */
function readLinks(ctx: LinkContext): Dependency[] {
  const { rows, rowOf, itemOfTask, milestoneOfTask, notesOf, warn } = ctx;
  const nameOf = (uid: string) => rowOf.get(uid)?.name || `task ${uid}`;
  const linksInto = new Map<string, { from: string; type: number; lag: number }[]>();
  let unknown = 0;
  for (const row of rows) {
    for (const link of list(row.raw.PredecessorLink)) {
      const from = text(link.PredecessorUID).trim();
      if (!from || flag(link.CrossProject) === true) continue;
      if (!rowOf.has(from)) {
        unknown++;
        continue;
      }
      const format = num(link.LagFormat);
      const lag = lagDays(num(link.LinkLag) ?? 0, format, ctx.minutesPerDay, ctx.perWeek, itemOfTask.get(from)?.duration ?? null);
      const entry = { from, type: num(link.Type) ?? FINISH_TO_START, lag };
      const into = linksInto.get(row.uid);
      if (into) into.push(entry);
      else linksInto.set(row.uid, [entry]);
    }
  }
  if (unknown) warn(`${unknown} link${unknown === 1 ? "" : "s"} to tasks the file does not hold ${unknown === 1 ? "was" : "were"} left out.`);

  // The items under each summary, and which of them start and end it (by the links among them).
  const childrenOf = new Map<string, string[]>();
  for (const row of rows) if (row.parent) (childrenOf.get(row.parent) ?? childrenOf.set(row.parent, []).get(row.parent)!).push(row.uid);
  const itemsUnder = (uid: string, depth = 0): string[] => (depth > 100 ? [] : (childrenOf.get(uid) ?? []).flatMap((c) => (rowOf.get(c)?.summary ? itemsUnder(c, depth + 1) : itemOfTask.has(c) ? [c] : [])));
  const ends = new Map<string, { starts: string[]; ends: string[] }>();
  const edgesOf = (uid: string) => {
    let found = ends.get(uid);
    if (!found) {
      const inside = new Set(itemsUnder(uid));
      const hasPredecessorInside = new Set<string>();
      const hasSuccessorInside = new Set<string>();
      for (const to of inside)
        for (const l of linksInto.get(to) ?? [])
          if (l.type === FINISH_TO_START && inside.has(l.from)) {
            hasPredecessorInside.add(to);
            hasSuccessorInside.add(l.from);
          }
      found = { starts: [...inside].filter((u) => !hasPredecessorInside.has(u)), ends: [...inside].filter((u) => !hasSuccessorInside.has(u)) };
      ends.set(uid, found);
    }
    return found;
  };

  const dependencies: Dependency[] = [];
  const seen = new Set<string>();
  const addLink = (from: Item, to: Item, lag: number) => {
    const key = `${from.id}>${to.id}`;
    if (seen.has(key) || from.id === to.id) return;
    seen.add(key);
    dependencies.push({ id: newDependencyId(), fromId: from.id, toId: to.id, lag });
  };
  /** The items whose finish a task's finish stands for: itself, a milestone's predecessors, a summary's last tasks. */
  const sourcesOf = (uid: string, depth = 0): { item: Item; lag: number }[] => {
    const item = itemOfTask.get(uid);
    if (item) return [{ item, lag: 0 }];
    if (depth > 20) return [];
    if (rowOf.get(uid)?.summary) return edgesOf(uid).ends.map((u) => ({ item: itemOfTask.get(u)!, lag: 0 }));
    if (!milestoneOfTask.has(uid)) return [];
    return (linksInto.get(uid) ?? []).filter((l) => l.type === FINISH_TO_START).flatMap((l) => sourcesOf(l.from, depth + 1).map((s) => ({ item: s.item, lag: s.lag + l.lag })));
  };
  /** The items a link into a task starts: itself, or a summary's first tasks (milestones pass links on, see sourcesOf). */
  const targetsOf = (uid: string): Item[] => {
    const item = itemOfTask.get(uid);
    if (item) return [item];
    return rowOf.get(uid)?.summary ? edgesOf(uid).starts.map((u) => itemOfTask.get(u)!) : [];
  };
  for (const [uid, links] of linksInto) {
    const targets = targetsOf(uid);
    if (targets.length === 0) continue;
    for (const link of links) {
      if (link.type !== FINISH_TO_START) {
        const type = LINK_TYPES[link.type] ?? `type ${link.type}`;
        const from = nameOf(link.from);
        const kept = `${type} link from "${from}"${link.lag ? `, lag ${link.lag} d` : ""} (not scheduled by Waymark)`;
        for (const target of targets) notesOf.set(target.id, [...(notesOf.get(target.id) ?? []), kept]);
        warn(`"${nameOf(uid)}": its ${type} link from "${from}" is kept in its description, not scheduled (Waymark schedules finish-to-start links).`);
        continue;
      }
      for (const source of sourcesOf(link.from)) for (const target of targets) addLink(source.item, target, source.lag + link.lag);
    }
  }
  return dependencies;
}
