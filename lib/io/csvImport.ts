import Papa from "papaparse";
import { addWorkingDays, makeCalendar, previousWorkingDay } from "../derive/calendar";
import { formatDay, parseDay } from "../derive/dayStrings";
import { durationForFinish } from "../derive/durationFromFinish";
import { addCalendarDays, type DateString } from "../model/dates";
import { newDependencyId, newItemId, newLaneId, newMilestoneId, newPhaseId } from "../model/ids";
import type { BoardSettings, Dependency, Item, ItemStatus, Lane, Milestone, Phase, Priority } from "../model/schemas";
import { BOARD_FILE_FORMAT, BOARD_FILE_LIMITS, BOARD_FILE_VERSION, type BoardFile } from "./boardFile";
import { guessDateOrder, parseCsvDate, parseCsvDuration, type DateOrder } from "./csvDates";
import type { RichNode } from "./richText";
import { CSV_FIELDS, type CsvField } from "./csvFields";

/**
 * CSV into a Waymark board file (docs/import-export.md): read the table, guess what each column
 * is (Waymark's own export and the exports of Jira, Linear, Asana and Azure DevOps are
 * recognised by their headers), let the person correct the mapping, then turn each row into an
 * item (or a milestone), with every row's problem in words and its spreadsheet row number
 * (the header is row 1). Nothing is half-imported: the caller writes only a file without errors.
 */
export { CSV_FIELDS, type CsvField } from "./csvFields";
export type CsvMapping = (CsvField | null)[];

export const MAX_CSV_ROWS = BOARD_FILE_LIMITS.items;
export const MAX_CSV_COLUMNS = 200;

/** Header words (lower case, trimmed) that name each field, from Waymark and the tools people export from. */
const HEADERS: Record<CsvField, string[]> = {
  id: ["id", "issue key", "key", "task id", "work item id", "issue id", "uid", "#"],
  title: ["title", "summary", "name", "task name", "task", "item", "issue", "work item"],
  // Jira's "Component/s" before "Project key" (every Jira row has one project).
  lane: ["lane", "team", "area path", "area", "section/column", "section", "component", "components", "component/s", "workstream", "project"],
  phase: ["phase", "iteration path", "iteration", "sprint", "cycle name", "cycle", "fix version", "fix versions", "fix version/s", "release", "milestone name", "stage"],
  // Not "Scheduled start/finish": Waymark's export derives those; its "Pinned start" is what was set.
  // Jira's start date and Advanced Roadmaps' target dates are custom fields.
  start: ["pinned start", "start", "start date", "started", "begin", "planned start", "target start", "custom field (start date)", "custom field (target start)"],
  finish: ["finish", "finish date", "end", "end date", "due", "due date", "due on", "target date", "planned finish", "target end", "custom field (target end)"],
  duration: ["duration (working days)", "duration", "days", "estimate (days)", "working days", "length"],
  owners: ["owners", "owner", "assignee", "assigned to", "assignees", "responsible", "resource names", "resources"],
  status: ["status", "state", "progress"],
  priority: ["priority", "moscow"],
  tags: ["tags", "labels", "label", "tag"],
  // Jira's inward "Blocks" link is "is blocked by"; Azure DevOps names the link type.
  predecessors: ["predecessors", "predecessor", "depends on", "blocked by", "dependencies", "blocked by (dependencies)", "is blocked by", "inward issue link (blocks)"],
  milestone: ["milestone", "is milestone", "type", "work item type", "issue type"],
  // Not "Original Estimate": Jira writes it in seconds and Azure DevOps in hours, not effort.
  effort: ["effort", "story points", "estimate", "points", "story point estimate", "custom field (story points)", "custom field (story point estimate)"],
  description: ["description", "notes", "details"],
};

/** Reads CSV text (a BOM is dropped); delimiter sniffed (comma, semicolon, tab). */
export function readCsv(text: string): { ok: true; headers: string[]; rows: string[][] } | { ok: false; error: string } {
  const body = text.replace(/^\uFEFF/, "");
  if (body.includes("\uFFFD")) return { ok: false, error: "The file is not UTF-8 text (it holds characters that could not be read). Save it as CSV UTF-8 and try again." };
  if (body.includes("\u0000")) return { ok: false, error: "The file is not a text CSV file (it holds binary data)." };
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t", "|"] });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken) return { ok: false, error: `Row ${(broken.row ?? 0) + 1}: a quoted value is never closed ("${broken.message}").` };
  const [headers, ...rows] = parsed.data;
  if (!headers || headers.every((h) => !h.trim())) return { ok: false, error: "The file is empty: it needs a header row and at least one row." };
  if (headers.length > MAX_CSV_COLUMNS) return { ok: false, error: `The file has ${headers.length} columns; Waymark reads at most ${MAX_CSV_COLUMNS}.` };
  if (rows.length === 0) return { ok: false, error: "The file has a header row but no rows." };
  if (rows.length > MAX_CSV_ROWS) return { ok: false, error: `The file has ${rows.length} rows; Waymark imports at most ${MAX_CSV_ROWS}.` };
  return { ok: true, headers: headers.map((h) => h.trim()), rows };
}

