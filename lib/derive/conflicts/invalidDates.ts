import type { ItemId } from "../../model/ids";
import type { SnapshotProblem } from "../../model/snapshot";
import { clampToSupportedRange, LAST_SUPPORTED_DATE, LAST_SUPPORTED_DAY, outOfRangeMessage } from "../../model/dateRange";
import { clampWorkingDays, finishDay, nextWorkingDay, previousWorkingDay } from "../calendar";
import type { Conflict } from "../types";
import { dateOf, dayOf, type ConflictContext } from "./context";
import { OFF_DAY, SHORT } from "./itemFacts";
import { dateWords, quote, recordName } from "./text";

type InvalidField = Extract<SnapshotProblem, { kind: "invalid-field" }>;

/** Fields that hold dates, durations, lags or the calendar. */
const DATE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  board: ["horizonStart", "horizonEnd", "workingDays", "holidays"],
  items: ["start", "duration"],
  dependencies: ["lag"],
  milestones: ["date"],
};

/** True for an invalid-field problem on a date, duration, lag or calendar field. */
export const isDateField = (p: { collection: string; field: string }): boolean => DATE_FIELDS[p.collection]?.includes(p.field) ?? false;

/** An unreadable milestone is one whose date could not be read (the only field without a default). */
const isUnreadableMilestoneDate = (p: SnapshotProblem): boolean =>
  p.kind === "unreadable-record" && p.collection === "milestones" && /(^|; )date:/.test(p.message);

const BOARD_FIELD_NAMES: Record<string, string> = {
  horizonStart: "horizon start",
  horizonEnd: "horizon end",
  workingDays: "working weekdays",
  holidays: "holidays",
};

/**
 * invalid-dates: what makes dates meaningless. Errors: a duration under 1 working day, a
 * horizon that ends before it starts, and date, duration or lag fields a peer wrote junk into
 * (the snapshot substituted a default, which the message names). Warnings: a pinned start on a
 * non-working day (drawn from the next working day, fix: move it there) and a calendar with no
 * working weekday (every day is then treated as worked).
 */
export function invalidDatesConflicts(ctx: ConflictContext): Conflict[] {
  const out = invalidSettingsAndFields(ctx);
  const check = invalidDatesCheck(ctx);
  for (let v = 0; v < ctx.items.length; v++) check(v, out);
  return out;
}

/** The rule's conflicts that are not about an item's own start or duration: the board's settings and junk fields. */
export function invalidSettingsAndFields(ctx: ConflictContext): Conflict[] {
  const out: Conflict[] = [];
  const { board } = ctx.snapshot;
  if (!ctx.horizon) {
    out.push({
      id: "invalid-dates:board:horizon",
      kind: "invalid-dates",
      severity: "error",
      objectIds: [],
      message: `The board's horizon ends on ${dateWords(board.horizonEnd)}, before it starts on ${dateWords(board.horizonStart)}, so items cannot be checked against it. Set the horizon end after its start in the board settings.`,
      fix: null,
    });
  }
  if (!board.workingDays.some((d) => d >= 1 && d <= 7)) {
    out.push({
      id: "invalid-dates:board:workingDays:none",
      kind: "invalid-dates",
      severity: "warning",
      objectIds: [],
      message: "The board's calendar has no working weekday, so every day is treated as a working day. Choose the working weekdays in the board settings.",
      fix: null,
    });
  }
  for (const problem of ctx.snapshot.problems) {
    if (problem.kind === "invalid-field" && isDateField(problem)) out.push(unreadableField(ctx, problem));
    else if (isUnreadableMilestoneDate(problem)) {
      const why = problem.kind === "unreadable-record" && problem.outOfRange !== undefined ? `a date that cannot be used (${outOfRangeMessage(problem.outOfRange)})` : "a date that cannot be read";
      out.push({
        id: `invalid-dates:milestones:${problem.id}:date`,
        kind: "invalid-dates",
        severity: "error",
        objectIds: [problem.id],
        message: `A milestone has ${why}, so it is left off the board and anything tied to it is reported as missing. Delete it or ask whoever added it to set its date again.`,
        fix: null,
      });
    }
  }
  return out;
}

