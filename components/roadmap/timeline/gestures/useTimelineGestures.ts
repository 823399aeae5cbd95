"use client";

import { useCallback, useEffect, useMemo, type MouseEvent, type RefObject } from "react";
import { NO_LANE } from "../../../../lib/derive/boardLayout";
import { nextWorkingDay, type WorkCalendar } from "../../../../lib/derive/calendar";
import { fromDayNumber, type DateString } from "../../../../lib/model/dates";
import type { BoardSnapshot } from "../../../../lib/model/snapshot";
import type { TimelineActions } from "../../commands/useTimelineActions";
import { LANE_HEADER_WIDTH, bandAt, xToDay, type TimelineGeometry } from "../geometry";
import type { BarHandlers } from "../ItemBar";
import type { TimelineBar } from "../timelineBars";
import { resizedDuration, snapStart } from "./dragMath";
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
}

/**
 * Every way a person acts on the timeline, gathered: dragging and resizing bars, drawing a new
 * item along a lane or with a double-click, stretching a link, panning, the keyboard on a
 * focused bar and its menu. Each gesture ends in one command (onMove, onResize, onCreateAt,
 * actions.link); the drawing only wires the handlers this returns.
 */
export function useTimelineGestures(options: TimelineGesturesOptions) {
  const { snapshot, geometry, calendar, byId, readOnly, scrollRef, canvasRef, onSelect, onMove, onResize, onCreateAt, actions, onDragPreview } = options;

  const drop = useCallback(
    (preview: DragPreview) => {
      const bar = byId.get(preview.itemId);
      if (!bar) return;
      if (preview.mode === "resize") {
        const duration = resizedDuration(calendar, bar.span.startDay, bar.span.finishDay, preview.dayDelta);
        if (duration !== bar.item.duration) onResize(preview.itemId, duration);
        return;
      }
      const start = snapStart(calendar, bar.span.startDay, preview.dayDelta);
      const lane = preview.laneId === NO_LANE || preview.laneId === bar.band.id ? null : preview.laneId;
      if (start !== bar.span.startDay || lane !== null) onMove(preview.itemId, fromDayNumber(start), lane);
    },
    [byId, calendar, onMove, onResize],
  );

  // Dragging to an edge of the lanes scrolls the timeline, for every drag gesture alike.
  const autoScroll = useAutoScroll(scrollRef, { left: LANE_HEADER_WIDTH, top: geometry.header.height });
  const drag = useItemDrag({ canvas: canvasRef, geometry, onClick: onSelect, onDrop: drop, readOnly, scroll: scrollRef, autoScroll });
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
