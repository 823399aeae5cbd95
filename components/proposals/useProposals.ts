"use client";

import { useCallback, useEffect, useState } from "react";
import type { ProposalView } from "../../lib/protocol/proposals";
import { useLiveEvent } from "../live/useLiveEvent";
import { proposalsApi } from "./proposalsApi";

export interface BoardProposals {
  /** Open proposals, oldest first; empty until loaded (and for guests). */
  open: ProposalView[];
  error: string | null;
  refresh: () => void;
}

const NONE: ProposalView[] = [];

/** The board's open proposals, refetched when the server says they changed (the `proposals` event). */
export function useProposals(boardId: string, enabled: boolean): BoardProposals {
  const [open, setOpen] = useState<ProposalView[]>(NONE);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    if (!enabled) return;
    void proposalsApi.list(boardId).then((result) => {
      if (result.ok) {
        setOpen(result.value.proposals);
        setError(null);
      } else setError(result.error);
    });
  }, [boardId, enabled]);
  useEffect(refresh, [refresh]);
  useLiveEvent(
    (notice) => {
      // Answers change the board too (an accepted one moves an item), so any notice of them refetches.
      if ((notice.type === "proposals" && notice.boardId === boardId) || notice.type === "reconnected") refresh();
    },
    boardId,
    enabled,
  );
  return { open: enabled ? open : NONE, error, refresh };
}