/** The item part of the rule, for one item at a time (pushing its conflicts onto `out`). */
export function invalidDatesCheck(ctx: ConflictContext): (v: number, out: Conflict[]) => void {
  const { flags } = ctx.facts;
  // The scheduler keeps every date inside the supported range (docs/dates.md). An item drawn
  // up to its last working day was cut off there when its own duration, or the links before
  // it, would have taken it further.
  const lastDay = previousWorkingDay(ctx.cal, LAST_SUPPORTED_DAY);
  const cutOff = (v: number) =>
    finishDay(ctx.cal, ctx.start[v]!, clampWorkingDays(Math.max(1, ctx.items[v]!.duration))) > LAST_SUPPORTED_DAY ||
    (ctx.requiredStart(v) ?? -Infinity) > LAST_SUPPORTED_DAY;
  return (v, out) => {
    if (ctx.scheduled[v] && ctx.finish[v]! >= lastDay && cutOff(v)) {
      const item = ctx.items[v]!;
      out.push({
        id: `invalid-dates:items:${item.id}:range`,
        kind: "invalid-dates",
        severity: "error",
        objectIds: [item.id],
        message: `${quote(item.title)} is scheduled to run to ${dateWords(LAST_SUPPORTED_DATE)}, the last date Waymark supports: its duration or the lags before it push it at least that far, so it is cut off there. Shorten it, or the work and lags before it.`,
        fix: null,
      });
    }
    if (!(flags[v]! & (SHORT | OFF_DAY))) return;
    const item = ctx.items[v]!;
    if (flags[v]! & SHORT) {
      out.push({
        id: `invalid-dates:items:${item.id}:duration`,
        kind: "invalid-dates",
        severity: "error",
        objectIds: [item.id],
        message: `${quote(item.title)} lasts ${item.duration} working days; it is drawn as 1 day. Give it a duration of at least 1 working day.`,
        fix: { kind: "set-duration", itemId: item.id, duration: 1 },
      });
    }
    if (flags[v]! & OFF_DAY && item.start !== null) {
      const next = nextWorkingDay(ctx.cal, dayOf(item.start));
      out.push({
        id: `invalid-dates:items:${item.id}:start`,
        kind: "invalid-dates",
        severity: "warning",
        objectIds: [item.id],
        message: `${quote(item.title)} is pinned to start on ${dateWords(item.start)}, which is not a working day, so it starts on ${dateWords(dateOf(next))}. Move it to ${dateWords(dateOf(next))}.`,
        fix: { kind: "move-item", itemId: item.id, start: dateOf(next) },
      });
    }
  };
}

function unreadableField(ctx: ConflictContext, p: InvalidField): Conflict {
  const where = p.collection === "board" ? "board" : `${p.collection}:${p.id}`;
  const base = { id: `invalid-dates:${where}:${p.field}`, kind: "invalid-dates" as const, severity: "error" as const };
  if (p.outOfRange !== undefined) return outOfRangeField(ctx, p, p.outOfRange, base);
  if (p.collection === "items") {
    const itemId = p.id as ItemId;
    const title = ctx.titleOf(itemId);
    return p.field === "duration"
      ? { ...base, objectIds: [p.id], message: `${title} has a duration that cannot be read, so it is drawn as 1 working day. Set its duration again.`, fix: { kind: "set-duration", itemId, duration: 1 } }
      : { ...base, objectIds: [p.id], message: `${title} has a start date that cannot be read, so it is scheduled as if it had none. Set its start again.`, fix: null };
  }
  if (p.collection === "dependencies") {
    const dep = ctx.dependency(p.id);
    const link = dep ? `The link from ${ctx.titleOf(dep.fromId)} to ${ctx.titleOf(dep.toId)}` : "A link";
    return {
      ...base,
      objectIds: dep ? [dep.toId, dep.fromId, p.id] : [p.id],
      message: `${link} has a lag that cannot be read, so it is treated as 0 working days. Set the lag again.`,
      fix: null,
    };
  }
  if (p.collection === "board") {
    const value = ctx.snapshot.board[p.field as keyof typeof ctx.snapshot.board];
    const shown = Array.isArray(value) ? (value.length ? value.join(", ") : "none") : String(value);
    const name = BOARD_FIELD_NAMES[p.field] ?? p.field;
    return { ...base, objectIds: [], message: `The board's ${name} could not be read, so the default (${shown}) is used. Set it again in the board settings.`, fix: null };
  }
  return { ...base, objectIds: [p.id], message: `A ${recordName(p.collection)} has a ${p.field} that cannot be read. Set it again.`, fix: null };
}

/** A field that held a real date outside the supported range (see snapshot.ts for what replaced it). */
function outOfRangeField(ctx: ConflictContext, p: InvalidField, date: string, base: Pick<Conflict, "id" | "kind" | "severity">): Conflict {
  const reason = outOfRangeMessage(date);
  if (p.collection === "items") {
    return { ...base, objectIds: [p.id], message: `${ctx.titleOf(p.id)} has a start that cannot be used: ${reason}. It is scheduled as if it had none. Set a start inside that range.`, fix: null };
  }
  if (p.collection === "board" && (p.field === "horizonStart" || p.field === "horizonEnd")) {
    const name = BOARD_FIELD_NAMES[p.field]!;
    return { ...base, objectIds: [], message: `The board's ${name} cannot be used: ${reason}. The horizon is taken to ${p.field === "horizonEnd" ? "end" : "start"} on ${dateWords(clampToSupportedRange(date))}. Set it again in the board settings.`, fix: null };
  }
  if (p.collection === "board" && p.field === "holidays") {
    return { ...base, severity: "warning", objectIds: [], message: `A holiday cannot be used: ${reason}. It is ignored, and dropped the next time anyone changes the holidays in the board settings.`, fix: null };
  }
  return { ...base, objectIds: [p.id], message: `A ${recordName(p.collection)} has a ${p.field} that cannot be used: ${reason}. Set it again.`, fix: null };
}
