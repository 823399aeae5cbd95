import { memo } from "react";
import type { Severity } from "../../../lib/derive/types";
import { SEVERITIES, SEVERITY_DOT, SEVERITY_LABELS } from "./conflictLabels";

interface ConflictSummaryProps {
  counts: Record<Severity, number>;
  open: boolean;
  onToggle: () => void;
}

/** The toolbar button: conflicts counted by severity, colour-coded; opens the panel. */
export const ConflictSummary = memo(function ConflictSummary({ counts, open, onToggle }: ConflictSummaryProps) {
  const total = counts.error + counts.warning + counts.info;
  const spoken = SEVERITIES.map((s) => `${counts[s]} ${SEVERITY_LABELS[s].toLowerCase()}`).join(", ");
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls="conflicts-panel"
      aria-label={`Conflicts: ${spoken}`}
      data-testid="conflict-summary"
      data-total={total}
      className={`flex items-center gap-1.5 whitespace-nowrap rounded-lg border px-2 py-1 text-xs font-medium sm:gap-2.5 sm:px-2.5 ${
        open
          ? "border-indigo-300 bg-indigo-50 text-indigo-900 dark:border-indigo-500/50 dark:bg-indigo-500/15 dark:text-indigo-100"
          : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      }`}
    >
      {/* A phone has room for the counts only: a warning sign stands for the word, and severities with none are left out. */}
      <svg aria-hidden viewBox="0 0 16 16" className="size-3.5 text-slate-500 sm:hidden">
        <path d="M8 2l6.5 11.5h-13zM8 6.5v3.5M8 11.8v.2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="hidden sm:inline">Conflicts</span>
      {total === 0 ? (
        <span className="text-emerald-700 dark:text-emerald-400">none</span>
      ) : (
        SEVERITIES.map((severity) => (
          <span
            key={severity}
            data-testid={`conflict-count-${severity}`}
            title={SEVERITY_LABELS[severity]}
            className={`items-center gap-1 tabular-nums ${counts[severity] === 0 ? "hidden opacity-40 sm:flex" : "flex"}`}
          >
            <span aria-hidden className={`size-2 rounded-full ${SEVERITY_DOT[severity]}`} />
            {counts[severity]}
          </span>
        ))
      )}
    </button>
  );
});
