import type { Severity } from "../../lib/derive/types";
import type { TimeScale } from "../../lib/model/schemas";
import { ConflictSummary } from "./ConflictSummary";
import { ZoomControl } from "./ZoomControl";

interface RoadmapToolbarProps {
  scale: TimeScale;
  onScale: (scale: TimeScale) => void;
  criticalView: boolean;
  onCriticalView: (on: boolean) => void;
  /** Tooltip of the critical-path toggle. */
  criticalHint: string;
  /** Shown beside the toggle while the view is on, e.g. "4 critical items · board ends Jun 11". */
  criticalSummary: string;
  counts: Record<Severity, number>;
  conflictsOpen: boolean;
  onToggleConflicts: () => void;
  /** Absent on read-only boards: there is nothing to add. */
  onAddItem?: () => void;
}

/** The strip above the timeline: zoom, the critical-path view, conflicts, and "Add item". */
export function RoadmapToolbar(props: RoadmapToolbarProps) {
  const { scale, onScale, criticalView, onCriticalView, criticalHint, criticalSummary, counts, conflictsOpen, onToggleConflicts, onAddItem } = props;
  return (
    <div className="flex h-12 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
      <ZoomControl value={scale} onChange={onScale} />
      <p className="hidden min-w-0 truncate text-xs text-slate-500 2xl:block dark:text-slate-400">
        {onAddItem
          ? "Drag a bar to reschedule it or move it to another lane · double-click a lane to add an item there"
          : "Click a bar to see its details"}
      </p>
      <div className="flex-1" />
      <button
        type="button"
        aria-pressed={criticalView}
        onClick={() => onCriticalView(!criticalView)}
        title={criticalHint}
        className={`flex items-center gap-1.5 rounded-lg border px-2.5 py-1 text-xs font-medium ${
          criticalView
            ? "border-orange-300 bg-orange-50 text-orange-800 dark:border-orange-500/50 dark:bg-orange-500/15 dark:text-orange-200"
            : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        }`}
      >
        <svg aria-hidden viewBox="0 0 16 10" className="h-2.5 w-4">
          <path d="M1 8h4l3-6h7" fill="none" stroke="#f97316" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Critical path
      </button>
      {criticalView && (
        <span data-testid="critical-summary" className="hidden text-xs text-orange-700 lg:inline dark:text-orange-300">
          {criticalSummary}
        </span>
      )}
      <ConflictSummary counts={counts} open={conflictsOpen} onToggle={onToggleConflicts} />
      {onAddItem && (
        <button
          type="button"
          onClick={onAddItem}
          className="flex items-center gap-1.5 rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          Add item
        </button>
      )}
    </div>
  );
}
