"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { ensureItemDescription } from "../../../lib/model/descriptionCommands";
import { itemDescription } from "../../../lib/model/docLayout";
import type { ItemId } from "../../../lib/model/ids";
import type { BoardSession } from "../../collab/boardSession";
import { DescriptionEditor } from "../../editor/DescriptionEditor";

/** The item's description fragment as it is now; a new one (a concurrent repair) re-renders. */
function useDescriptionFragment(doc: Y.Doc, itemId: string): Y.XmlFragment | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      doc.on("afterTransaction", onChange);
      return () => doc.off("afterTransaction", onChange);
    },
    [doc],
  );
  const get = () => itemDescription(doc, itemId);
  return useSyncExternalStore(subscribe, get, get);
}

interface ItemDescriptionProps {
  session: BoardSession;
  itemId: string;
  readOnly: boolean;
}

/**
 * The description field of the item panel. Items made by other clients may have no fragment
 * yet: they get one (a named command, not undoable) when someone starts to write, not when
 * they are merely looked at, so opening an item never writes to the board.
 */
export function ItemDescription({ session, itemId, readOnly }: ItemDescriptionProps) {
  const fragment = useDescriptionFragment(session.doc, itemId);
  const [startedHere, setStartedHere] = useState(false);
  const start = () => {
    if (ensureItemDescription(session.doc, session.repairOrigin, itemId as ItemId).ok) setStartedHere(true);
  };
  return (
    <div>
      <span className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300">Description</span>
      {fragment ? (
        <DescriptionEditor fragment={fragment} awareness={session.presenceAwareness} editable={!readOnly} autoFocus={startedHere} />
      ) : readOnly ? (
        <p data-testid="item-description" className="px-0.5 text-sm text-slate-500 dark:text-slate-400">
          No description.
        </p>
      ) : (
        <button
          type="button"
          data-testid="item-description-start"
          onClick={start}
          className="block min-h-20 w-full rounded-md border border-dashed border-slate-300 px-2.5 py-2 text-left text-sm text-slate-500 hover:border-indigo-400 dark:border-slate-700 dark:text-slate-400"
        >
          Add a description…
        </button>
      )}
    </div>
  );
}
