"use client";

import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from "react";
import { addWorkingDays, nextWorkingDay, type WorkCalendar } from "../../../../lib/derive/calendar";
import { fromDayNumber, type DateString } from "../../../../lib/model/dates";
import { barKeyAction } from "./barKeys";
import { neighbourBar } from "./barNavigation";
import type { TimelineGeometry } from "../geometry";

/** What the keys need to know of a drawn bar. */
export interface KeyedBar {
  item: { start: DateString | null };
  span: { start: DateString; startDay: number };
  band: { id: string };
}

interface BarKeyboardOptions {
  canvas: RefObject<HTMLDivElement | null>;
  byId: ReadonlyMap<string, KeyedBar>;
  geometry: TimelineGeometry;
  calendar: WorkCalendar;
  readOnly: boolean;
  onMove: (itemId: string, start: DateString, laneId: string | null) => void;
  onSelect: (itemId: string) => void;
  /** Escape during a pointer drag: true when there was one to cancel. */
  cancelDrag: () => boolean;
}

/** Where the bar menu is open: for which item, at which viewport point. */
export interface OpenBarMenu {
  itemId: string;
  x: number;
  y: number;
}

/**
 * The keyboard side of the timeline's bars (see barKeys for the map) and their context menu:
 * which bar keyboard focus is on, kept drawn even when scrolled out of the canvas window and
 * focused once it is in the DOM, and where the menu is open. Handlers read the latest bars
 * through a ref so they stay stable across snapshots, and memoised bars skip re-rendering.
 */
export function useBarKeyboard(options: BarKeyboardOptions) {
  const { canvas } = options;
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  const [focusId, setFocusId] = useState<string | null>(null);
  const focusSeq = useRef(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const focusBar = useCallback((itemId: string) => {
    setFocusId(itemId);
    setFocusRequest(++focusSeq.current);
  }, []);
  useLayoutEffect(() => {
    if (!focusRequest || !focusId) return;
    canvas.current?.querySelector<HTMLElement>(`[data-testid="item-bar"][data-item-id="${CSS.escape(focusId)}"]`)?.focus();
  }, [canvas, focusRequest, focusId]);

  const [menu, setMenu] = useState<OpenBarMenu | null>(null);
  const openMenu = useRef(menu);
  useLayoutEffect(() => {
    openMenu.current = menu;
  });
  /** `restoreFocus`: the menu was left with the keyboard, so focus goes back to its bar. */
  const closeMenu = useCallback(
    (restoreFocus: boolean) => {
      const open = openMenu.current;
      setMenu(null);
      if (open && restoreFocus) focusBar(open.itemId);
    },
    [focusBar],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, itemId: string) => {
      const { byId, calendar: cal, onMove: move, onSelect: choose, cancelDrag, readOnly, geometry } = latest.current;
      const action = barKeyAction(event, readOnly);
      if (!action) return;
      if (action.kind === "cancel") {
        if (cancelDrag()) event.preventDefault();
        return;
      }
      event.preventDefault();
      const bar = byId.get(itemId);
      switch (action.kind) {
        case "refused":
          return;
        case "select":
          choose(itemId);
          return;
        case "focus": {
          const next = neighbourBar(geometry.bars, itemId, action.direction);
          if (next) focusBar(next);
          return;
        }
        case "menu": {
          const rect = event.currentTarget.getBoundingClientRect();
          setMenu({ itemId, x: rect.left + 8, y: rect.bottom + 4 });
          return;
        }
        case "shift":
          // One command per press: each press is its own undo step and sync message.
          if (bar) move(itemId, fromDayNumber(addWorkingDays(cal, nextWorkingDay(cal, bar.span.startDay), action.days)), null);
          return;
        case "lane": {
          if (!bar) return;
          // Lanes this viewer can see: the orphans' pseudo-lane and folded lanes are skipped.
          const lanes = geometry.bands.filter((b) => !b.orphan && !b.collapsed);
          const at = lanes.findIndex((b) => b.id === bar.band.id);
          const target = at < 0 ? lanes[action.step > 0 ? 0 : lanes.length - 1] : lanes[at + action.step];
          // Keeps the start it is drawn at, as a drag across lanes does.
          if (target) move(itemId, bar.item.start ?? bar.span.start, target.id);
          return;
        }
      }
    },
    [focusBar],
  );

  const onContextMenu = useCallback((event: MouseEvent<HTMLDivElement>, itemId: string) => {
    event.preventDefault();
    setMenu({ itemId, x: event.clientX, y: event.clientY });
  }, []);

  return { focusId, menu, closeMenu, onKeyDown, onContextMenu };
}
