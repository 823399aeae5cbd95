"use client";

import { useEffect, useRef } from "react";
import type { BoardNotice } from "../roadmap/commands/useBoardCommands";
import type { UndoMark } from "../collab/undoHistory";
import { onImported } from "./importedNotice";

/**
 * The toast after an import into this board (announced by the import dialog): what came in, and
 * Undo (the import was this page's own change, one transaction: one step takes it back) and,
 * where this viewer can read versions, a way to open the version the server took before it.
 */
export function useImportedToast(
  boardId: string,
  notify: (message: string, undo?: UndoMark | null, action?: BoardNotice["action"]) => void,
  openVersion: ((versionId: string) => void) | null,
  markUndo: () => UndoMark | null,
) {
  const latest = useRef({ notify, openVersion, markUndo });
  useEffect(() => {
    latest.current = { notify, openVersion, markUndo };
  });
  useEffect(
    () =>
      onImported((notice) => {
        if (notice.boardId !== boardId) return;
        const { notify, openVersion, markUndo } = latest.current;
        const versionId = notice.versionId;
        // Announced synchronously right after the write: the mark is the import's step.
        notify(notice.message, notice.undoable ? markUndo() : null, versionId && openVersion ? { label: "See the board before", run: () => openVersion(versionId) } : null);
      }),
    [boardId],
  );
}
