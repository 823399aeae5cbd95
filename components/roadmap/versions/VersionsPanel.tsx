"use client";

import { useState } from "react";
import { PanelFrame } from "../../ui/PanelFrame";
import type { RestoreRequest } from "./useRestore";
import type { BoardVersions } from "../history/useBoardVersions";
import type { VersionActions } from "./useVersionActions";
import { VersionRow, type VersionPermissions } from "./VersionRow";
import { SaveVersionForm } from "./SaveVersionForm";

interface VersionsPanelProps {
  list: BoardVersions;
  actions: VersionActions;
  can: VersionPermissions;
  /** Opens the history replay, at a version or (null) at the latest step. */
  onReplay: (versionId: string | null) => void;
  restore: (request: RestoreRequest) => Promise<string | null>;
  onClose: () => void;
}

/**
 * The board's versions, newest first: saved ones by name, automatic ones by why they were
 * taken, the baseline marked. Everyone who sees the board reads the list and can look at the
 * board as it was; editors save, rename and restore; owners delete and choose the baseline.
 */
export function VersionsPanel({ list, actions, can, onReplay, restore, onClose }: VersionsPanelProps) {
  const { versions, baselineId, error } = list;
  const [saved, setSaved] = useState<string | null>(null);
  const now = new Date();
  return (
    <PanelFrame
      id="versions-panel"
      testId="versions-panel"
      label="Versions"
      header={
        <div className="flex min-w-0 flex-1 items-center justify-between gap-2">
          <h2 className="text-sm font-semibold">Versions</h2>
          <button
            type="button"
            onClick={() => onReplay(null)}
            className="whitespace-nowrap rounded-md border border-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            Replay history
          </button>
        </div>
      }
      closeLabel="Close versions"
      onClose={onClose}
    >
      <div className="flex-1 overflow-y-auto">
        {can.edit && (
          <div className="border-b border-slate-200 p-4 dark:border-slate-800">
            <SaveVersionForm save={actions.save} onSaved={setSaved} />
            {saved && (
              <p role="status" className="mt-2 text-xs text-emerald-700 dark:text-emerald-300">
                Saved “{saved}”. Everyone on the board sees it in this list.
              </p>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className="m-4 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
        {versions === null ? (
          !error && <p className="p-4 text-sm text-slate-500 dark:text-slate-400">Loading versions…</p>
        ) : versions.length === 0 ? (
          <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
            No versions yet. {can.edit ? "Save one to keep the board as it is now; " : ""}Waymark also keeps one by itself when editing resumes after a
            quiet half hour and at the first edit of each day.
          </p>
        ) : (
          <ul aria-label="Versions, newest first">
            {versions.map((version) => (
              <VersionRow
                key={version.id}
                version={version}
                isBaseline={version.id === baselineId}
                can={can}
                now={now}
                actions={actions}
                onView={() => onReplay(version.id)}
                restore={restore}
              />
            ))}
          </ul>
        )}
      </div>
    </PanelFrame>
  );
}
