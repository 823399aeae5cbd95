"use client";

import { useCallback, useState } from "react";
import type { BoardSession } from "../../collab/boardSession";
import type { UndoMark } from "../../collab/undoHistory";
import type { PanelPlacement } from "../../ui/panelPlacement";
import { useReplay } from "./useReplay";
import { useRestore, type RestoreRequest } from "./useRestore";
import type { BoardVersions } from "../history/useBoardVersions";
import { useVersionActions } from "./useVersionActions";

/**
 * This viewer's versions panel and history replay: whether the side panel is open, what it
 * writes (the list is the board's one versions store, `list`), the replay, and restoring (whose
 * toast goes through the board's notice, with Undo). The panel and the replay are separate: the
 * replay's banner holds its slider and "Back to now", so the panel (its steps) can be closed to
 * see more of the past board, which on a phone it would cover. Guests on a share link cannot
 * read versions: the toolbar offers them no panel, and `list` stays empty for them.
 */
export function useVersionsUi(
  session: BoardSession,
  list: BoardVersions,
  notify: (message: string, undo?: UndoMark | null) => void,
  /** The live board's selection: dropped when the past is shown, so Delete or Ctrl+D cannot act on an item out of sight. */
  select: (itemId: string | null) => void,
) {
  const [panelOpen, setPanelOpen] = useState(false);
  const actions = useVersionActions(session.boardId, list);
  const replay = useReplay(session.boardId, list.versions);
  const { start, stop } = replay;
  const [restoringItem, setRestoringItem] = useState<RestoreRequest | null>(null);

  const startReplay = useCallback(
    (versionId: string | null, placement: PanelPlacement) => {
      select(null);
      start(versionId);
      // Lying over the board (a phone, a crowded screen), the steps would hide the past itself.
      if (placement === "overlay") setPanelOpen(false);
    },
    [start, select],
  );
  const stopReplay = stop;
  // After a restore the board to look at is the live one, where the change just landed.
  const { restore } = useRestore(session, notify, stopReplay);

  const toggle = useCallback(() => setPanelOpen((open) => !open), []);
  const close = useCallback(() => setPanelOpen(false), []);

  return { panelOpen, toggle, close, list, actions, replay, startReplay, stopReplay, restore, restoringItem, setRestoringItem };
}

export type VersionsUi = ReturnType<typeof useVersionsUi>;
