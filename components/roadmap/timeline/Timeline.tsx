"use client";

import { useCallback, useMemo, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from "react";
import type { BoardLayout } from "../../../lib/derive/boardLayout";
import type { WorkCalendar } from "../../../lib/derive/calendar";
import type { LaneLoad } from "../../../lib/derive/laneLoad";
import type { ScheduledItem } from "../../../lib/derive/types";
import type { DateString } from "../../../lib/model/dates";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { TimelineActions } from "../commands/useTimelineActions";
import type { ConflictIndex } from "../conflicts/conflictIndex";
import { BaselineGhosts, BaselineMilestoneMarks } from "../history/BaselineGhosts";
import { ghostMilestones, slipLabel, slipTone, slipWords } from "../history/baselineGhosts";
import type { BaselineView } from "../history/useBaseline";
import { DependencyArrows } from "./DependencyArrows";
import type { DependencyRequestFacts } from "../../../lib/protocol/dependencyRequests";
import { EdgeMarkers } from "./EdgeMarkers";
import { BAR_HEIGHT, type TimelineGeometry } from "./geometry";
import { BarContextMenu } from "./gestures/BarContextMenu";
import { barMenuEntries } from "./gestures/barMenuEntries";
import { dragView } from "./gestures/dragMath";
import { GestureOverlay } from "./gestures/GestureOverlay";
import type { DragPreview } from "./gestures/useItemDrag";
import { useTimelineGestures } from "./gestures/useTimelineGestures";
import { VoteChip } from "../../workshop/VoteChip";
import { ProposalGhosts } from "../../proposals/ProposalGhosts";
import { ItemBar } from "./ItemBar";
import { LaneHeaders } from "./LaneHeaders";
import { LaneSummaries } from "./LaneSummaries";
import { PinNotice, type PinnedByDrop } from "./PinNotice";
import { timelineBars } from "./timelineBars";
import { TimelineGrid } from "./TimelineGrid";
import { TimelineHeader } from "./TimelineHeader";
import { useLaneColumn } from "./useLaneColumn";
import { useScrollAnchor } from "./useScrollAnchor";
import { useTimelineWindow } from "./useTimelineWindow";

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
  /** The board's baseline, drawn as ghosts under the bars with each slip; null when none or hidden. */
  baseline?: BaselineView | null;
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
  /** Dependency requests between teams, their arrows drawn by state; absent for guests. */
  requests?: readonly DependencyRequestFacts[];
}

