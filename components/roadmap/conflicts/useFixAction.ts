"use client";

import { useCallback } from "react";
import type * as Y from "yjs";
import type { SuggestedFix } from "../../../lib/derive/types";
import { applyFix } from "../../../lib/model/applyFix";
import type { CommandOrigin } from "../../../lib/model/origin";
import { refusal } from "../commands/refusals";

/**
 * "Apply fix": runs a conflict's suggested fix as the one named command it stands for (one
 * transaction, one undo step). Returns why it was refused (someone else changed or deleted
 * the item meanwhile), or null.
 */
export function useFixAction(doc: Y.Doc, origin: CommandOrigin): (fix: SuggestedFix) => string | null {
  return useCallback(
    (fix: SuggestedFix) => refusal(applyFix(doc, origin, fix)),
    [doc, origin],
  );
}
