"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from "react";
import { NO_LANE, type BoardLayout } from "../../lib/derive/boardLayout";
import { isWorkingDay, nextWorkingDay, type WorkCalendar } from "../../lib/derive/calendar";
import type { ScheduledItem } from "../../lib/derive/types";
import { fromDayNumber, type DateString } from "../../lib/model/dates";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { ConflictIndex } from "./conflictIndex";
import { describeSlack } from "./conflictLabels";
import { DependencyArrows } from "./DependencyArrows";
import { dragView, resizedDuration, snapStart } from "./dragMath";
import { LANE_HEADER_WIDTH, bandAt, xToDay, type TimelineGeometry } from "./geometry";
import { ItemBar, type BarHandlers } from "./ItemBar";
import { formatShortDate } from "./labels";
import { LaneHeaders } from "./LaneHeaders";
import { TimelineGrid } from "./TimelineGrid";
import { TimelineHeader } from "./TimelineHeader";
import { inWindow, useCanvasWindow } from "./useCanvasWindow";
import { useItemDrag, type DragPreview } from "./useItemDrag";

export interface TimelineProps {
  snapshot: BoardSnapshot;
  layout: BoardLayout;
  geometry: TimelineGeometry;
  calendar: WorkCalendar;
  todayDay: number | null;
  selectedId: string | null;
  /** Item id → someone else who has it selected. */
  peerSelections: ReadonlyMap<string, { name: string; color: string }>;
  onSelect: (itemId: string | null) => void;
  /** `laneId` null keeps the item's lane. */
  onMove: (itemId: string, start: DateString, laneId: string | null) => void;
  /** New duration in working days, from dragging a bar's end. */
  onResize: (itemId: string, duration: number) => void;
  onCreateAt: (laneId: string | null, start: DateString) => void;
  /** What the derivation adds to the drawing: slack, pinned or placed, conflicts, the critical path. */
  decor: TimelineDecor;
  /** Bars can be selected and inspected but not moved, resized or created. */
  readOnly: boolean;
}

export interface TimelineDecor {
  scheduled: ReadonlyMap<string, ScheduledItem>;
  conflicts: ConflictIndex;
  criticalView: boolean;
  /** Dependency ids along a critical path. */
  criticalLinks: ReadonlySet<string>;
}

