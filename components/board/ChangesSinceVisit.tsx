"use client";

import { useEffect, useMemo, useState } from "react";
import type { ChangesSummary } from "../../lib/protocol/comments";
import { apiRequest } from "../ui/apiRequest";
import { CloseButton } from "../ui/CloseButton";
import { formatRelativeTime } from "../../lib/format/relativeTime";
import { changeLines, type ChangeLine } from "./changeLines";

interface ChangesSinceVisitProps {
  boardId: string;
  /** The board's items as they are now; null until the document has synced (the card waits). */
  items: readonly { id: string; title: string }[] | null;
  /** Selects an item on the board; without it, item lines are plain text. */
  onSelectItem?: (itemId: string) => void;
  /** Opens a comment thread; without it, comment lines are plain text. */
  onOpenThread?: (threadId: string) => void;
}

/** Lines shown before "Show all": a glance, not a log. */
const FIRST_LINES = 6;

/**
 * "Since your last visit": who changed what while the reader was away, once, when the board
 * opens. Each line jumps to its item or thread; the card stays until dismissed so the reader
 * can go through the lines one by one. Nothing shows on a first visit or when nothing changed.
 */
export function ChangesSinceVisit({ boardId, items, onSelectItem, onOpenThread }: ChangesSinceVisitProps) {
  const summary = useChangesSummary(boardId);
  const [dismissed, setDismissed] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const liveTitles = useMemo(() => new Map((items ?? []).map((i) => [i.id, i.title || "Untitled"])), [items]);
  const lines = useMemo(() => (summary ? changeLines(summary, liveTitles) : []), [summary, liveTitles]);
  if (dismissed || items === null || !summary?.since || lines.length === 0) return null;
  const shown = expanded ? lines : lines.slice(0, FIRST_LINES);

  return (
    <section
      data-testid="changes-since-visit"
      aria-label="Changes since your last visit"
      className="fixed bottom-4 left-4 z-40 flex max-h-[60vh] w-80 flex-col rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 py-2 pl-3 pr-2 dark:border-slate-800">
        <h2 className="min-w-0 flex-1 text-sm font-semibold">
          Since your last visit
          <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">{formatRelativeTime(summary.since)}</span>
        </h2>
        <CloseButton label="Dismiss changes since your last visit" onClick={() => setDismissed(true)} />
      </div>
      <ul className="min-h-0 flex-1 overflow-y-auto p-1">
        {shown.map((line) => (
          <li key={line.key}>
            <LineView line={line} onSelectItem={onSelectItem} onOpenThread={onOpenThread} />
          </li>
        ))}
      </ul>
      {(lines.length > FIRST_LINES || summary.omitted > 0) && (
        <div className="flex items-center gap-2 border-t border-slate-200 px-3 py-1.5 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
          {lines.length > FIRST_LINES && (
            <button type="button" onClick={() => setExpanded((e) => !e)} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              {expanded ? "Show fewer" : `Show all ${lines.length}`}
            </button>
          )}
          {summary.omitted > 0 && <span>{summary.omitted} older not listed</span>}
        </div>
      )}
    </section>
  );
}

interface LineViewProps {
  line: ChangeLine;
  onSelectItem?: (itemId: string) => void;
  onOpenThread?: (threadId: string) => void;
}

function LineView({ line, onSelectItem, onOpenThread }: LineViewProps) {
  const { target } = line;
  const jump =
    target?.kind === "item" && onSelectItem
      ? () => onSelectItem(target.itemId)
      : target?.kind === "thread" && onOpenThread
        ? () => onOpenThread(target.threadId)
        : undefined;
  const content = (
    <span className="min-w-0 flex-1">
      {line.text}
      {line.countLabel && <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">{line.countLabel}</span>}
      {line.unavailable && <span className="block text-xs text-slate-500 dark:text-slate-400">{line.unavailable}</span>}
    </span>
  );
  const base = "flex w-full items-start gap-2 rounded px-2 py-1 text-left text-sm";
  return jump ? (
    <button type="button" data-testid="change-line" onClick={jump} className={`${base} hover:bg-slate-100 dark:hover:bg-slate-800`}>
      {content}
    </button>
  ) : (
    <div data-testid="change-line" className={`${base} text-slate-600 dark:text-slate-300`}>
      {content}
    </div>
  );
}

/** The summary, fetched once when the board opens: what the reader missed, not what they then watch happen. */
function useChangesSummary(boardId: string): ChangesSummary | null {
  const [summary, setSummary] = useState<ChangesSummary | null>(null);
  useEffect(() => {
    let stale = false;
    void apiRequest<ChangesSummary>("GET", `/api/boards/${boardId}/changes`).then((result) => {
      // A convenience: if it cannot be had, the board works the same without it.
      if (!stale && result.ok) setSummary(result.value);
    });
    return () => {
      stale = true;
    };
  }, [boardId]);
  return summary;
}
