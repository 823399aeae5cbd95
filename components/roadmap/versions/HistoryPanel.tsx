"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { formatDateTime } from "../../../lib/format/dates";
import { PanelFrame } from "../../ui/PanelFrame";
import { ConfirmDialog } from "./ConfirmDialog";
import { fieldPhrase, type HistoryNames } from "../../history/historyLines";
import { formatLongDate } from "../labels";
import { changeHeadline, stepWho, type BoardChange, type HistoryStep } from "./historySteps";
import type { Replay } from "./useReplay";
import type { RestoreRequest } from "./useRestore";
import { restoreWarning, versionTitle } from "./versionWords";

interface HistoryPanelProps {
  replay: Replay;
  /** Editors and owners restore; absent for everyone else. */
  restore?: (request: RestoreRequest) => Promise<string | null>;
  onClose: () => void;
}

/**
 * Beside the replayed board: who changed what at each step, newest first, the one shown marked.
 * A step is a button that shows the board at that moment; at a version, editors can restore it.
 */
export function HistoryPanel({ replay, restore, onClose }: HistoryPanelProps) {
  const { steps, index, changesRecorded, truncated } = replay;
  const [confirming, setConfirming] = useState<HistoryStep | null>(null);
  const current = useRef<HTMLLIElement>(null);
  // Braces: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    current.current?.scrollIntoView({ block: "nearest" });
  }, [index]);
  const names = usePastNames(replay);
  const now = new Date();
  const shown = steps ? steps.map((step, i) => ({ step, i })).reverse() : null;
  return (
    <PanelFrame id="history-panel" testId="history-panel" label="History" header={<h2 className="text-sm font-semibold">History</h2>} closeLabel="Close history" onClose={onClose}>
      <div className="flex-1 overflow-y-auto">
        {!changesRecorded && (
          <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
            The steps are the board’s versions; the changes between them are not listed here yet.
          </p>
        )}
        {shown === null ? (
          <p className="p-4 text-sm text-slate-500 dark:text-slate-400">Loading the history…</p>
        ) : (
          <ol aria-label="Steps, newest first">
            {shown.map(({ step, i }) => {
              const selected = i === index;
              const who = stepWho(step);
              return (
                <li
                  key={step.key}
                  ref={selected ? current : undefined}
                  data-testid="history-step"
                  aria-current={selected ? "step" : undefined}
                  className={`border-b border-slate-100 dark:border-slate-800 ${selected ? "bg-amber-50 dark:bg-amber-500/10" : ""}`}
                >
                  <button type="button" onClick={() => replay.goTo(i)} className="block w-full px-4 py-2 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60">
                    <span className="flex items-baseline justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
                      <span className="truncate font-medium text-slate-700 dark:text-slate-200">{who ?? (step.kind === "version" && step.version.kind === "named" ? "A member" : "Waymark")}</span>
                      <span className="whitespace-nowrap">{formatDateTime(step.at, { now })}</span>
                    </span>
                    {step.kind === "version" ? (
                      <span className="mt-0.5 flex items-center gap-1.5 text-sm">
                        <span aria-hidden className="size-2 shrink-0 rounded-full bg-indigo-500" />
                        <span className={step.version.name ? "font-semibold" : ""}>{versionTitle(step.version)}</span>
                      </span>
                    ) : (
                      <ul className="mt-0.5 text-sm text-slate-700 dark:text-slate-200">
                        {step.changes.map((change) => (
                          <li key={change.id} className="break-words">
                            {changeHeadline(change)}
                            {changedFields(change).map((f) => (
                              <span key={f.field} className="block text-xs text-slate-500 dark:text-slate-400">
                                {fieldPhrase(f, names, formatLongDate)}
                              </span>
                            ))}
                          </li>
                        ))}
                      </ul>
                    )}
                  </button>
                  {selected && step.kind === "version" && restore && (
                    <div className="px-4 pb-2">
                      <button
                        type="button"
                        onClick={() => setConfirming(step)}
                        className="rounded-md bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow-sm hover:bg-indigo-500"
                      >
                        Restore this version
                      </button>
                      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Or click a bar on the board to restore only that item.</p>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {truncated && <p className="p-4 text-xs text-slate-500 dark:text-slate-400">A busy week: its oldest changes are left out here (versions are all listed).</p>}
      </div>
      {confirming?.kind === "version" && restore && (
        <ConfirmDialog
          testId="restore-dialog"
          title={`Restore “${versionTitle(confirming.version)}”?`}
          message={restoreWarning(versionTitle(confirming.version))}
          confirmLabel="Restore this version"
          busyLabel="Restoring…"
          onConfirm={() => restore({ versionId: confirming.version.id, title: versionTitle(confirming.version) })}
          onClose={() => setConfirming(null)}
        />
      )}
    </PanelFrame>
  );
}

/** Fields worth a line: an order key means nothing to a person, and additions and deletions say it all. */
function changedFields(change: BoardChange) {
  return change.kind === "added" || change.kind === "deleted" ? [] : change.fields.filter((f) => f.field !== "order");
}

/** Lanes, phases, milestones and items by id as the shown moment had them, to name what a value points at. */
function usePastNames(replay: Replay): HistoryNames {
  const snapshot = replay.past?.snapshot ?? null;
  return useMemo(
    () => ({
      lanes: new Map(snapshot?.lanes.map((l) => [l.id, l.name])),
      phases: new Map(snapshot?.phases.map((p) => [p.id, p.name])),
      milestones: new Map(snapshot?.milestones.map((m) => [m.id, m.title])),
      items: new Map(snapshot?.items.map((i) => [i.id, i.title])),
    }),
    [snapshot],
  );
}
