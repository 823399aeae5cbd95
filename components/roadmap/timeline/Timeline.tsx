"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type MouseEvent, type ReactNode, type RefObject } from "react";
import { NO_LANE, type BoardLayout } from "../../../lib/derive/boardLayout";
import { isWorkingDay, nextWorkingDay, type WorkCalendar } from "../../../lib/derive/calendar";
import type { LaneLoad } from "../../../lib/derive/laneLoad";
import type { ScheduledItem } from "../../../lib/derive/types";
import { fromDayNumber, type DateString } from "../../../lib/model/dates";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { BarContextMenu } from "./gestures/BarContextMenu";
import { barMenuEntries } from "./gestures/barMenuEntries";
import { sortBarsForReading } from "./gestures/barNavigation";
import type { ConflictIndex } from "../conflicts/conflictIndex";
import { describeSlack } from "../conflicts/conflictLabels";
import { DependencyArrows } from "./DependencyArrows";
import { dragView, resizedDuration, snapStart } from "./gestures/dragMath";
import { GestureOverlay } from "./gestures/GestureOverlay";
import { LANE_HEADER_WIDTH, bandAt, xToDay, type TimelineGeometry } from "./geometry";
import { ItemBar, type BarHandlers } from "./ItemBar";
import { formatShortDate } from "../labels";
import { LaneHeaders } from "./LaneHeaders";
import { LaneSummaries } from "./LaneSummaries";
import { TimelineGrid } from "./TimelineGrid";
import { TimelineHeader } from "./TimelineHeader";
import { useAutoScroll } from "./gestures/useAutoScroll";
import { daysInWindow } from "./axisWindow";
import { inWindow, useCanvasWindow, type CanvasWindow } from "./useCanvasWindow";
import { useCreateDrag } from "./gestures/useCreateDrag";
import { useItemDrag, type DragPreview } from "./gestures/useItemDrag";
import { useLinkDrag } from "./gestures/useLinkDrag";
import type { TimelineActions } from "../commands/useTimelineActions";
import { useBarKeyboard } from "./gestures/useBarKeyboard";
import { useTimelinePan } from "./gestures/useTimelinePan";

/** Most days-off stripes drawn; beyond, the stripes are left out. */
const MAX_DAY_STRIPES = 2_200;

/**
 * The days to shade as not worked, in the part of the axis in view (axisWindow.ts): at most a
 * few hundred days, however long the axis. Past MAX_DAY_STRIPES (a window wider than the
 * screens anyone has) none are drawn rather than thousands of elements.
 */
function daysOff(geometry: TimelineGeometry, calendar: WorkCalendar, view: CanvasWindow | null): number[] {
  if (geometry.pxPerDay < 12) return []; // at months and quarters, day stripes are noise
  const [from, to] = daysInWindow(geometry, view);
  const out: number[] = [];
  for (let d = from; d < to; d++) {
    if (isWorkingDay(calendar, d)) continue;
    if (out.push(d) > MAX_DAY_STRIPES) return [];
  }
  return out;
}

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
  /** Double-click (default duration) or a drag on empty lane space (the days dragged over). */
  onCreateAt: (laneId: string | null, start: DateString, duration?: number) => void;
  /** Links drawn between bars and the bar menu's commands. */
  actions: TimelineActions;
  /** Each lane's peak daily load against its capacity, for the lane headers. */
  laneLoads: ReadonlyMap<string, LaneLoad>;
  /** Folds or unfolds a lane on this viewer's screen (see useCollapsedLanes). */
  onToggleLane: (laneId: string) => void;
  /** What the derivation adds to the drawing: slack, pinned or placed, conflicts, the critical path. */
  decor: TimelineDecor;
  /** Bars can be selected and inspected but not moved, resized or created. */
  readOnly: boolean;
  /** The scrolling element, for presence (announcing and following viewports). */
  viewportRef?: RefObject<HTMLDivElement | null>;
  /** Drawn inside the canvas over the bars, in canvas pixels (others' cursors and drags). */
  overlay?: ReactNode;
  /** Told when a drag starts, moves a day or lane, and ends (null), so others can see it. */
  onDragPreview?: (preview: DragPreview | null) => void;
}

export interface TimelineDecor {
  scheduled: ReadonlyMap<string, ScheduledItem>;
  conflicts: ConflictIndex;
  criticalView: boolean;
  /** Dependency ids along a critical path. */
  criticalLinks: ReadonlySet<string>;
  /** Comments in open threads, by item or milestone id. */
  commentCounts: ReadonlyMap<string, number>;
  /** Clicking a milestone opens its comments; absent where comments cannot be read (guests). */
  onMilestoneComments?: (milestoneId: string) => void;
}

