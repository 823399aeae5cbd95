import type { Conflict, ScheduledItem } from "../../../lib/derive/types";
import { SEVERITY_DOT, describeSlack } from "../conflicts/conflictLabels";
import { formatShortDate } from "../labels";

interface ScheduleFactsProps {
  scheduled: ScheduledItem | undefined;
  conflicts: readonly Conflict[];
}

/**
 * What the scheduler worked out for one item: the window it could move in, its slack, whether
 * it is critical, and the conflicts it is part of. Read-only: these follow from the plan.
 */
export function ScheduleFacts({ scheduled, conflicts }: ScheduleFactsProps) {
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
          <dl className="grid grid-cols-[auto_1fr_1fr] gap-x-3 gap-y-0.5 text-slate-500 dark:text-slate-400">
            <span />
            <span>Start</span>
            <span>Finish</span>
            <dt>Earliest</dt>
            <dd className="tabular-nums text-slate-700 dark:text-slate-200">{formatShortDate(scheduled.earlyStart)}</dd>
            <dd className="tabular-nums text-slate-700 dark:text-slate-200">{formatShortDate(scheduled.earlyFinish)}</dd>
            <dt>Latest</dt>
            <dd className="tabular-nums text-slate-700 dark:text-slate-200">{formatShortDate(scheduled.lateStart)}</dd>
            <dd className="tabular-nums text-slate-700 dark:text-slate-200">{formatShortDate(scheduled.lateFinish)}</dd>
          </dl>
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
