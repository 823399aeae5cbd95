"use client";

import { useMemo } from "react";
import { formatRelativeTime } from "../../lib/format/relativeTime";
import { formatDateTime } from "../../lib/format/dates";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { ObjectKind } from "../../lib/protocol/history";
import { formatLongDate } from "../roadmap/labels";
import { historyLines, type HistoryNames } from "./historyLines";
import { useObjectHistory } from "./useObjectHistory";

interface ObjectHistoryProps {
  boardId: string;
  objectId: string;
  objectKind: ObjectKind;
  /** The board now: names for the lanes, phases and milestones a change mentions. */
  snapshot: BoardSnapshot;
}

/**
 * One item's or milestone's history, newest first: who changed what from what to what, and
 * when ("Ana moved Start Mon, Jan 11 → Mon, Jan 18 · 3 days ago"). Read-only, so viewers and
 * commenters see the same list as editors.
 */
export function ObjectHistory(props: ObjectHistoryProps) {
  // One mount per object: nothing of one object's history is shown under another's.
  return <ObjectHistoryList key={`${props.objectKind}:${props.objectId}`} {...props} />;
}

function ObjectHistoryList({ boardId, objectId, objectKind, snapshot }: ObjectHistoryProps) {
  const record = objectKind === "milestone" ? snapshot.milestones.find((m) => m.id === objectId) : snapshot.items.find((i) => i.id === objectId);
  // The object as it is now: when someone changes it, the list is read again.
  const changeKey = JSON.stringify(record ?? null);
  const { entries, error, hasOlder, loadingOlder, showOlder } = useObjectHistory(boardId, objectId, changeKey);
  const names = useMemo<HistoryNames>(
    () => ({
      lanes: new Map(snapshot.lanes.map((l) => [l.id, l.name])),
      phases: new Map(snapshot.phases.map((p) => [p.id, p.name])),
      milestones: new Map(snapshot.milestones.map((m) => [m.id, m.title])),
      items: new Map(snapshot.items.map((i) => [i.id, i.title])),
    }),
    [snapshot.lanes, snapshot.phases, snapshot.milestones, snapshot.items],
  );
  const lines = useMemo(() => historyLines(entries ?? [], names, formatLongDate), [entries, names]);

  return (
    <section data-testid="object-history" aria-label="History" className="flex flex-col gap-2">
      {error && <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">{error}</p>}
      {entries === null && !error && <p className="text-xs text-slate-500 dark:text-slate-400">Loading history…</p>}
      {entries !== null && lines.length === 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">No recorded changes yet. Changes people make from now on are listed here.</p>
      )}
      <ol className="flex flex-col gap-1.5">
        {lines.map((line) => (
          <li key={line.key} data-testid="history-entry" className="rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-sm dark:border-slate-800 dark:bg-slate-900">
            <p className="break-words">
              <span className="font-medium">{line.who}</span> {line.verb}
              {line.changes.map((change, i) => (
                <span key={i}>
                  {i > 0 ? "; " : " "}
                  {change}
                </span>
              ))}
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {" · "}
                <time dateTime={line.at} title={formatDateTime(line.at)}>
                  {formatRelativeTime(line.at)}
                </time>
              </span>
            </p>
          </li>
        ))}
      </ol>
      {hasOlder && (
        <button
          type="button"
          onClick={showOlder}
          disabled={loadingOlder}
          className="self-start text-xs font-medium text-indigo-700 hover:underline disabled:opacity-50 dark:text-indigo-300"
        >
          {loadingOlder ? "Loading…" : "Show older changes"}
        </button>
      )}
    </section>
  );
}
