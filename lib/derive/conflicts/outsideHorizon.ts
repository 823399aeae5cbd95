import { addWorkingDays, clampWorkingDays, finishDay, nextWorkingDay, previousWorkingDay } from "../calendar";
import type { Conflict } from "../types";
import { dateOf, type ConflictContext } from "./context";
import { dateSpanWords, dateWords } from "./text";

/**
 * outside-horizon: a scheduled item starting before the board's horizon or finishing after it.
 * A warning when it lies entirely outside (nobody sees it on the timeline), info when it only
 * sticks out of an edge. For a pinned item the fix moves it just inside the edge it crosses,
 * when it fits there without breaking its own dependencies; an unpinned item is placed by its
 * dependencies, so moving (pinning) it would only trade this for a violated link. Skipped when
 * the horizon runs backwards: invalid-dates reports that, and every item would be "outside".
 */
export function outsideHorizonConflicts(ctx: ConflictContext): Conflict[] {
  const out: Conflict[] = [];
  const check = outsideHorizonCheck(ctx);
  if (check) for (const v of ctx.order) check(v, out);
  return out;
}

/** The rule for one item at a time (pushing its conflict onto `out`); null when the horizon runs backwards. */
export function outsideHorizonCheck(ctx: ConflictContext): ((v: number, out: Conflict[]) => void) | null {
  const horizon = ctx.horizon;
  if (!horizon) return null;
  const { horizonStart: firstDay, horizonEnd: lastDay } = ctx.snapshot.board;
  const [horizonStart, horizonEnd, horizonSpan] = [dateWords(firstDay), dateWords(lastDay), dateSpanWords(firstDay, lastDay)];
  return (v, out) => {
    if (!ctx.scheduled[v]) return;
    const early = ctx.start[v]! < horizon.start;
    const late = ctx.finish[v]! > horizon.end;
    if (!early && !late) return;
    const title = ctx.title(v);
    const { start: startDate, finish: finishDate } = ctx.entry[v]!;
    const [start, finish, span] = [dateWords(startDate), dateWords(finishDate), dateSpanWords(startDate, finishDate)];
    const outside = ctx.finish[v]! < horizon.start || ctx.start[v]! > horizon.end;
    const target = early && late ? null : fitInside(ctx, v, horizon, early);
    const problem = outside
      ? `${title} (${span}) lies entirely ${early ? "before" : "after"} the board's horizon (${horizonSpan}), so it is not on the timeline.`
      : early && late
        ? `${title} (${span}) is longer than the board's horizon (${horizonSpan}).`
        : early
          ? `${title} starts on ${start}, before the board's horizon starts on ${horizonStart}.`
          : `${title} finishes on ${finish}, after the board's horizon ends on ${horizonEnd}.`;
    const todo =
      target !== null
        ? `Move it to start ${dateWords(dateOf(target))}, or extend the horizon.`
        : ctx.pinned[v]
          ? "Extend the horizon, or shorten it and move it inside."
          : "Its dependencies place it there: extend the horizon, or shorten the work before it.";
    const itemId = ctx.items[v]!.id;
    out.push({
      id: `outside-horizon:${itemId}`,
      kind: "outside-horizon",
      severity: outside ? "warning" : "info",
      objectIds: [itemId],
      message: `${problem} ${todo}`,
      fix: target === null ? null : { kind: "move-item", itemId, start: dateOf(target) },
    });
  };
}

/** The start that puts a pinned item just inside the edge it crosses, or null if it does not fit. */
function fitInside(ctx: ConflictContext, v: number, horizon: { start: number; end: number }, early: boolean): number | null {
  if (!ctx.pinned[v]) return null;
  const first = nextWorkingDay(ctx.cal, Math.max(horizon.start, ctx.requiredStart(v) ?? -Infinity));
  const last = previousWorkingDay(ctx.cal, horizon.end);
  const duration = clampWorkingDays(Math.max(1, ctx.items[v]!.duration));
  if (early) return finishDay(ctx.cal, first, duration) <= last ? first : null;
  const start = addWorkingDays(ctx.cal, last, -(duration - 1));
  return start >= first ? start : null;
}
