import type { BarMenuEntry } from "./BarContextMenu";
import type { TimelineActions } from "../../commands/useTimelineActions";

interface MenuContext {
  itemId: string;
  readOnly: boolean;
  /** Links into and out of the item. */
  dependencyCount: number;
  actions: TimelineActions;
  select: (itemId: string) => void;
}

/**
 * A bar's menu: show it, its comments, and for editors duplicate, remove its links and delete.
 * Every entry that changes the board is one named command (see useTimelineActions).
 */
export function barMenuEntries({ itemId, readOnly, dependencyCount, actions, select }: MenuContext): BarMenuEntry[] {
  const entries: BarMenuEntry[] = [{ id: "details", label: "Show details", run: () => select(itemId) }];
  const { openComments } = actions;
  if (openComments) entries.push({ id: "comments", label: "Open comments", run: () => openComments(itemId) });
  if (readOnly) return entries;
  entries.push(
    { id: "duplicate", label: "Duplicate", run: () => actions.duplicate(itemId) },
    {
      id: "unlink",
      label: dependencyCount > 0 ? `Remove dependencies (${dependencyCount})` : "Remove dependencies",
      disabledReason: dependencyCount > 0 ? undefined : "This item has no dependencies",
      run: () => actions.removeDependencies(itemId),
    },
    { id: "delete", label: "Delete", danger: true, run: () => actions.remove(itemId) },
  );
  return entries;
}
