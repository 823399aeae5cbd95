"use client";

import { useEffect, useRef } from "react";
import type { BoardNotice } from "../roadmap/commands/useBoardCommands";
import { onImported } from "./importedNotice";

/**
 * The toast after an import into this board (announced by the import dialog): what came in, and
 * — where this viewer can read versions — a way to open the version the server took before
 * writing, to see or restore the board as it was. The import itself was the server's change,
 * so there is no Undo of the person's own to offer.
 */
export function useImportedToast(
  boardId: string,
  notify: (message: string, undo?: null, action?: BoardNotice["action"]) => void,
  openVersion: ((versionId: string) => void) | null,
) {
  const latest = useRef({ notify, openVersion });
  useEffect(() => {
    latest.current = { notify, openVersion };
  });
  useEffect(
    () =>
      onImported((notice) => {
        if (notice.boardId !== boardId) return;
        const { notify, openVersion } = latest.current;
        const versionId = notice.versionId;
        notify(notice.message, null, versionId && openVersion ? { label: "See the board before", run: () => openVersion(versionId) } : null);
      }),
    [boardId],
  );
}
