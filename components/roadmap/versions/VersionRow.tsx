"use client";

import { useState } from "react";
import { ConfirmDialog } from "./ConfirmDialog";
import { RenameVersion } from "./RenameVersion";
import type { RestoreRequest } from "./useRestore";
import type { Version } from "../history/versionsApi";
import type { VersionActions } from "./useVersionActions";
import { restoreWarning, versionByline, versionMoment, versionTitle } from "./versionWords";

export interface VersionPermissions {
  /** Editors and owners: save, rename, restore. */
  edit: boolean;
  /** Owners: delete named versions, set or clear the baseline. */
  manage: boolean;
}

interface VersionRowProps {
  version: Version;
  isBaseline: boolean;
  can: VersionPermissions;
  now: Date;
  actions: VersionActions;
  /** Opens the history replay at this version. */
  onView: () => void;
  restore: (request: RestoreRequest) => Promise<string | null>;
}

const ACTION = "rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50 hover:underline dark:text-indigo-300 dark:hover:bg-indigo-500/10";

/** One version in the list: what it is, who and when, its note, and what this person may do with it. */
export function VersionRow({ version, isBaseline, can, now, actions, onView, restore }: VersionRowProps) {
  const [renaming, setRenaming] = useState(false);
  const [confirm, setConfirm] = useState<"restore" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = versionTitle(version);
  const named = version.kind === "named";

  const run = async (request: Promise<{ ok: boolean; error?: string }>) => {
    setError(null);
    const result = await request;
    if (!result.ok) setError(result.error ?? null);
  };

  return (
    <li data-testid="version-row" data-version-id={version.id} className="border-b border-slate-100 px-4 py-3 dark:border-slate-800">
      <div className="flex items-start gap-2">
        {renaming ? (
          <RenameVersion
            name={version.name ?? ""}
            onRename={async (name) => {
              const result = await actions.rename(version.id, name);
              if (result.ok) setRenaming(false);
              return result.ok ? null : result.error;
            }}
            onCancel={() => setRenaming(false)}
          />
        ) : (
          <h3 className={`min-w-0 flex-1 break-words text-sm ${named ? "font-semibold" : "text-slate-600 dark:text-slate-300"}`}>{title}</h3>
        )}
        {isBaseline && (
          <span data-testid="baseline-badge" className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200">
            Baseline
          </span>
        )}
      </div>
      <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400" title={versionMoment(version, now)}>
        {versionByline(version, now)}
      </p>
      {version.note && <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700 dark:text-slate-200">{version.note}</p>}
      {error && (
        <p role="alert" className="mt-1 text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      <div className="-ml-1.5 mt-1.5 flex flex-wrap gap-x-1 gap-y-0.5">
        <button type="button" className={ACTION} onClick={onView} aria-label={`View the board as it was in ${title}`}>
          View
        </button>
        {can.edit && (
          <button type="button" className={ACTION} onClick={() => setConfirm("restore")}>
            Restore this version
          </button>
        )}
        {can.edit && !renaming && (
          // Naming an automatic version keeps it (only unnamed ones thin out with age).
          <button type="button" className={ACTION} onClick={() => setRenaming(true)}>
            {named ? "Rename" : "Name and keep"}
          </button>
        )}
        {can.manage && (
          <button type="button" className={ACTION} onClick={() => void run(actions.setBaseline(isBaseline ? null : version.id))}>
            {isBaseline ? "Clear baseline" : "Set as baseline"}
          </button>
        )}
        {can.manage && named && !isBaseline && (
          <button type="button" className={`${ACTION} text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-500/10`} onClick={() => setConfirm("delete")}>
            Delete
          </button>
        )}
      </div>
      {confirm === "restore" && (
        <ConfirmDialog
          testId="restore-dialog"
          title={`Restore “${title}”?`}
          message={restoreWarning(title)}
          confirmLabel="Restore this version"
          busyLabel="Restoring…"
          onConfirm={() => restore({ versionId: version.id, title })}
          onClose={() => setConfirm(null)}
        />
      )}
      {confirm === "delete" && (
        <ConfirmDialog
          testId="delete-version-dialog"
          title={`Delete “${title}”?`}
          message="The version is deleted for everyone and cannot be brought back. The board itself does not change."
          confirmLabel="Delete version"
          busyLabel="Deleting…"
          danger
          onConfirm={async () => {
            const result = await actions.remove(version.id);
            return result.ok ? null : result.error;
          }}
          onClose={() => setConfirm(null)}
        />
      )}
    </li>
  );
}
