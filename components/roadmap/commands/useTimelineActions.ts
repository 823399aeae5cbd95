"use client";

import { useMemo } from "react";
import type * as Y from "yjs";
import { addDependency, removeItemDependencies } from "../../../lib/model/dependencyCommands";
import type { ItemId } from "../../../lib/model/ids";
import type { DateString } from "../../../lib/model/dates";
import { deleteItem, duplicateItem, updateItem } from "../../../lib/model/itemCommands";
import type { CommandOrigin } from "../../../lib/model/origin";
import { titleOf } from "./deletedItem";
import { reportingRefusals } from "./refusals";

/** What the timeline's gestures and bar menu do to the document, each one named command. */
export interface TimelineActions {
  /** A dependency drawn from one bar to another: `toId` waits for `fromId`. */
  link: (fromId: string, toId: string) => void;
  /** Copies the item and selects the copy. */
  duplicate: (itemId: string) => void;
  /** Removes every link into and out of the item. */
  removeDependencies: (itemId: string) => void;
  remove: (itemId: string) => void;
  /** Pins the item to `start`, or unpins it (null) so it follows its predecessors (docs/scheduling.md). */
  setPin: (itemId: string, start: DateString | null) => void;
  /** Absent where comments cannot be read (guests on a share link). */
  openComments?: (itemId: string) => void;
}

interface Hooks {
  select: (itemId: string) => void;
  /** Clears the selection if it is this item (just deleted). */
  forget: (itemId: string) => void;
  /** A refusal (the item was deleted meanwhile, a loop someone else just closed) in words. */
  onError: (message: string) => void;
  /** The item (its title) was deleted: say so and offer Undo. */
  onDeleted?: (title: string) => void;
  openComments?: (itemId: string) => void;
}

/**
 * Binds the timeline's actions to a session's doc and its one origin. Ids arrive as strings
 * from the drawn snapshot, which already parsed them as ItemIds.
 */
export function useTimelineActions(doc: Y.Doc, origin: CommandOrigin, hooks: Hooks): TimelineActions {
  const { select, forget, onError, onDeleted, openComments } = hooks;
  return useMemo(() => {
    const check = reportingRefusals(onError);
    return {
      link: (fromId, toId) => void check(addDependency(doc, origin, { fromId: fromId as ItemId, toId: toId as ItemId })),
      duplicate: (itemId) => {
        const copy = check(duplicateItem(doc, origin, itemId as ItemId));
        if (copy) select(copy);
      },
      removeDependencies: (itemId) => void check(removeItemDependencies(doc, origin, itemId as ItemId)),
      remove: (itemId) => {
        const title = titleOf(doc, itemId);
        const result = deleteItem(doc, origin, itemId as ItemId);
        if (!result.ok) return onError(result.error);
        forget(itemId);
        onDeleted?.(title);
      },
      setPin: (itemId, start) => void check(updateItem(doc, origin, itemId as ItemId, { start })),
      openComments,
    };
  }, [doc, origin, select, forget, onError, onDeleted, openComments]);
}
