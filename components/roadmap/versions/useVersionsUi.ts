"use client";

import { useCallback, useState } from "react";
import type { BoardSession } from "../../collab/boardSession";
import type { UndoMark } from "../../collab/undoHistory";
import { useReplay } from "./useReplay";
import { useRestore, type RestoreRequest } from "./useRestore";
import { useVersionList } from "./useVersionList";

/**
 * This viewer's versions panel and history replay: whether the panel is open, the list it shows
 * (fetched only while it is), the replay, and restoring (whose toast goes through the board's
 * notice, with Undo). `enabled` is false for guests on a share link, who cannot read versions.
 */
export function useVersionsUi(session: BoardSession, enabled: boolean, notify: (message: string, undo?: UndoMark | null) => void) {
  const [panelOpen, setPanelOpen] = useState(false);
  const versions = useVersionList(session.boardId, enabled && panelOpen);
  const replay = useReplay(session.boardId, versions.list?.versions ?? null);
  const { stop } = replay;
  // After a restore the board to look at is the live one, where the change just landed.
  const { restore } = useRestore(session, notify, stop);
  const [restoringItem, setRestoringItem] = useState<RestoreRequest | null>(null);

  const toggle = useCallback(() => {
    setPanelOpen((open) => !open);
    stop();
  }, [stop]);
  const close = useCallback(() => {
    setPanelOpen(false);
    stop();
  }, [stop]);

  return { enabled, panelOpen, toggle, close, versions, replay, restore, restoringItem, setRestoringItem };
}

export type VersionsUi = ReturnType<typeof useVersionsUi>;
