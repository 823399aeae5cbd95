import type { BarDirection } from "./barNavigation";

/** What a key pressed on a focused bar asks for. */
export type BarKeyAction =
  | { kind: "select" }
  | { kind: "focus"; direction: BarDirection }
  /** Move the item's start by this many working days. */
  | { kind: "shift"; days: number }
  /** Move the item to the lane above (-1) or below (+1). */
  | { kind: "lane"; step: -1 | 1 }
  | { kind: "menu" }
  | { kind: "cancel" }
  /** A move on a read-only board: swallowed, or Alt+Left would take the browser back a page. */
  | { kind: "refused" };

const DIRECTIONS: Record<string, BarDirection> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

/**
 * The timeline's keyboard map for bars: arrows move focus between bars, Enter or Space selects,
 * Alt+Left/Right moves the item by a working day (five, a working week, with Shift), Alt+Up/Down to the lane
 * above or below, Shift+F10 or the context-menu key opens the bar's menu, Escape cancels a drag.
 * Moves are refused (and swallowed) on read-only boards. Ctrl and Meta combinations are left to the browser
 * and the board's shortcuts.
 */
export function barKeyAction(key: { key: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }, readOnly: boolean): BarKeyAction | null {
  if (key.ctrlKey || key.metaKey) return null;
  if (key.key === "Escape") return { kind: "cancel" };
  if (key.key === "ContextMenu" || (key.key === "F10" && key.shiftKey)) return { kind: "menu" };
  if ((key.key === "Enter" || key.key === " ") && !key.altKey) return { kind: "select" };
  const direction = DIRECTIONS[key.key];
  if (!direction) return null;
  if (!key.altKey) return key.shiftKey ? null : { kind: "focus", direction };
  if (readOnly) return { kind: "refused" };
  if (direction === "left" || direction === "right") return { kind: "shift", days: (key.shiftKey ? 5 : 1) * (direction === "left" ? -1 : 1) };
  return { kind: "lane", step: direction === "up" ? -1 : 1 };
}
