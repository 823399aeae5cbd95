"use client";

import { useCallback, useState } from "react";
import type { BoardSession } from "../../collab/boardSession";
import type { UndoMark } from "../../collab/undoHistory";
import type { PanelPlacement } from "../../ui/panelPlacement";
import { useReplay } from "./useReplay";
import { useRestore, type RestoreRequest } from "./useRestore";
import { useVersionList } from "./useVersionList";

/**
 * This viewer's versions panel and history replay: whether the side panel is open, the list it
 * shows (fetched only while the panel or the replay needs it), the replay, and restoring (whose
 * toast goes through the board's notice, with Undo). The panel and the replay are separate: the
 * replay's banner holds its slider and "Back to now", so the panel (its steps) can be closed to
 * see more of the past board, which on a phone it would cover. `enabled` is false for guests
 * on a share link, who cannot read versions.
 */
export function useVersionsUi(session: BoardSession, enabled: boolean, notify: (message: string, undo?: UndoMark | null) => void) {
  const [panelOpen, setPanelOpen] = useState(false);
  const [replaying, setReplaying] = useState(false);
  const versions = useVersionList(session.boardId, enabled && (panelOpen || replaying));
  const replay = useReplay(session.boardId, versions.list?.versions ?? null);
  const { start, stop } = replay;
  const [restoringItem, setRestoringItem] = useState<RestoreRequest | null>(null);

  const startReplay = useCallback(
    (versionId: string | null, placement: PanelPlacement) => {
      setReplaying(true);
      start(versionId);
      // Lying over the board (a phone, a crowded screen), the steps would hide the past itself.
      if (placement === "overlay") setPanelOpen(false);
    },
    [start],
  );
  const stopReplay = useCallback(() => {
    setReplaying(false);
    stop();
  }, [stop]);
  // After a restore the board to look at is the live one, where the change just landed.
  const { restore } = useRestore(session, notify, stopReplay);

  const toggle = useCallback(() => setPanelOpen((open) => !open), []);
  const close = useCallback(() => setPanelOpen(false), []);

  return { enabled, panelOpen, toggle, close, versions, replay, startReplay, stopReplay, restore, restoringItem, setRestoringItem };
}

export type VersionsUi = ReturnType<typeof useVersionsUi>;
