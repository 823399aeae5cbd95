"use client";

import { useEffect, useState } from "react";
import type { BoardComparison } from "../../../lib/history/types";
import { fetchComparison, type CompareEnd } from "./versionsApi";

type State = { key: string; comparison: BoardComparison | null; error: string | null };

/**
 * The server's comparison of two ends (a version id or "now"). The server compares, not the
 * browser: a version's snapshot is a whole board, and "now" is what the server holds. A
 * `version` that changes (someone edited the board) asks again for "now".
 */
export function useComparison(boardId: string, from: CompareEnd | null, to: CompareEnd | null, version: number): { comparison: BoardComparison | null; error: string | null; loading: boolean } {
  const key = from && to ? `${from}\u0000${to}\u0000${version}` : "";
  const [state, setState] = useState<State>({ key: "", comparison: null, error: null });
  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    void fetchComparison(boardId, from, to).then((result) => {
      if (!live) return;
      setState(result.ok ? { key, comparison: result.value, error: null } : { key, comparison: null, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [boardId, from, to, key]);
  const current = state.key === key;
  // Keep the last answer on screen while the next one loads, so the list does not flash empty.
  return { comparison: state.comparison, error: current ? state.error : null, loading: key !== "" && !current };
}
