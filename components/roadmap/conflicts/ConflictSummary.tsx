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
      className={`flex items-center gap-2.5 rounded-lg border px-2.5 py-1 text-xs font-medium ${
        open
          ? "border-indigo-300 bg-indigo-50 text-indigo-900 dark:border-indigo-500/50 dark:bg-indigo-500/15 dark:text-indigo-100"
          : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      }`}
    >
      <span>Conflicts</span>
      {total === 0 ? (
        <span className="text-emerald-600 dark:text-emerald-400">none</span>
      ) : (
        SEVERITIES.map((severity) => (
          <span
            key={severity}
            data-testid={`conflict-count-${severity}`}
            title={SEVERITY_LABELS[severity]}
            className={`flex items-center gap-1 tabular-nums ${counts[severity] === 0 ? "opacity-40" : ""}`}
          >
            <span aria-hidden className={`size-2 rounded-full ${SEVERITY_DOT[severity]}`} />
            {counts[severity]}
          </span>
        ))
      )}
    </button>
  );
});
