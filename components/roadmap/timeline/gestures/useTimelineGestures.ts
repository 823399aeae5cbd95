"use client";

import { useCallback, useEffect, useMemo, type MouseEvent, type RefObject } from "react";
import { NO_LANE } from "../../../../lib/derive/boardLayout";
import { nextWorkingDay, type WorkCalendar } from "../../../../lib/derive/calendar";
import { fromDayNumber, type DateString } from "../../../../lib/model/dates";
import type { BoardSnapshot } from "../../../../lib/model/snapshot";
import type { TimelineActions } from "../../commands/useTimelineActions";
import { bandAt, xToDay, type TimelineGeometry } from "../geometry";
import type { BarHandlers } from "../ItemBar";
import type { TimelineBar } from "../timelineBars";
import { dropDuration, dropStart } from "./dragMath";
import { useAutoScroll } from "./useAutoScroll";
import { useBarKeyboard } from "./useBarKeyboard";
import { useCreateDrag } from "./useCreateDrag";
import { useItemDrag, type DragPreview } from "./useItemDrag";
import { useLinkDrag } from "./useLinkDrag";
import { useTimelinePan } from "./useTimelinePan";

interface TimelineGesturesOptions {
  snapshot: BoardSnapshot;
  geometry: TimelineGeometry;
  calendar: WorkCalendar;
  /** The bars drawn, by item id. */
  byId: ReadonlyMap<string, TimelineBar>;
  readOnly: boolean;
  scrollRef: RefObject<HTMLDivElement | null>;
  canvasRef: RefObject<HTMLDivElement | null>;
  onSelect: (itemId: string | null) => void;
  onMove: (itemId: string, start: DateString, laneId: string | null) => void;
  onResize: (itemId: string, duration: number) => void;
  onCreateAt: (laneId: string | null, start: DateString, duration?: number) => void;
  actions: TimelineActions;
  onDragPreview?: (preview: DragPreview | null) => void;
  /** A drop moved an auto-scheduled item, which pinned it there (docs/scheduling.md). */
  onPinnedByDrop?: (itemId: string, start: DateString) => void;
  /** The sticky lane column's width (useLaneColumn): dragging past its edge scrolls left. */
  laneColumnWidth: number;
}

/**
 * Every way a person acts on the timeline, gathered: dragging and resizing bars, drawing a new
 * item along a lane or with a double-click, stretching a link, panning, the keyboard on a
 * focused bar and its menu. Each gesture ends in one command (onMove, onResize, onCreateAt,
 * actions.link); the drawing only wires the handlers this returns.
 */
export function useTimelineGestures(options: TimelineGesturesOptions) {
  const { snapshot, geometry, calendar, byId, readOnly, scrollRef, canvasRef, onSelect, onMove, onResize, onCreateAt, actions, onDragPreview, onPinnedByDrop, laneColumnWidth } = options;

  const drop = useCallback(
    (preview: DragPreview) => {
      const bar = byId.get(preview.itemId);
      if (!bar) return;
      // Where the person saw the bar land, not the bar's place now plus the pointer's travel:
      // with two people dragging one bar, the last drop wins with what its author saw.
      if (preview.mode === "resize") {
        const duration = dropDuration(calendar, preview, bar.span.startDay);
        if (duration !== bar.item.duration) onResize(preview.itemId, duration);
        return;
      }
      const start = dropStart(calendar, preview);
      const lane = preview.laneId === NO_LANE || preview.laneId === bar.band.id ? null : preview.laneId;
      if (start === bar.span.startDay && lane === null) return;
      onMove(preview.itemId, fromDayNumber(start), lane);
      if (!bar.pinned && start !== bar.span.startDay) onPinnedByDrop?.(preview.itemId, fromDayNumber(start));
    },
    [byId, calendar, onMove, onResize, onPinnedByDrop],
  );

  // Dragging to an edge of the lanes scrolls the timeline, for every drag gesture alike.
  const autoScroll = useAutoScroll(scrollRef, { left: laneColumnWidth, top: geometry.header.height });
  /** Pin where it is drawn now (nothing moves), or unpin so it follows its predecessors again. */
  const togglePin = useCallback(
    (itemId: string) => {
      const bar = byId.get(itemId);
      if (!bar || readOnly) return;
      actions.setPin(itemId, bar.pinned ? null : bar.span.start);
    },
    [byId, readOnly, actions],
  );

  const originOf = useCallback(
    (itemId: string) => {
      const bar = byId.get(itemId);
      return bar && { startDay: bar.span.startDay, finishDay: bar.span.finishDay, top: bar.box.top };
    },
    [byId],
  );
  const drag = useItemDrag({ canvas: canvasRef, geometry, onClick: onSelect, onPinClick: togglePin, onDrop: drop, originOf, readOnly, scroll: scrollRef, autoScroll });
  const { cancel } = drag;
  useEffect(() => onDragPreview?.(drag.preview), [drag.preview, onDragPreview]);
  const create = useCreateDrag({
    canvas: canvasRef,
    geometry,
    calendar,
    readOnly,
    onCreate: (laneId, startDay, duration) => onCreateAt(laneId, fromDayNumber(startDay), duration),
    autoScroll,
  });
  const link = useLinkDrag({ canvas: canvasRef, geometry, dependencies: snapshot.dependencies, onLink: actions.link, autoScroll });
  const pan = useTimelinePan(scrollRef);
  const keys = useBarKeyboard({ canvas: canvasRef, byId, geometry, calendar, readOnly, onMove, onSelect, cancelDrag: cancel });

  const handlers: BarHandlers = useMemo(
    () => ({
      onPointerDown: drag.onPointerDown,
      onPointerMove: drag.onPointerMove,
      onPointerUp: drag.onPointerUp,
      onPointerCancel: drag.onPointerCancel,
      onKeyDown: keys.onKeyDown,
      onLinkStart: link.onHandlePointerDown,
      onContextMenu: keys.onContextMenu,
    }),
    [drag.onPointerDown, drag.onPointerMove, drag.onPointerUp, drag.onPointerCancel, keys.onKeyDown, link.onHandlePointerDown, keys.onContextMenu],
  );

  const onCanvasDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const band = bandAt(geometry, event.clientY - rect.top);
    const day = nextWorkingDay(calendar, xToDay(geometry, event.clientX - rect.left));
    onCreateAt(band && band.id !== NO_LANE ? band.id : null, fromDayNumber(day));
  };

  const onCanvasClick = () => {
    // The click ending a drag that drew a new item must not unselect it.
    if (!create.consumeClick()) onSelect(null);
  };

  return {
    handlers,
    /** The bar being dragged or resized, as it would land. */
    preview: drag.preview,
    /** The new item being drawn. */
    ghost: create.ghost,
    /** The link being stretched. */
    linkDraft: link.draft,
    pan,
    focusId: keys.focusId,
    menu: keys.menu,
    closeMenu: keys.closeMenu,
    canvas: { onClick: onCanvasClick, onDoubleClick: onCanvasDoubleClick, onPointerDown: create.onPointerDown },
  };
}
