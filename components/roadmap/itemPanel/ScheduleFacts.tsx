import type { Conflict, ScheduledItem } from "../../../lib/derive/types";
import { SEVERITY_DOT, describeSlack } from "../conflicts/conflictLabels";
import { formatShortDate } from "../labels";
import type { ItemSlip } from "../../../lib/history/baselineSlips";
import { slipLabel, slipTone, slipWords } from "../history/baselineGhosts";
import { SlipChip } from "../history/SlipChip";

interface ScheduleFactsProps {
  scheduled: ScheduledItem | undefined;
  conflicts: readonly Conflict[];
  /** The item against the board's baseline, when the board has one (docs/history.md). */
  baseline?: ItemSlip | null;
}

/**
 * What the scheduler worked out for one item: the window it could move in, its slack, whether
 * it is critical, and the conflicts it is part of. Read-only: these follow from the plan.
 */
export function ScheduleFacts({ scheduled, conflicts, baseline = null }: ScheduleFactsProps) {
  const planned = baseline?.baseline ?? null;
  const label = baseline ? slipLabel(baseline.variance) : null;
  const tone = baseline ? slipTone(baseline.variance, baseline.critical) : null;
  return (
    <section aria-label="Schedule" data-testid="schedule-facts" className="flex flex-col gap-2">
      {scheduled && (
        <div className="rounded-md bg-slate-50 px-3 py-2 text-xs dark:bg-slate-800/60">
          <p
            data-testid="item-slack"
            className={`mb-1.5 font-medium ${
              scheduled.totalSlack < 0
                ? "text-rose-600 dark:text-rose-400"
                : scheduled.critical
                  ? "text-orange-600 dark:text-orange-400"
                  : "text-slate-700 dark:text-slate-200"
            }`}
          >
            {describeSlack(scheduled.totalSlack)}
          </p>
          {/* A small table (earliest and latest, start and finish): read as rows and columns. */}
          <table className="text-left text-slate-500 dark:text-slate-400">
            <thead>
              <tr>
                <td />
                <th scope="col" className="pr-3 font-normal">Start</th>
                <th scope="col" className="font-normal">Finish</th>
              </tr>
            </thead>
            <tbody className="tabular-nums text-slate-700 dark:text-slate-200">
              <tr>
                <th scope="row" className="pr-3 font-normal text-slate-500 dark:text-slate-400">Earliest</th>
                <td className="pr-3">{formatShortDate(scheduled.earlyStart)}</td>
                <td>{formatShortDate(scheduled.earlyFinish)}</td>
              </tr>
              <tr>
                <th scope="row" className="pr-3 font-normal text-slate-500 dark:text-slate-400">Latest</th>
                <td className="pr-3">{formatShortDate(scheduled.lateStart)}</td>
                <td>{formatShortDate(scheduled.lateFinish)}</td>
              </tr>
              {planned && (
                <tr data-testid="item-baseline">
                  <th scope="row" className="pr-3 font-normal text-slate-500 dark:text-slate-400">Baseline</th>
                  <td className="pr-3">{formatShortDate(planned.start)}</td>
                  <td>
                    {formatShortDate(planned.finish)}
                    {label && tone && <SlipChip label={label} tone={tone} className="ml-1.5" />}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {baseline && slipWords(baseline.variance, baseline.critical) && (
            <p className="sr-only">{slipWords(baseline.variance, baseline.critical)}</p>
          )}
        </div>
      )}
      {conflicts.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label="Conflicts of this item">
          {conflicts.map((c) => (
            <li key={c.id} data-testid="item-conflict" className="flex items-start gap-2 text-xs text-slate-700 dark:text-slate-200">
              <span aria-hidden className={`mt-1 size-2 shrink-0 rounded-full ${SEVERITY_DOT[c.severity]}`} />
              {c.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
