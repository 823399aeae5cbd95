import type { BarMenuEntry } from "./BarContextMenu";
import type { DateString } from "../../../../lib/model/dates";
import type { TimelineActions } from "../../commands/useTimelineActions";

interface MenuContext {
  itemId: string;
  readOnly: boolean;
  /** Links into and out of the item. */
  dependencyCount: number;
  actions: TimelineActions;
  /** The item's pin: whether it is pinned, may be toggled, and where it is drawn (docs/scheduling.md). */
  pin: { pinned: boolean; canToggle: boolean; start: DateString };
  select: (itemId: string) => void;
}

/**
 * A bar's menu: show it, its comments, and for editors duplicate, remove its links and delete.
 * Every entry that changes the board is one named command (see useTimelineActions).
 */
export function barMenuEntries({ itemId, readOnly, dependencyCount, actions, select, pin }: MenuContext): BarMenuEntry[] {
  const entries: BarMenuEntry[] = [{ id: "details", label: "Show details", run: () => select(itemId) }];
  const { openComments } = actions;
  if (openComments) entries.push({ id: "comments", label: "Open comments", run: () => openComments(itemId) });
  if (readOnly) return entries;
  entries.push(
    pin.pinned
      ? {
          id: "pin",
          label: "Unpin: follow its predecessors",
          disabledReason: pin.canToggle ? undefined : "It has no predecessors to follow",
          run: () => actions.setPin(itemId, null),
        }
      : { id: "pin", label: "Pin to this date", run: () => actions.setPin(itemId, pin.start) },
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
