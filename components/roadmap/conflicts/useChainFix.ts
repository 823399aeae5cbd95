"use client";

import { useMemo } from "react";
import type * as Y from "yjs";
import { planChainMove, type ChainPlan } from "../../../lib/derive/chainPlan";
import { computeSchedule } from "../../../lib/derive/schedule";
import { moveItemAndSuccessors } from "../../../lib/model/chainCommands";
import type { DateString } from "../../../lib/model/dates";
import type { ItemId } from "../../../lib/model/ids";
import type { CommandOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { refusal } from "../commands/refusals";

/** "Move X and everything after it" for a conflict's move fix: its preview and its command. */
export interface ChainFixActions {
  /** What would move, worked out on the document as it is now. */
  plan: (itemId: string, start: DateString) => ChainPlan | null;
  /** Moves them in one command (one undo step); returns why it was refused, or null. */
  apply: (itemId: string, start: DateString) => string | null;
}

/**
 * Binds the chain move (docs/scheduling.md) to a session's doc and origin. The preview reads
 * the document when the person asks for it, not on every change of the board.
 */
export function useChainFix(doc: Y.Doc, origin: CommandOrigin): ChainFixActions {
  return useMemo(
    () => ({
      plan: (itemId, start) => {
        const snapshot = readSnapshot(doc);
        return planChainMove(snapshot, computeSchedule(snapshot), itemId as ItemId, start);
      },
      apply: (itemId, start) => refusal(moveItemAndSuccessors(doc, origin, itemId as ItemId, start)),
    }),
    [doc, origin],
  );
}
