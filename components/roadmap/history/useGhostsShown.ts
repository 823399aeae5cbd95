"use client";

import { useCallback, useState } from "react";

/** Per board, like folded lanes. */
const storageKey = (boardId: string) => `waymark:baseline-ghosts:${boardId}`;

/**
 * Whether this viewer draws the baseline's ghosts: a personal view choice, kept in this
 * browser per board and never written to the document, so hiding them in a workshop does not
 * hide them on everyone's screen. Shown unless turned off.
 */
export function useGhostsShown(boardId: string): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(() => {
    try {
      return typeof window === "undefined" || window.localStorage.getItem(storageKey(boardId)) !== "hidden";
    } catch {
      return true;
    }
  });
  const set = useCallback(
    (next: boolean) => {
      setShown(next);
      try {
        if (next) window.localStorage.removeItem(storageKey(boardId));
        else window.localStorage.setItem(storageKey(boardId), "hidden");
      } catch {
        // Not stored: the choice holds until the page is left.
      }
    },
    [boardId],
  );
  return [shown, set];
}