/** The scrolling timeline: sticky axis on top, sticky lane names on the left, bars on a canvas. */
export function Timeline(props: TimelineProps) {
  const { snapshot, layout, geometry, calendar, todayDay, selectedId, peerSelections, onSelect, onMove, onResize, onCreateAt } = props;
  const { decor, readOnly } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);

  const bars = useMemo(() => {
    const bandById = new Map(geometry.bands.map((b) => [b.id, b]));
    return snapshot.items.flatMap((item) => {
      const span = layout.spans.get(item.id);
      const box = geometry.bars.get(item.id);
      const band = box && bandById.get(box.bandId);
      if (!span || !box || !band) return [];
      const scheduled = decor.scheduled.get(item.id);
      const badge = decor.conflicts.badges.get(item.id);
      const emphasis = !decor.criticalView ? null : scheduled?.critical ? ("critical" as const) : ("dimmed" as const);
      return [
        {
          item,
          span,
          band,
          box,
          dates: `${formatShortDate(span.start)} – ${formatShortDate(span.finish)}`,
          pinned: scheduled?.pinned ?? item.start !== null,
          slack: scheduled ? describeSlack(scheduled.totalSlack) : "",
          emphasis,
          badge,
        },
      ];
    });
  }, [snapshot, layout, geometry, decor]);

  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const bar of bars) out.set(bar.band.id, (out.get(bar.band.id) ?? 0) + 1);
    return out;
  }, [bars]);

  const nonWorkingDays = useMemo(() => {
    if (geometry.pxPerDay < 12) return []; // at months and quarters, day stripes are noise
    const out: number[] = [];
    for (let d = geometry.axis.startDay; d < geometry.axis.endDay; d++) if (!isWorkingDay(calendar, d)) out.push(d);
    return out;
  }, [geometry, calendar]);

  const byId = useMemo(() => new Map(bars.map((b) => [b.item.id as string, b])), [bars]);

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

  const drag = useItemDrag({ canvas: canvasRef, geometry, onClick: onSelect, onDrop: drop, readOnly });
  const { cancel } = drag;

  // Bar handlers read the latest bars through a ref so they stay stable across snapshots and
  // memoised bars that did not change skip re-rendering.
  const latest = useRef({ byId, calendar, onMove, onSelect, cancel, readOnly });
  useLayoutEffect(() => {
    latest.current = { byId, calendar, onMove, onSelect, cancel, readOnly };
  });
  const onBarKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>, itemId: string) => {
    const { byId: bars, calendar: cal, onMove: move, onSelect: choose, cancel: cancelDrag, readOnly: viewOnly } = latest.current;
    if (event.key === "Escape" && cancelDrag()) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(itemId);
    } else if (!viewOnly && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
      // Keyboard moves: a working day per press, a week with Shift.
      event.preventDefault();
      const bar = bars.get(itemId);
      if (!bar) return;
      const step = (event.shiftKey ? 7 : 1) * (event.key === "ArrowLeft" ? -1 : 1);
      move(itemId, fromDayNumber(snapStart(cal, bar.span.startDay, step)), null);
    }
  }, []);

  const handlers: BarHandlers = useMemo(
    () => ({
      onPointerDown: drag.onPointerDown,
      onPointerMove: drag.onPointerMove,
      onPointerUp: drag.onPointerUp,
      onPointerCancel: drag.onPointerCancel,
      onKeyDown: onBarKeyDown,
    }),
    [drag.onPointerDown, drag.onPointerMove, drag.onPointerUp, drag.onPointerCancel, onBarKeyDown],
  );

  // Keep the same date at the left edge when zooming; open near today.
  const anchorDay = useRef<number | null>(null);
  const { startDay: axisStart, endDay: axisEnd } = geometry.axis;
  const { pxPerDay } = geometry;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (anchorDay.current === null) {
      // Today sits a little in from the left edge, with some of the recent past in view.
      const lead = Math.round(160 / pxPerDay);
      anchorDay.current = todayDay !== null && todayDay > axisStart && todayDay < axisEnd ? todayDay - lead : axisStart;
    }
    el.scrollLeft = Math.max(0, (anchorDay.current - axisStart) * pxPerDay);
  }, [axisStart, axisEnd, pxPerDay, todayDay]);

  // A newly selected bar may sit under the panel that just opened: bring it into view. The
  // scroll margins keep it clear of the sticky lane names and axis.
  useLayoutEffect(() => {
    if (!selectedId) return;
    const el = canvasRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(selectedId)}"]`);
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectedId]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el) anchorDay.current = axisStart + el.scrollLeft / pxPerDay;
  };

  const canvasPoint = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const onCanvasDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const { x, y } = canvasPoint(event);
    const band = bandAt(geometry, y);
    const day = nextWorkingDay(calendar, xToDay(geometry, x));
    onCreateAt(band && band.id !== NO_LANE ? band.id : null, fromDayNumber(day));
  };

  const preview = drag.preview;
  // Only bars near the view are in the DOM: style and layout of thousands of bars, most of
  // them off screen, cost more per edit than deriving the whole board. The selected and the
  // dragged bar always stay, so focus, scrolling to them and drags keep working.
  const view = useCanvasWindow(scrollRef, LANE_HEADER_WIDTH, geometry.header.height);
  const shown = useMemo(
    () => (view ? bars.filter((b) => b.item.id === selectedId || inWindow(view, b.box)) : []),
    [bars, view, selectedId],
  );
  const draggedBar = preview && !shown.some((b) => b.item.id === preview.itemId) ? byId.get(preview.itemId) : undefined;
  return (
    <div className="relative h-full">
      <div ref={scrollRef} onScroll={onScroll} className="h-full overflow-auto" data-testid="timeline">
        <div className="relative min-h-full" style={{ width: LANE_HEADER_WIDTH + geometry.width }}>
          <div className="sticky top-0 z-30 flex border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
            <div
              className="sticky left-0 z-20 shrink-0 border-r border-slate-200 bg-white text-[11px] font-medium uppercase tracking-wide text-slate-400 dark:border-slate-800 dark:bg-slate-950"
              style={{ width: LANE_HEADER_WIDTH, height: geometry.header.height }}
            >
              <span className="absolute left-4" style={{ top: geometry.header.phasesTop + 4 }}>Phases</span>
              <span className="absolute left-4" style={{ top: geometry.header.milestonesTop + 3 }}>Milestones</span>
              {/* The Today pill hangs below the axis; scrolled past the lane column, this keeps it off the lane names. */}
              <div aria-hidden className="absolute inset-x-0 top-full h-[11px] border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950" />
            </div>
            <TimelineHeader geometry={geometry} todayDay={todayDay} badges={decor.conflicts.badges} />
          </div>
          <div className="flex">
            <LaneHeaders bands={geometry.bands} counts={counts} dropLaneId={preview?.mode === "move" ? preview.laneId : null} />
            <div
              ref={canvasRef}
              className="relative isolate"
              style={{ width: geometry.width, height: geometry.lanesHeight }}
              onClick={() => onSelect(null)}
              onDoubleClick={onCanvasDoubleClick}
              data-testid="timeline-canvas"
              data-bar-count={bars.length}
            >
              <TimelineGrid geometry={geometry} nonWorkingDays={nonWorkingDays} todayDay={todayDay} />
              <DependencyArrows
                width={geometry.width}
                height={geometry.lanesHeight}
                bars={geometry.bars}
                dependencies={snapshot.dependencies}
                brokenLinks={decor.conflicts.brokenLinks}
                criticalLinks={decor.criticalLinks}
                criticalView={decor.criticalView}
                selectedId={selectedId}
              />
              {(draggedBar ? [...shown, draggedBar] : shown).map(({ item, span, band, box, dates, pinned, slack, emphasis, badge }) => {
                const dragging = preview?.itemId === item.id ? preview : null;
                const dragInfo = dragging ? dragView(geometry, calendar, dragging, item.duration, span, band.id) : null;
                return (
                  <ItemBar
                    key={item.id}
                    id={item.id}
                    laneId={band.id}
                    title={item.title}
                    status={item.status}
                    color={band.color}
                    left={box.left}
                    top={box.top}
                    width={box.width}
                    labelOutside={box.labelOutside}
                    start={span.start}
                    dates={dates}
                    pinned={pinned}
                    emphasis={emphasis}
                    slack={slack}
                    badgeSeverity={badge?.severity ?? null}
                    badgeCount={badge?.count ?? 0}
                    badgeText={badge?.text ?? ""}
                    selected={item.id === selectedId}
                    peer={peerSelections.get(item.id) ?? null}
                    drag={dragInfo}
                    readOnly={readOnly}
                    handlers={handlers}
                  />
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {snapshot.items.length === 0 && (
        // Outside the scrolling content so it stays centred in view however far one scrolls.
        <div
          className="pointer-events-none absolute right-0 flex items-center justify-center"
          style={{ left: LANE_HEADER_WIDTH, top: geometry.header.height, height: geometry.lanesHeight }}
        >
          <p className="rounded-lg bg-white/90 px-4 py-2 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900/90 dark:text-slate-300 dark:ring-slate-700">
            {readOnly ? (
              "Nothing planned yet."
            ) : (
              <>
                Nothing planned yet. Use <strong className="font-medium">Add item</strong>, or double-click a lane at a date.
              </>
            )}
          </p>
        </div>
      )}
    </div>
  );
}
