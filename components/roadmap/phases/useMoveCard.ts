"use client";

import { useCallback } from "react";
import type * as Y from "yjs";
import { moveCard } from "../../../lib/model/cardCommands";
import type { ItemId, PhaseId } from "../../../lib/model/ids";
import type { CommandOrigin } from "../../../lib/model/origin";

/**
 * The phase board's one command, bound to the session's doc and origin. A refusal (the card
 * it was dropped above moved meanwhile, say) is reported instead of thrown. Ids come from the
 * drawn snapshot, which already parsed them.
 */
export function useMoveCard(doc: Y.Doc, origin: CommandOrigin, onError: (message: string) => void) {
  return useCallback(
    (itemId: string, phaseId: string | null, beforeId: string | null) => {
      const result = moveCard(doc, origin, itemId as ItemId, { phaseId: phaseId as PhaseId | null, beforeId: beforeId as ItemId | null });
      if (!result.ok) onError(result.error);
    },
    [doc, origin, onError],
  );
}