/** A guess for each column; each field is given to one column at most (the first that names it). */
export function guessMapping(headers: readonly string[]): CsvMapping {
  const taken = new Set<CsvField>();
  const out: CsvMapping = headers.map(() => null);
  // Exact names first, over all columns, so "Start date" wins "start" over a later "Started".
  for (const pass of ["exact", "loose"] as const) {
    headers.forEach((header, i) => {
      if (out[i]) return;
      const h = header.trim().toLowerCase();
      for (const field of CSV_FIELDS) {
        if (taken.has(field)) continue;
        const names = HEADERS[field];
        const hit = pass === "exact" ? names.includes(h) : names.some((n) => n.length > 3 && h.startsWith(n));
        if (hit) {
          out[i] = field;
          taken.add(field);
          return;
        }
      }
    });
  }
  // Jira repeats a column once per value (Labels, Labels, …): each copy of a list field's header fills it too.
  headers.forEach((header, i) => {
    if (out[i]) return;
    const first = headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase());
    const field = out[first];
    if (field && LIST_FIELDS.has(field)) out[i] = field;
  });
  return out;
}

/** Fields that hold lists: every column mapped to one adds to it (the others read the first). */
const LIST_FIELDS = new Set<CsvField>(["owners", "tags", "predecessors"]);

export interface CsvOptions {
  mapping: CsvMapping;
  /** How numeric dates are read when the data does not say (from the person's locale). */
  dateOrder: DateOrder;
  /** The board the rows go into: its calendar turns finishes into durations. */
  settings?: Pick<BoardSettings, "workingDays" | "holidays">;
  title?: string;
}

export interface RowError {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  message: string;
}

const STATUS: [RegExp, ItemStatus][] = [
  [/^(done|closed|resolved|complete|completed|finished|released|shipped|100%?)$/i, "done"],
  [/^(at[ _-]risk|blocked|on hold|impeded|delayed)$/i, "at_risk"],
  [/^(in[ _-]progress|doing|active|started|in review|review|committed|in development|testing|\d{1,2}%)$/i, "in_progress"],
];
const PRIORITY: [RegExp, Priority][] = [
  [/^(must|must have|must-have|highest|critical|blocker|urgent|p0|1|1 - critical)$/i, "must"],
  [/^(should|should have|should-have|high|medium|normal|p1|p2|2|3|2 - high|3 - medium)$/i, "should"],
  [/^(could|could have|could-have|low|p3|4|4 - low)$/i, "could"],
  [/^(won't|wont|won't have|wont have|lowest|trivial|p4|none)$/i, "wont"],
];
const TRUE = /^(yes|y|true|1|x|milestone|✓)$/i;
const LANE_COLORS = ["#8b5cf6", "#3b82f6", "#f59e0b", "#ec4899", "#10b981", "#64748b", "#ef4444", "#14b8a6"];