/** The scrolling timeline: sticky axis on top, sticky lane names on the left, bars on a canvas. */
export function Timeline(props: TimelineProps) {
  const { snapshot, layout, geometry, calendar, todayDay, selectedId, peerSelections, onSelect, onMove, onResize, onCreateAt } = props;
  const { decor, readOnly, overlay, onDragPreview, actions, laneLoads, onToggleLane, baseline = null } = props;
  const ownScrollRef = useRef<HTMLDivElement>(null);
  const scrollRef = props.viewportRef ?? ownScrollRef;
  const canvasRef = useRef<HTMLDivElement>(null);
  const laneColumn = useLaneColumn();

  // Data: the bars to draw. Commands: the gestures that end in one. The rest of this file draws.
  const bars = useMemo(() => timelineBars(snapshot, layout, geometry, decor), [snapshot, layout, geometry, decor]);
  const byId = useMemo(() => new Map(bars.map((b) => [b.item.id as string, b])), [bars]);
  const [pinnedByDrop, setPinnedByDrop] = useState<PinnedByDrop | null>(null);
  const onPinnedByDrop = useCallback(
    (itemId: string, start: DateString) => setPinnedByDrop({ itemId, start, title: byId.get(itemId)?.item.title ?? "" }),
    [byId],
  );
  const clearPinned = useCallback(() => setPinnedByDrop(null), []);
  const gestures = useTimelineGestures({
    snapshot,
    geometry,
    calendar,
    byId,
    readOnly,
    scrollRef,
    canvasRef,
    onSelect,
    onMove,
    onResize,
    onCreateAt,
    actions,
    onDragPreview,
    onPinnedByDrop,
    laneColumnWidth: laneColumn.width,
  });
  const { preview, linkDraft, menu, pan } = gestures;
  const onScroll = useScrollAnchor(scrollRef, canvasRef, geometry, todayDay, selectedId);
  const { view, nonWorkingDays, shown } = useTimelineWindow(scrollRef, geometry, laneColumn.width, calendar, bars, { selectedId, focusId: gestures.focusId, menuId: menu?.itemId ?? null });

  // Memoised as an element: the header is memo'd, and a new element on every render (a drag
  // re-renders this component per pointer step) would redraw it each frame.
  const baselineMarks = useMemo(() => {
    const marks = baseline ? ghostMilestones(geometry, baseline.milestones) : [];
    return marks.length ? <BaselineMilestoneMarks marks={marks} milestonesTop={geometry.header.milestonesTop} /> : undefined;
  }, [baseline, geometry]);

  const menuBar = menu ? byId.get(menu.itemId) : undefined;
  const draggedBar = preview && !shown.some((b) => b.item.id === preview.itemId) ? byId.get(preview.itemId) : undefined;
  return (
    <div className="relative h-full" style={{ "--lane-column": `${laneColumn.width}px` } as CSSProperties}>
      <div
        ref={scrollRef}
        onScroll={onScroll}
        className={`h-full overflow-auto ${pan === "active" ? "cursor-grabbing select-none" : pan === "ready" ? "cursor-grab" : ""}`}
        data-testid="timeline"
        data-pan={pan ?? undefined}
        // Read by the PDF and PNG export (components/board/visibleDays.ts): the days on screen.
        data-axis-start={geometry.axis.startDay}
        data-px-per-day={geometry.pxPerDay}
        data-lane-column={laneColumn.width}
      >
        <div className="relative min-h-full" style={{ width: laneColumn.width + geometry.width }}>
          <div className="sticky top-0 z-30 flex border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
            <div
              className="sticky left-0 z-20 shrink-0 border-r border-slate-200 bg-white text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400 dark:bg-slate-950"
              style={{ width: laneColumn.width, height: geometry.header.height }}
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
              extra={baselineMarks}
            />
          </div>
          <div className="flex">
            <LaneHeaders
              bands={geometry.bands}
              loads={laneLoads}
              dropLaneId={preview?.mode === "move" ? preview.laneId : null}
              narrow={laneColumn.narrow}
              onToggle={onToggleLane}
            />
            <div
              ref={canvasRef}
              className="relative isolate"
              style={{ width: geometry.width, height: geometry.lanesHeight }}
              {...gestures.canvas}
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
                requests={decor.requests}
              />
              {baseline && <BaselineGhosts geometry={geometry} boxes={geometry.bars} baseline={baseline} view={view} />}
              <ProposalGhosts geometry={geometry} calendar={calendar} snapshot={snapshot} view={view} />
              {(draggedBar ? [...shown, draggedBar] : shown).map(({ item, span, band, box, dates, spokenDates, pinned, follows, slack, emphasis, badge }) => {
                const dragging = preview?.itemId === item.id ? preview : null;
                const slip = baseline?.items.get(item.id);
                const dragInfo = dragging ? dragView(geometry, calendar, dragging, item.duration, span, band.id, box.top) : null;
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
                    canTogglePin={!readOnly && (!pinned || follows)}
                    emphasis={emphasis}
                    slack={slack}
                    badgeSeverity={badge?.severity ?? null}
                    badgeCount={badge?.count ?? 0}
                    badgeText={badge?.text ?? ""}
                    commentCount={decor.commentCounts.get(item.id) ?? 0}
                    slip={slip ? slipLabel(slip.variance) : null}
                    slipTone={slip ? slipTone(slip.variance, slip.critical) : null}
                    slipWords={slip ? slipWords(slip.variance, slip.critical) : null}
                    selected={item.id === selectedId}
                    peer={peerSelections.get(item.id) ?? null}
                    drag={dragInfo}
                    linkState={
                      linkDraft?.targetId === item.id && linkDraft.verdict ? (linkDraft.verdict === "ok" ? "ok" : "refused") : null
                    }
                    linking={linkDraft?.fromId === item.id}
                    readOnly={readOnly}
                    handlers={gestures.handlers}
                  />
                );
              })}
              {/* Dot voting during a workshop: a chip beside each voted bar (not in it: a button in a button), after
                  its end, or before its start where the title is drawn after the end. */}
              {shown.map(({ item, box }) => (
                <VoteChip
                  key={`vote-${item.id}`}
                  itemId={item.id}
                  title={item.title}
                  className={`absolute z-20 -translate-y-1/2 ${box.labelOutside ? "-translate-x-full" : ""}`}
                  style={{ left: box.labelOutside ? box.left - 4 : box.left + box.width + 4, top: box.top + BAR_HEIGHT / 2 }}
                />
              ))}
              <GestureOverlay geometry={geometry} ghost={gestures.ghost} link={linkDraft} />
              {overlay}
            </div>
          </div>
        </div>
      </div>
      {snapshot.items.length === 0 && (
        // Outside the scrolling content so it stays centred in view however far one scrolls.
        <div
          className="pointer-events-none absolute right-0 flex items-center justify-center"
          style={{ left: laneColumn.width, top: geometry.header.height, height: geometry.lanesHeight }}
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
      <EdgeMarkers scrollRef={scrollRef} geometry={geometry} laneColumnWidth={laneColumn.width} titleOf={(id) => byId.get(id)?.item.title ?? ""} />
      {pinnedByDrop && (
        <PinNotice
          pinned={pinnedByDrop}
          onUnpin={readOnly ? null : () => actions.setPin(pinnedByDrop.itemId, null)}
          onDone={clearPinned}
        />
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
            pin: { pinned: menuBar.pinned, canToggle: !menuBar.pinned || menuBar.follows, start: menuBar.span.start },
            actions,
            select: onSelect,
          })}
          onClose={gestures.closeMenu}
        />
      )}
    </div>
  );
}
