"use client";

import { useCallback, useMemo } from "react";
import { recordMap } from "../../../lib/model/docLayout";
import type { ItemId } from "../../../lib/model/ids";
import { deleteItem, duplicateItem } from "../../../lib/model/itemCommands";
import type { BoardSession } from "../../collab/boardSession";
import { useUndoState } from "../../collab/useBoardSession";
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

  const remove = useCallback(
    (itemId: string) => {
      const title = titleOf(session.doc, itemId);
      const result = deleteItem(session.doc, session.origin, itemId as ItemId);
      if (!result.ok) return notify(result.error);
      if (itemId === selectedId) select(null);
      onDeleted(title);
    },
    [session, selectedId, select, notify, onDeleted],
  );

  const duplicate = useCallback(
    (itemId: string) => {
      const result = duplicateItem(session.doc, session.origin, itemId as ItemId);
      if (!result.ok) return notify(result.error);
      select(result.value);
    },
    [session, select, notify],
  );

  return useMemo(() => ({ ...undoState, undo, redo, remove, duplicate }), [undoState, undo, redo, remove, duplicate]);
}

export type EditingActions = ReturnType<typeof useEditingActions>;
