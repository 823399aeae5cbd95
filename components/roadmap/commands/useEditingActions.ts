"use client";

import { useCallback, useMemo } from "react";
import { recordMap } from "../../../lib/model/docLayout";
import type { ItemId } from "../../../lib/model/ids";
import { deleteItem, duplicateItem } from "../../../lib/model/itemCommands";
import type { BoardSession } from "../../collab/boardSession";
import { useUndoState } from "../../collab/useBoardSession";
import { useLaneAccess } from "../../teams/laneAccess";
import { titleOf } from "./deletedItem";

interface EditingActionsOptions {
  selectedId: string | null;
  select: (itemId: string | null) => void;
  /** A short message at the bottom of the board (what happened, or why nothing did). */
  notify: (message: string) => void;
  /** The item (its title) was deleted: say so and offer Undo. */
  onDeleted: (title: string) => void;
}

/**
 * Undo, redo, delete and duplicate for the toolbar and the keyboard alike, each one named
 * command of this session. An item that undo or redo took away is deselected: its panel
 * would otherwise say someone else deleted it.
 */
export function useEditingActions(session: BoardSession, { selectedId, select, notify, onDeleted }: EditingActionsOptions) {
  const undoState = useUndoState(session);

  const dropVanishedSelection = useCallback(() => {
    if (selectedId && !recordMap(session.doc, "items", selectedId)) select(null);
  }, [session, selectedId, select]);

  const undo = useCallback(() => {
    if (session.history.undo()) dropVanishedSelection();
  }, [session, dropVanishedSelection]);

  const redo = useCallback(() => {
    if (session.history.redo()) dropVanishedSelection();
  }, [session, dropVanishedSelection]);

  const access = useLaneAccess();
  /** Why this item may not be deleted or copied here (a lane owned by another team), said once. */
  const stopped = useCallback(
    (itemId: string) => {
      const why = access.refusalFor({ itemId });
      if (why) notify(why);
      return why !== null;
    },
    [access, notify],
  );

  const remove = useCallback(
    (itemId: string) => {
      if (stopped(itemId)) return;
      const title = titleOf(session.doc, itemId);
      const result = deleteItem(session.doc, session.origin, itemId as ItemId);
      if (!result.ok) return notify(result.error);
      if (itemId === selectedId) select(null);
      onDeleted(title);
    },
    [session, selectedId, select, notify, onDeleted, stopped],
  );

  const duplicate = useCallback(
    (itemId: string) => {
      if (stopped(itemId)) return;
      const result = duplicateItem(session.doc, session.origin, itemId as ItemId);
      if (!result.ok) return notify(result.error);
      select(result.value);
    },
    [session, select, notify, stopped],
  );

  return useMemo(() => ({ ...undoState, undo, redo, remove, duplicate }), [undoState, undo, redo, remove, duplicate]);
}

export type EditingActions = ReturnType<typeof useEditingActions>;
