"use client";

import { useEffect, useState } from "react";
import type { ConnectionState } from "../collab/boardSession";
import type { OfflineState } from "../collab/offlineSync";
import { syncBannerView, type SyncBannerKind } from "./syncBannerState";

/** How long "Synced" stays up after a reconnect: long enough to read, short enough not to nag. */
const SYNCED_MS = 4000;

const TONE: Record<SyncBannerKind, string> = {
  offline: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-100",
  reconnecting: "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-500/30 dark:bg-sky-500/10 dark:text-sky-100",
  syncing: "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-500/30 dark:bg-sky-500/10 dark:text-sky-100",
  synced: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-100",
  refused: "border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-500/30 dark:bg-rose-500/10 dark:text-rose-100",
};

const DOT: Record<SyncBannerKind, string> = {
  offline: "bg-amber-500",
  reconnecting: "bg-sky-500 animate-pulse",
  syncing: "bg-sky-500 animate-pulse",
  synced: "bg-emerald-500",
  refused: "bg-rose-500",
};

/**
 * A strip under the header while edits cannot reach the others: offline (edits kept on this
 * device), reconnecting, syncing what was kept, then "synced" for a few seconds; or, when the
 * server refused what was made here, that it was not saved. Nothing while all is well.
 */
export function SyncBanner({ connection, offline }: { connection: ConnectionState; offline: OfflineState }) {
  const [troubled, setTroubled] = useState(false);
  const view = syncBannerView(connection, offline, troubled);
  const kind = view?.kind ?? null;

  // Remember trouble (an outage, or edits waiting) until "synced" has been on screen for a while (set while rendering,
  // React's way to adjust state to a changed input without an extra effect pass).
  if ((kind === "offline" || kind === "reconnecting" || kind === "syncing") && !troubled) setTroubled(true);
  useEffect(() => {
    if (kind !== "synced") return;
    const timer = setTimeout(() => setTroubled(false), SYNCED_MS);
    return () => clearTimeout(timer);
  }, [kind]);

  if (!view) return null;
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="sync-banner"
      data-state={view.kind}
      className={`flex shrink-0 items-center gap-2 border-b px-4 py-1.5 text-sm ${TONE[view.kind]}`}
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${DOT[view.kind]}`} />
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">{view.title}</strong>
        {view.detail && <span className="ml-1.5">{view.detail}</span>}
      </p>
      {view.reload && (
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-md border border-rose-300 px-2 py-0.5 text-xs font-medium hover:bg-rose-100 dark:border-rose-500/40 dark:hover:bg-rose-500/20"
        >
          Reload
        </button>
      )}
    </div>
  );
}
