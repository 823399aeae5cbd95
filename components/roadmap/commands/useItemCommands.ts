"use client";

import { useMemo } from "react";
import type * as Y from "yjs";
import type { DateString } from "../../../lib/model/dates";
import type { ItemId } from "../../../lib/model/ids";
import { createItem, deleteItem, moveItem, updateItem, type ItemPatch, type NewItem } from "../../../lib/model/itemCommands";
import type { CommandOrigin } from "../../../lib/model/origin";
import { reportingRefusals } from "./refusals";

/**
 * The item commands of one board session, bound to its doc and its one origin. A command that
 * refuses (say, the item was deleted meanwhile) reports its message instead of throwing.
 * Ids arrive as strings from the drawn snapshot, which already parsed them as ItemIds.
 */
export function useItemCommands(doc: Y.Doc, origin: CommandOrigin, onError: (message: string) => void) {
  return useMemo(() => {
    const check = reportingRefusals(onError);
    return {
      create: (input: NewItem) => check(createItem(doc, origin, input)),
      update: (id: string, patch: ItemPatch) => check(updateItem(doc, origin, id as ItemId, patch)),
      move: (id: string, start: DateString, laneId: string | null) =>
        check(moveItem(doc, origin, id as ItemId, laneId === null ? { start } : { start, laneId })),
      remove: (id: string) => check(deleteItem(doc, origin, id as ItemId)),
    };
  }, [doc, origin, onError]);
}