/** Undoes the export's guard against formulas ('=… back to =…). */
const cellText = (cell: string | undefined) => (cell ?? "").replace(/^'(?=[=+\-@\t\r])/, "").trim();
const splitList = (cell: string) => cell.split(/[;,\n]/).map((s) => s.trim()).filter(Boolean);

export function csvToBoardFile(headers: readonly string[], rows: readonly string[][], options: CsvOptions): { file: BoardFile; errors: RowError[]; warnings: string[] } {
  const { mapping } = options;
  const column = (field: CsvField) => mapping.indexOf(field);
  const col = Object.fromEntries(CSV_FIELDS.map((f) => [f, column(f)])) as Record<CsvField, number>;
  const errors: RowError[] = [];
  const warnings: string[] = [];
  if (col.title < 0) errors.push({ row: 1, message: "No column is mapped to Title: every item needs one." });
  const settings = options.settings ?? { workingDays: [1, 2, 3, 4, 5], holidays: [] };
  const calendar = makeCalendar(settings);
  const dateOrder = (field: CsvField) => (col[field] < 0 ? options.dateOrder : guessDateOrder(rows.map((r) => r[col[field]] ?? ""), options.dateOrder));
  const startOrder = dateOrder("start");
  const finishOrder = dateOrder("finish");
  const listColumns = Object.fromEntries([...LIST_FIELDS].map((f) => [f, mapping.flatMap((m, i) => (m === f ? [i] : []))])) as Record<CsvField, number[]>;
  const get = (row: readonly string[], field: CsvField) =>
    LIST_FIELDS.has(field) ? listColumns[field]!.map((i) => cellText(row[i])).filter(Boolean).join(",") : col[field] < 0 ? "" : cellText(row[col[field]]);

  const lanes = new Map<string, Lane>();
  const phases = new Map<string, Phase>();
  const laneOf = (name: string) => {
    const key = name.toLowerCase();
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { id: newLaneId(), name: name.slice(0, 200), color: LANE_COLORS[lanes.size % LANE_COLORS.length]!, order: lanes.size, capacity: 0 }));
    return lane.id;
  };
  const phaseOf = (name: string) => {
    const key = name.toLowerCase();
    let phase = phases.get(key);
    if (!phase) phases.set(key, (phase = { id: newPhaseId(), name: name.slice(0, 200), order: phases.size, milestoneId: null }));
    return phase.id;
  };

  const items: Item[] = [];
  const milestones: Milestone[] = [];
  const descriptions: Record<string, RichNode[]> = {};
  /** The row's own id (its ID column, else its row number) → the item made of it. */
  const byRef = new Map<string, Item>();
  const aliasColumn = headers.findIndex((h, i) => mapping[i] !== "id" && h.trim().toLowerCase() === "issue id");
  const predecessorCells: { row: number; item: Item; cell: string }[] = [];
  const dates: DateString[] = [];

  rows.forEach((row, index) => {
    const rowNumber = index + 2;
    const fail = (message: string) => errors.push({ row: rowNumber, message });
    if (row.every((c) => !c.trim())) return;
    const title = get(row, "title");
    if (col.title >= 0 && !title) return fail("Title is empty");
    if (title.length > 500) return fail(`Title is ${title.length} characters long; at most 500 fit`);
    const startCell = get(row, "start");
    const finishCell = get(row, "finish");
    const start = startCell ? parseCsvDate(startCell, startOrder) : null;
    const finish = finishCell ? parseCsvDate(finishCell, finishOrder) : null;
    if (startCell && !start) fail(`Start ${startCell} is not a date`);
    if (finishCell && !finish) fail(`Finish ${finishCell} is not a date`);
    if (start) dates.push(start);
    if (finish) dates.push(finish);
    const milestoneCell = get(row, "milestone");
    if (milestoneCell && (TRUE.test(milestoneCell) || /^milestone$/i.test(milestoneCell))) {
      const date = finish ?? start;
      if (!date) return fail(`Milestone "${title}" has no date (give it a start or finish)`);
      milestones.push({ id: newMilestoneId(), title: title.slice(0, 200) || "Milestone", date, kind: /release/i.test(title) ? "release" : /go.?live/i.test(title) ? "go_live" : "deadline" });
      return;
    }
    let duration = 1;
    const durationCell = get(row, "duration");
    if (durationCell) {
      const parsed = parseCsvDuration(durationCell, calendar.perWeek);
      if (parsed === null) fail(`Duration ${durationCell} is not a number of days or weeks`);
      else duration = parsed;
    } else if (start && finish) {
      const fitted = durationForFinish(calendar, start, finish);
      if (fitted === null) fail(`Finish ${finishCell} is before start ${startCell}`);
      else duration = fitted;
    }
    const effortCell = get(row, "effort");
    const effort = effortCell ? Number(effortCell.replace(",", ".")) : 0;
    if (effortCell && !(Number.isFinite(effort) && effort >= 0)) fail(`Effort ${effortCell} is not a number`);
    const statusCell = get(row, "status");
    const priorityCell = get(row, "priority");
    const item: Item = {
      id: newItemId(),
      title,
      laneId: get(row, "lane") ? laneOf(get(row, "lane")) : null,
      phaseId: get(row, "phase") ? phaseOf(get(row, "phase")) : null,
      // Pinned where the row gives a start (or only a finish: see below); otherwise placed by its predecessors, or in the tray.
      start,
      duration,
      effort: Number.isFinite(effort) && effort >= 0 ? effort : 0,
      owners: splitList(get(row, "owners")).slice(0, 50).map((o) => o.slice(0, 200)),
      status: STATUS.find(([re]) => re.test(statusCell))?.[1] ?? "planned",
      priority: PRIORITY.find(([re]) => re.test(priorityCell))?.[1] ?? "should",
      tags: splitList(get(row, "tags")).slice(0, 50).map((t) => t.slice(0, 50)),
      links: [],
      deadlineMilestoneId: null,
    };
    if (!start && finish) {
      // Only a finish: start as many working days before it as the duration takes.
      item.start = formatDay(addWorkingDays(calendar, previousWorkingDay(calendar, parseDay(finish)), -(duration - 1)));
    }
    if (priorityCell && !PRIORITY.some(([re]) => re.test(priorityCell))) warnOnce(warnings, `Priority "${priorityCell}" is not one Waymark knows; "should" is used.`);
    if (statusCell && !STATUS.some(([re]) => re.test(statusCell)) && !/^(to ?do|open|new|backlog|planned|not started|proposed|ready|approved)$/i.test(statusCell))
      warnOnce(warnings, `Status "${statusCell}" is read as planned.`);
    items.push(item);
    const ref = get(row, "id") || String(index + 1);
    if (byRef.has(ref.toLowerCase())) fail(`ID ${ref} is used by another row too`);
    byRef.set(ref.toLowerCase(), item);
    // Jira's link columns name issues by their numeric Issue id, not the Issue key the row is known by.
    const alias = aliasColumn >= 0 ? cellText(row[aliasColumn]).toLowerCase() : "";
    if (alias && !byRef.has(alias)) byRef.set(alias, item);
    const description = get(row, "description");
    if (description) descriptions[item.id] = description.split(/\n{2,}/).slice(0, 200).map((p) => ({ type: "element", name: "paragraph", children: [{ type: "text", runs: [{ text: p.slice(0, 10_000) }] }] }));
    const predecessors = get(row, "predecessors");
    if (predecessors) predecessorCells.push({ row: rowNumber, item, cell: predecessors });
  });

  const dependencies: Dependency[] = [];
  for (const { row, item, cell } of predecessorCells) {
    for (const entry of splitList(cell)) {
      // "ID", "ID+2", "ID-1", "ID+2d", MS Project's "3FS+2 days".
      const m = /^(.+?)(?:\s*(FS|SS|FF|SF))?\s*(?:([+-])\s*(\d+)\s*(?:d|days?|wd)?)?$/i.exec(entry);
      if (!m) {
        errors.push({ row, message: `Predecessor "${entry}" is not an ID with an optional lag (like ABC-12+2)` });
        continue;
      }
      // An ID that itself ends in FS, SS, FF or SF ("a1ff") is that ID, not a link type.
      let [ref, type] = [m[1]!.trim(), m[2]];
      if (type && byRef.has(`${ref}${type}`.toLowerCase())) [ref, type] = [`${ref}${type}`, undefined];
      const from = byRef.get(ref.toLowerCase());
      if (!from) {
        errors.push({ row, message: `Predecessor ${ref} is not the ID of any row` });
        continue;
      }
      if (type && type.toUpperCase() !== "FS") warnOnce(warnings, `Row ${row}: the ${type.toUpperCase()} link from ${ref} is imported as finish-to-start (Waymark schedules only those).`);
      const lag = m[4] ? Number(m[4]) * (m[3] === "-" ? -1 : 1) : 0;
      if (from.id === item.id) errors.push({ row, message: `Row depends on itself (${entry})` });
      else dependencies.push({ id: newDependencyId(), fromId: from.id, toId: item.id, lag });
    }
  }
  const sorted = [...dates].sort();
  const first = sorted[0] ?? (new Date().toISOString().slice(0, 10) as DateString);
  const last = sorted[sorted.length - 1] ?? addCalendarDays(first, 180);
  return {
    errors,
    warnings,
    file: {
      format: BOARD_FILE_FORMAT,
      version: BOARD_FILE_VERSION,
      board: {
        title: (options.title ?? "Imported roadmap").slice(0, 200),
        goal: "",
        horizonStart: addCalendarDays(first, -7),
        horizonEnd: addCalendarDays(last, 60),
        workingDays: [...settings.workingDays],
        holidays: [...settings.holidays],
        timeScale: "months",
      },
      lanes: [...lanes.values()],
      phases: [...phases.values()],
      items,
      dependencies,
      milestones,
      descriptions,
    },
  };
}

function warnOnce(warnings: string[], message: string) {
  if (!warnings.includes(message) && warnings.length < 50) warnings.push(message);
}
