"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { OBJECT_HISTORY_MAX, type HistoryEntry, type ObjectHistoryPage } from "../../lib/protocol/history";
import { apiRequest } from "../ui/apiRequest";

/** Entries per page: a panel's worth; older ones come with "Show older". */
const PAGE = 30;
/**
 * How long after the object changes its history is read again: the sync server records an
 * edit within a second, and reading flushes what it still holds, so this only has to let the
 * edit reach the server (and not read once per frame of a drag).
 */
const REFRESH_AFTER_MS = 800;

export interface ObjectHistoryState {
  /** Null until the first page is in. */
  entries: HistoryEntry[] | null;
  error: string | null;
  /** Whether older entries exist beyond those shown. */
  hasOlder: boolean;
  loadingOlder: boolean;
  showOlder(): void;
}

/**
 * One object's history from the server, newest first. Read again a moment after `changeKey`
 * changes (the object as the board now has it), so someone else's move appears in the list
 * while it is open; older pages are kept across such refreshes. One object per mount: give the
 * component a key per object.
 */
export function useObjectHistory(boardId: string, objectId: string, changeKey: string): ObjectHistoryState {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  // Pages beyond the first that the reader opened: a refresh reads as many entries again.
  const shown = useRef(PAGE);
  // The object whose history is in: its first read goes out at once, later ones wait a moment.
  const loadedFor = useRef<string | null>(null);
  const path = `/api/boards/${encodeURIComponent(boardId)}/history?object=${encodeURIComponent(objectId)}`;

  useEffect(() => {
    let cancelled = false;
    const delay = loadedFor.current === path ? REFRESH_AFTER_MS : 0;
    const timer = setTimeout(async () => {
      const result = await apiRequest<ObjectHistoryPage>("GET", `${path}&limit=${Math.min(shown.current, OBJECT_HISTORY_MAX)}`);
      if (cancelled) return;
      if (result.ok) {
        loadedFor.current = path;
        setEntries(result.value.entries);
        setNext(result.value.next);
        setError(null);
      } else setError(result.error);
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [path, changeKey]);

  const showOlder = useCallback(() => {
    if (!next || loadingOlder) return;
    setLoadingOlder(true);
    void apiRequest<ObjectHistoryPage>("GET", `${path}&limit=${PAGE}&before=${next}`).then((result) => {
      setLoadingOlder(false);
      if (!result.ok) return setError(result.error);
      shown.current += result.value.entries.length;
      setEntries((current) => [...(current ?? []), ...result.value.entries]);
      setNext(result.value.next);
    });
  }, [next, loadingOlder, path]);

  return { entries, error, hasOlder: next !== null, loadingOlder, showOlder };
}
