"use client";

import { useMemo } from "react";
import type * as Y from "yjs";
import { addDependency, removeDependency, setDependencyLag } from "../../../lib/model/dependencyCommands";
import type { DependencyId, ItemId } from "../../../lib/model/ids";
import type { CommandOrigin } from "../../../lib/model/origin";
import type { DependencyActions } from "../itemPanel/DependencySection";
import { refusal } from "./refusals";

/**
 * The dependency commands of one session. A refusal (a cycle, a duplicate, an item deleted
 * meanwhile) comes back as the command's own message for the panel to show beside the form.
 * Ids arrive as strings from the drawn snapshot, which already parsed them.
 */
export function useDependencyActions(doc: Y.Doc, origin: CommandOrigin): DependencyActions {
  return useMemo(
    () => ({
      add: (fromId, toId, lag) => refusal(addDependency(doc, origin, { fromId: fromId as ItemId, toId: toId as ItemId, lag })),
      remove: (id) => refusal(removeDependency(doc, origin, id as DependencyId)),
      setLag: (id, lag) => refusal(setDependencyLag(doc, origin, id as DependencyId, lag)),
    }),
    [doc, origin],
  );
}
