"use client";

import { useCallback } from "react";
import * as Y from "yjs";
import { restoreBoard, restoreItem } from "../../../lib/model/restoreCommands";
import type { BoardSession } from "../../collab/boardSession";
import type { UndoMark } from "../../collab/undoHistory";
import { versionsClient } from "./versionsClient";
import { restoredMessage } from "./versionWords";

/** What is about to be restored: a whole version, or one item of it. */
export interface RestoreRequest {
  versionId: string;
  /** The version's name or reason, as the list shows it. */
  title: string;
  item?: { id: string; title: string };
}

/**
 * Restores a version (or one item of it) as THIS person's own change: the server saves the board
 * as it is first (an automatic version) and hands back the version's state; the browser writes
 * the difference in one transaction with the session's origin (restoreBoard / restoreItem). So
 * everyone sees it live like any edit, and the person's Undo (Ctrl+Z, the toolbar, the toast)
 * takes the whole restore back in one step, which a server-applied restore could not offer.
 */
export function useRestore(session: BoardSession, notify: (message: string, undo?: UndoMark | null) => void, onRestored: () => void) {
  const restore = useCallback(
    async ({ versionId, title, item }: RestoreRequest): Promise<string | null> => {
      const result = await versionsClient.restoreState(session.boardId, versionId, item?.id);
      if (!result.ok) return result.error;
      if (!result.value.state) return "The server did not send the version back. Reload the page and try again.";
      const version = new Y.Doc();
      try {
        Y.applyUpdate(version, decodeBase64(result.value.state));
        let changed: number;
        if (item) {
          const outcome = restoreItem(session.doc, version, session.origin, item.id);
          if (!outcome.ok) return outcome.error;
          changed = outcome.value.changed;
        } else changed = restoreBoard(session.doc, version, session.origin).changed;
        // Undo is offered only when something was written (an empty transaction leaves no step).
        notify(restoredMessage(title, changed, item?.title), changed > 0 ? session.history.mark() : null);
      } finally {
        version.destroy();
      }
      onRestored();
      return null;
    },
    [session, notify, onRestored],
  );
  return { restore };
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
