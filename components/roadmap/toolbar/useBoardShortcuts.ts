"use client";

import { useEffect, useRef } from "react";
import type { TimeScale } from "../../../lib/model/schemas";
import { isShieldedTarget, isTextEntry, shortcutFor, stepScale } from "./shortcuts";
import type { EditingActions } from "../commands/useEditingActions";

interface BoardShortcutsOptions {
  /** Viewers zoom and read the help; nothing they press changes the board. */
  readOnly: boolean;
  scale: TimeScale;
  onScale: (scale: TimeScale) => void;
  selectedId: string | null;
  actions: EditingActions;
  onHelp: () => void;
}

/**
 * The board's keyboard layer, on the window so it works wherever focus is on the board, but
 * never while someone types (text fields and the description editor keep their own undo and
 * Backspace) or works in a dialog. Keys a bar already handled (defaultPrevented) are left alone.
 */
export function useBoardShortcuts(options: BoardShortcutsOptions): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event);
      if (!action) return;
      const { readOnly, scale, onScale, selectedId, actions, onHelp } = latest.current;
      const undoKind = action.kind === "undo" || action.kind === "redo";
      // Undo in a text field undoes the typing there; other shortcuts stay out of every field.
      if (undoKind ? isTextEntry(event.target) || isInDialog(event.target) : isShieldedTarget(event.target)) return;
      switch (action.kind) {
        case "undo":
        case "redo":
          if (readOnly) return;
          event.preventDefault();
          if (action.kind === "undo") actions.undo();
          else actions.redo();
          return;
        case "delete":
        case "duplicate": {
          // The item whose bar, card or row has focus, else the selected one: Tab to a bar and
          // press Delete deletes that bar, not whatever was selected before.
          const target = focusedItemId(event.target) ?? selectedId;
          if (readOnly || !target) return;
          event.preventDefault();
          if (action.kind === "delete") actions.remove(target);
          else actions.duplicate(target);
          return;
        }
        case "zoom":
          event.preventDefault();
          onScale(action.scale);
          return;
        case "zoomStep":
          event.preventDefault();
          onScale(stepScale(scale, action.step));
          return;
        case "help":
          event.preventDefault();
          onHelp();
          return;
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}

function focusedItemId(target: EventTarget | null): string | null {
  return target instanceof HTMLElement ? (target.closest("[data-item-id]")?.getAttribute("data-item-id") ?? null) : null;
}

function isInDialog(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("dialog") !== null;
}
