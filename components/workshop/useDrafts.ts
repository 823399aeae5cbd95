"use client";

import { useCallback, useEffect, useState } from "react";
import type { DraftInput, DraftView } from "../../lib/protocol/workshops";
import { workshopClient } from "./workshopClient";

/**
 * Drafts of the running workshop as the server lets this person read them: their own while
 * drafting is open, everyone's once revealed. Nobody else's draft ever reaches this browser
 * before the reveal (the server cuts the answer), so there is nothing to hide here.
 * Reloaded when drafting opens, is revealed, or the drafts' total changes.
 */
export function useDrafts(boardId: string, wid: string | null, state: "closed" | "open" | "revealed", total: number) {
  const [drafts, setDrafts] = useState<DraftView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!wid || state === "closed") return;
    let stale = false;
    void workshopClient.drafts(boardId, wid).then((result) => {
      if (stale) return;
      if (result.ok) {
        setDrafts(Array.isArray(result.value?.drafts) ? result.value.drafts : []);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      stale = true;
    };
  }, [boardId, wid, state, total]);

  const add = useCallback(
    async (input: DraftInput) => {
      if (!wid) return "There is no workshop running.";
      const result = await workshopClient.addDraft(boardId, wid, input);
      if (!result.ok) return result.error;
      setDrafts((list) => [...(list ?? []).filter((d) => d.id !== result.value.draft.id), result.value.draft]);
      return null;
    },
    [boardId, wid],
  );
  const edit = useCallback(
    async (draftId: string, patch: Partial<DraftInput>) => {
      if (!wid) return "There is no workshop running.";
      const result = await workshopClient.editDraft(boardId, wid, draftId, patch);
      if (!result.ok) return result.error;
      setDrafts((list) => (list ?? []).map((d) => (d.id === draftId ? result.value.draft : d)));
      return null;
    },
    [boardId, wid],
  );
  const remove = useCallback(
    async (draftId: string) => {
      if (!wid) return "There is no workshop running.";
      const result = await workshopClient.removeDraft(boardId, wid, draftId);
      if (!result.ok) return result.error;
      setDrafts((list) => (list ?? []).filter((d) => d.id !== draftId));
      return null;
    },
    [boardId, wid],
  );
  return { drafts: state === "closed" ? null : drafts, error, add, edit, remove };
}
