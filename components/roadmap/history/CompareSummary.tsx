import type { BoardComparison, DateShift } from "../../../lib/history/types";
import { formatLongDate } from "../labels";
import { shiftPhrase } from "./compareLines";

/** The board's finish and each release, before → after: what a steering group asks first. */
export function CompareSummary({ comparison }: { comparison: BoardComparison }) {
  return (
    <dl data-testid="compare-summary" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
      <Row label="Board finish" shift={comparison.boardFinish} />
      {comparison.releases.map((r) => (
        <Row key={r.milestoneId} label={`Release: ${r.title || "Untitled"}`} shift={r} extra={r.phaseFinish.before !== r.phaseFinish.after ? `its phases end ${shiftPhrase(r.phaseFinish, formatLongDate)}` : null} />
      ))}
    </dl>
  );
}

function Row({ label, shift, extra = null }: { label: string; shift: DateShift; extra?: string | null }) {
  const later = (shift.shift ?? 0) > 0;
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className={later ? "text-rose-700 dark:text-rose-300" : "text-slate-800 dark:text-slate-100"}>
        {shiftPhrase(shift, formatLongDate)}
        {extra && <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">({extra})</span>}
      </dd>
    </>
  );
}