/** The scrolling timeline: sticky axis on top, sticky lane names on the left, bars on a canvas. */
export function Timeline(props: TimelineProps) {
  const { snapshot, layout, geometry, calendar, todayDay, selectedId, peerSelections, onSelect, onMove, onResize, onCreateAt } = props;
  const { decor, readOnly, overlay, onDragPreview, actions, laneLoads, onToggleLane } = props;
  const ownScrollRef = useRef<HTMLDivElement>(null);
  const scrollRef = props.viewportRef ?? ownScrollRef;
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
          spokenDates: `${formatShortDate(span.start)} to ${formatShortDate(span.finish)}`,
          pinned: scheduled?.pinned ?? item.start !== null,
          slack: scheduled ? describeSlack(scheduled.totalSlack) : "",
          emphasis,
          badge,
        },
      ];
    });
  }, [snapshot, layout, geometry, decor]);


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
  const { focusId, menu, closeMenu } = keys;

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
  }, [scrollRef, axisStart, axisEnd, pxPerDay, todayDay]);

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
  // them off screen, cost more per edit than deriving the whole board. The selected, the
  // focused and the dragged bar always stay, so focus, scrolling to them and drags keep
  // working. In reading order, so Tab goes lane by lane, row by row, left to right.
  const view = useCanvasWindow(scrollRef, LANE_HEADER_WIDTH, geometry.header.height);
  const nonWorkingDays = useMemo(() => daysOff(geometry, calendar, view), [geometry, calendar, view]);
  const menuId = menu?.itemId ?? null;
  const shown = useMemo(
    () =>
      view
        ? sortBarsForReading(
            bars.filter((b) => b.item.id === selectedId || b.item.id === focusId || b.item.id === menuId || inWindow(view, b.box)),
          )
        : [],
    [bars, view, selectedId, focusId, menuId],
  );
  const linkDraft = link.draft;
  const menuBar = menu ? byId.get(menu.itemId) : undefined;
  const draggedBar = preview && !shown.some((b) => b.item.id === preview.itemId) ? byId.get(preview.itemId) : undefined;
  return (
    <div className="relative h-full">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        className={`h-full overflow-auto ${pan === "active" ? "cursor-grabbing select-none" : pan === "ready" ? "cursor-grab" : ""}`}
        data-testid="timeline"
        data-pan={pan ?? undefined}
      >
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
            <TimelineHeader
              geometry={geometry}
              view={view}
              todayDay={todayDay}
              badges={decor.conflicts.badges}
              commentCounts={decor.commentCounts}
              onMilestoneComments={decor.onMilestoneComments}
            />
          </div>
          <div className="flex">
            <LaneHeaders
              bands={geometry.bands}
              loads={laneLoads}
              dropLaneId={preview?.mode === "move" ? preview.laneId : null}
              onToggle={onToggleLane}
            />
            <div
              ref={canvasRef}
              className="relative isolate"
              style={{ width: geometry.width, height: geometry.lanesHeight }}
              onClick={() => {
                // The click ending a drag that drew a new item must not unselect it.
                if (!create.consumeClick()) onSelect(null);
              }}
              onDoubleClick={onCanvasDoubleClick}
              onPointerDown={create.onPointerDown}
              data-testid="timeline-canvas"
              data-bar-count={bars.length}
            >
              <TimelineGrid geometry={geometry} view={view} nonWorkingDays={nonWorkingDays} todayDay={todayDay} />
              <LaneSummaries geometry={geometry} />
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
              {(draggedBar ? [...shown, draggedBar] : shown).map(({ item, span, band, box, dates, spokenDates, pinned, slack, emphasis, badge }) => {
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
                    duration={item.duration}
                    dates={dates}
                    spokenDates={spokenDates}
                    pinned={pinned}
                    emphasis={emphasis}
                    slack={slack}
                    badgeSeverity={badge?.severity ?? null}
                    badgeCount={badge?.count ?? 0}
                    badgeText={badge?.text ?? ""}
                    commentCount={decor.commentCounts.get(item.id) ?? 0}
                    selected={item.id === selectedId}
                    peer={peerSelections.get(item.id) ?? null}
                    drag={dragInfo}
                    linkState={
                      linkDraft?.targetId === item.id && linkDraft.verdict ? (linkDraft.verdict === "ok" ? "ok" : "refused") : null
                    }
                    linking={linkDraft?.fromId === item.id}
                    readOnly={readOnly}
                    handlers={handlers}
                  />
                );
              })}
              <GestureOverlay geometry={geometry} ghost={create.ghost} link={linkDraft} />
              {overlay}
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
                Nothing planned yet. Use <strong className="font-medium">Add item</strong>, or drag along a lane from a start date to an end date.
              </>
            )}
          </p>
        </div>
      )}
      {menu && menuBar && (
        <BarContextMenu
          title={menuBar.item.title}
          x={menu.x}
          y={menu.y}
          entries={barMenuEntries({
            itemId: menu.itemId,
            readOnly,
            dependencyCount: snapshot.dependencies.filter((d) => d.fromId === menu.itemId || d.toId === menu.itemId).length,
            actions,
            select: onSelect,
          })}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}
