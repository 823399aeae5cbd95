"use client";

import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";

export interface BarMenuEntry {
  id: string;
  label: string;
  /** Shown greyed out with the reason as its tooltip, rather than hidden, so the menu keeps its shape. */
  disabledReason?: string;
  danger?: boolean;
  run: () => void;
}

interface BarContextMenuProps {
  /** The item's title, for the menu's accessible name. */
  title: string;
  /** Viewport coordinates of the menu's top-left corner (the pointer, or the bar for keys). */
  x: number;
  y: number;
  entries: BarMenuEntry[];
  /** `restoreFocus` is true when the menu was left with the keyboard: focus goes back to the bar. */
  onClose: (restoreFocus: boolean) => void;
}

const MENU_WIDTH = 220;

/**
 * A bar's context menu (right-click, Shift+F10 or the menu key). Keyboard behaviour follows
 * the WAI-ARIA menu pattern: focus starts on the first entry, arrows, Home and End move,
 * Enter or Space runs an entry, Escape and Tab close. A press anywhere else closes it.
 * Portalled to the body so no scrolling or clipping ancestor cuts it off.
 */
export function BarContextMenu({ title, x, y, entries, onClose }: BarContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: x, top: y });

  // Kept inside the window: flipped left or up when it would run off the edge.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { innerWidth, innerHeight } = window;
    const height = el.offsetHeight;
    setPlace({
      left: x + MENU_WIDTH > innerWidth - 8 ? Math.max(8, x - MENU_WIDTH) : x,
      top: y + height > innerHeight - 8 ? Math.max(8, y - height) : y,
    });
    el.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [x, y]);

  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose(false);
    };
    const gone = () => onClose(false);
    window.addEventListener("pointerdown", away, true);
    window.addEventListener("resize", gone);
    return () => {
      window.removeEventListener("pointerdown", away, true);
      window.removeEventListener("resize", gone);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        go(at + 1);
        break;
      case "ArrowUp":
        go(at - 1);
        break;
      case "Home":
        go(0);
        break;
      case "End":
        go(items.length - 1);
        break;
      case "Escape":
        onClose(true);
        break;
      case "Tab":
        onClose(true);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const run = (entry: BarMenuEntry) => {
    if (entry.disabledReason) return;
    onClose(true);
    entry.run();
  };

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${title || "Untitled item"}`}
      data-testid="bar-menu"
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      className="fixed z-[60] rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      style={{ left: place.left, top: place.top, width: MENU_WIDTH }}
    >
      {entries.map((entry) => (
        <div
          key={entry.id}
          role="menuitem"
          tabIndex={-1}
          aria-disabled={entry.disabledReason ? true : undefined}
          title={entry.disabledReason}
          onClick={() => run(entry)}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              run(entry);
            }
          }}
          className={`mx-1 cursor-default rounded-md px-2.5 py-1.5 outline-none ${
            entry.disabledReason
              ? "text-slate-500 dark:text-slate-400"
              : entry.danger
                ? "text-rose-700 hover:bg-rose-50 focus:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-500/15 dark:focus:bg-rose-500/15"
                : "text-slate-800 hover:bg-slate-100 focus:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
          }`}
        >
          {entry.label}
        </div>
      ))}
    </div>,
    document.body,
  );
}
