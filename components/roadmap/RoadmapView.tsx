"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { BoardLayouter } from "../../lib/derive/boardLayout";
import { makeCalendar, nextWorkingDay } from "../../lib/derive/calendar";
import { laneLoads } from "../../lib/derive/laneLoad";
import type { Conflict } from "../../lib/derive/types";
import { fromDayNumber, toDayNumber, type DateString } from "../../lib/model/dates";
import type { TimeScale } from "../../lib/model/schemas";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { BoardSession, Peer } from "../collab/boardSession";
import { indexConflicts } from "./conflicts/conflictIndex";
import { ConflictsPanel } from "./conflicts/ConflictsPanel";
import { criticalLinkIds } from "./data/criticalLinks";
import { DependencySection } from "./itemPanel/DependencySection";
import { EditingControls } from "./toolbar/EditingControls";
import { timelineGeometry } from "./timeline/geometry";
import { formatLongDate } from "./labels";
import { ItemDescription } from "./itemPanel/ItemDescription";
import { ItemPanel } from "./itemPanel/ItemPanel";
import { BoardSetupDialog } from "./setup/BoardSetupDialog";
import { RoadmapToolbar } from "./toolbar/RoadmapToolbar";
import { ScheduleFacts } from "./itemPanel/ScheduleFacts";
import { Timeline, type TimelineDecor } from "./timeline/Timeline";
import { UnscheduledTray } from "./timeline/UnscheduledTray";
import { useCollapsedLanes } from "./timeline/useCollapsedLanes";
import { useDependencyActions } from "./commands/useDependencyActions";
import { useDerivedBoard } from "./data/useDerivedBoard";
import { useFixAction } from "./conflicts/useFixAction";
import { useItemCommands } from "./commands/useItemCommands";
import { useTimelineActions } from "./commands/useTimelineActions";
import { useToday } from "./data/useToday";
import { PhaseBoard } from "./phases/PhaseBoard";
import { useMoveCard } from "./phases/useMoveCard";
import { ItemTable } from "./table/ItemTable";
import { useRoadmapView } from "./views/useRoadmapView";
import { ViewPanel } from "./views/ViewPanel";
import { ChangesSinceVisit } from "../board/ChangesSinceVisit";
import { timed } from "../collab/timing";
import type { FollowController } from "../presence/followController";
import { usePresenceView } from "../presence/usePresenceView";
import { AnchorThreads } from "../comments/AnchorThreads";
import { BoardThreadsPanel } from "../comments/BoardThreadsPanel";
import { useCommentsUi, type CommentsBinding } from "../comments/useCommentsUi";

interface RoadmapViewProps {
  session: BoardSession;
  snapshot: BoardSnapshot;
  peers: Peer[];
  /** Commenters, viewers and guests: everything is shown, nothing can be changed. */
  readOnly: boolean;
  /** Comment threads; null for guests on a share link. */
  comments: CommentsBinding | null;
  /** Whom this person follows, shared with the avatars in the header. */
  follow: FollowController;
}

const NEW_ITEM_DURATION = 5;
const NO_CONFLICTS: readonly Conflict[] = [];

/** The board once loaded: toolbar, timeline, the selected item's panel, the unscheduled tray. */
export function RoadmapView({ session, snapshot, peers, readOnly, comments, follow }: RoadmapViewProps) {
  // Zoom is a personal view choice: it starts at the board's scale but is not written back,
  // so one person zooming out in a workshop does not change everyone else's screen.
  const [scale, setScale] = useState<TimeScale>(snapshot.board.timeScale);
  const [view, setView] = useRoadmapView(follow);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [freshId, setFreshId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [criticalView, setCriticalView] = useState(false);
  const [conflictsOpen, setConflictsOpen] = useState(false);
  const [setupOpen, setSetupOpen] = useState(false);
  const [reveal, setReveal] = useState<{ id: string; seq: number } | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement>(null);
  const today = useToday();

  // `today` is null only while server-rendering, which never draws a synced board; the
  // horizon's start keeps the derivation total rather than special-casing it.
  const derived = useDerivedBoard(snapshot, today ?? snapshot.board.horizonStart);
  const { schedule } = derived;
  const calendar = useMemo(() => makeCalendar(snapshot.board), [snapshot.board]);
  // Bars come from the schedule; one layouter per view keeps the rows of lanes that did not change.
  const [layouter] = useState(() => new BoardLayouter());
  const layout = useMemo(
    () => timed("waymark:layout", () => layouter.layout(snapshot, schedule, derived.phaseSpans)),
    [layouter, snapshot, schedule, derived.phaseSpans],
  );
  const dependencyIds = useMemo(() => new Set<string>(snapshot.dependencies.map((d) => d.id)), [snapshot.dependencies]);
  const conflicts = useMemo(() => indexConflicts(derived.conflicts, dependencyIds), [derived.conflicts, dependencyIds]);
  const scheduled = useMemo(() => new Map(schedule.items.map((s) => [s.itemId as string, s])), [schedule.items]);
  const criticalLinks = useMemo(() => criticalLinkIds(schedule, snapshot.dependencies), [schedule, snapshot.dependencies]);
  // Folded lanes are a personal view choice, like zoom (kept in this browser, per board).
  const lanes = useCollapsedLanes(session.boardId);
  const geometry = useMemo(
    () => timed("waymark:geometry", () => timelineGeometry(snapshot, layout, scale, lanes.collapsed)),
    [snapshot, layout, scale, lanes.collapsed],
  );
  const loads = useMemo(() => timed("waymark:laneLoads", () => laneLoads(snapshot, schedule, calendar)), [snapshot, schedule, calendar]);
  const todayDay = today ? toDayNumber(today) : null;
  const presence = usePresenceView(session, follow, geometry, scale, setScale);

  useEffect(() => session.setSelection(selectedId), [session, selectedId]);
  useEffect(() => () => clearTimeout(noticeTimer.current), []);

  const showNotice = useCallback((message: string) => {
    setNotice(message);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), 5000);
  }, []);
  const commands = useItemCommands(session.doc, session.origin, showNotice);
  const dependencyActions = useDependencyActions(session.doc, session.origin);
  const applyFix = useFixAction(session.doc, session.origin);
  const moveCard = useMoveCard(session.doc, session.origin, showNotice);

  const peerSelections = useMemo(() => {
    const out = new Map<string, { name: string; color: string }>();
    for (const peer of peers) if (!peer.isLocal && peer.selection) out.set(peer.selection, { name: peer.name, color: peer.color });
    return out;
  }, [peers]);

  const select = useCallback((itemId: string | null) => {
    setSelectedId(itemId);
    setFreshId(null);
  }, []);

  const commentsUi = useCommentsUi(comments, snapshot, select);
  const { counts: commentCounts, openAnchor } = commentsUi;
  const openMilestoneComments = useMemo(
    () => (comments ? (id: string) => openAnchor({ kind: "milestone", id }) : undefined),
    [comments, openAnchor],
  );
  const decor: TimelineDecor = useMemo(
    () => ({ scheduled, conflicts, criticalView, criticalLinks, commentCounts, onMilestoneComments: openMilestoneComments }),
    [scheduled, conflicts, criticalView, criticalLinks, commentCounts, openMilestoneComments],
  );

  const createAt = useCallback(
    (laneId: string | null, start: DateString, duration = NEW_ITEM_DURATION) => {
      const id = commands.create({ title: "New item", laneId, start, duration, status: "planned" });
      if (id) {
        setSelectedId(id);
        setFreshId(id);
      }
    },
    [commands],
  );

  const addItem = () => {
    const { startDay, endDay } = geometry.axis;
    const horizonStart = toDayNumber(snapshot.board.horizonStart);
    const base = todayDay !== null && todayDay >= startDay && todayDay < endDay ? todayDay : horizonStart;
    createAt(snapshot.lanes[0]?.id ?? null, fromDayNumber(nextWorkingDay(calendar, base)));
  };

  // A conflict clicked in the panel: select the first item it names (or point at its
  // milestone) and scroll there, even when that item was already selected.
  const revealConflict = useCallback(
    (conflict: Conflict) => {
      const itemIds = new Set<string>(snapshot.items.map((i) => i.id));
      const target = conflict.objectIds.find((id) => itemIds.has(id)) ?? conflict.objectIds[0];
      if (!target) return;
      if (itemIds.has(target)) select(target);
      setReveal((r) => ({ id: target, seq: (r?.seq ?? 0) + 1 }));
    },
    [snapshot.items, select],
  );
  useLayoutEffect(() => {
    if (!reveal) return;
    const id = CSS.escape(reveal.id);
    const el = rootRef.current?.querySelector<HTMLElement>(
      `[data-testid="item-bar"][data-item-id="${id}"], [data-testid="unscheduled-item"][data-item-id="${id}"], [data-milestone-id="${id}"]`,
    );
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [reveal]);

  const forget = useCallback((itemId: string) => setSelectedId((current) => (current === itemId ? null : current)), []);
  const { setItemTab } = commentsUi;
  const openItemComments = useMemo(
    () =>
      comments
        ? (itemId: string) => {
            select(itemId);
            setItemTab("comments");
          }
        : undefined,
    [comments, select, setItemTab],
  );
  const timelineActions = useTimelineActions(session.doc, session.origin, { select, forget, onError: showNotice, openComments: openItemComments });

  const resize = useCallback((itemId: string, duration: number) => commands.update(itemId, { duration }), [commands]);

  const unscheduled = useMemo(() => {
    const ids = new Set<string>(schedule.unscheduled);
    return snapshot.items.filter((i) => ids.has(i.id));
  }, [snapshot.items, schedule.unscheduled]);

  const selectedItem = selectedId ? snapshot.items.find((i) => i.id === selectedId) : undefined;
  const criticalHint = "Highlight the work that drives the board's end and its deadlines; dim the rest";
  const criticalSummary = useMemo(() => {
    const count = schedule.items.filter((s) => s.critical).length;
    const end = schedule.boardFinish ? ` · board ends ${formatLongDate(schedule.boardFinish)}` : "";
    return `${count} critical item${count === 1 ? "" : "s"}${end}`;
  }, [schedule]);

  return (
    <div ref={rootRef} data-read-only={readOnly} className="relative flex min-h-0 flex-1 flex-col">
      <RoadmapToolbar
        view={view}
        onView={setView}
        scale={scale}
        onScale={presence.onUserScale}
        criticalView={criticalView}
        onCriticalView={setCriticalView}
        criticalHint={criticalHint}
        criticalSummary={criticalSummary}
        counts={conflicts.counts}
        conflictsOpen={conflictsOpen}
        onToggleConflicts={() => setConflictsOpen((open) => !open)}
        onAddItem={readOnly ? undefined : addItem}
        onSetup={readOnly ? undefined : () => setSetupOpen(true)}
        history={
          <EditingControls session={session} readOnly={readOnly} scale={scale} onScale={presence.onUserScale} selectedId={selectedId} select={select} notify={showNotice} />
        }
        comments={
          comments
            ? { openThreads: (comments.threads ?? []).filter((t) => !t.resolvedAt).length, open: commentsUi.panelOpen, onToggle: commentsUi.togglePanel }
            : undefined
        }
      />
      {presence.banner}
      <div className="flex min-h-0 flex-1">
        <ViewPanel
          view={view}
          phases={
            <PhaseBoard
              snapshot={snapshot}
              phaseSpans={derived.phaseSpans}
              decor={decor}
              selectedId={selectedId}
              peerSelections={peerSelections}
              onSelect={select}
              onMoveCard={moveCard}
              readOnly={readOnly}
            />
          }
          table={
            <ItemTable
              snapshot={snapshot}
              decor={decor}
              selectedId={selectedId}
              peerSelections={peerSelections}
              onSelect={select}
              onUpdate={commands.update}
              readOnly={readOnly}
            />
          }
        >
          <Timeline
            snapshot={snapshot}
            layout={layout}
            geometry={geometry}
            calendar={calendar}
            todayDay={todayDay}
            selectedId={selectedId}
            peerSelections={peerSelections}
            onSelect={select}
            onMove={commands.move}
            onResize={resize}
            onCreateAt={createAt}
            actions={timelineActions}
            laneLoads={loads}
            onToggleLane={lanes.toggle}
            decor={decor}
            readOnly={readOnly}
            viewportRef={presence.scrollRef}
            overlay={presence.overlay}
            onDragPreview={presence.onDragPreview}
          />
          {presence.pill}
        </ViewPanel>
        {conflictsOpen && (
          <ConflictsPanel
            index={conflicts}
            snapshot={snapshot}
            onReveal={revealConflict}
            onApplyFix={readOnly ? undefined : applyFix}
            onClose={() => setConflictsOpen(false)}
          />
        )}
        {comments && commentsUi.panelOpen && (
          <BoardThreadsPanel
            threads={comments.threads}
            error={comments.error}
            context={comments.context}
            snapshot={snapshot}
            focus={commentsUi.focus}
            focusThreadId={commentsUi.focusThreadId}
            onFocus={commentsUi.openAnchor}
            onOpenItem={commentsUi.openItemThread}
            onClose={commentsUi.closePanel}
          />
        )}
        {selectedId && (
          <ItemPanel
            itemId={selectedId}
            item={selectedItem}
            lanes={snapshot.lanes}
            phases={snapshot.phases}
            milestones={snapshot.milestones}
            calendar={calendar}
            scheduled={scheduled.get(selectedId)}
            hasPredecessors={snapshot.dependencies.some((d) => d.toId === selectedId)}
            autoFocusTitle={freshId === selectedId}
            readOnly={readOnly}
            onUpdate={commands.update}
            onDelete={(id) => {
              commands.remove(id);
              select(null);
            }}
            onClose={() => select(null)}
            description={<ItemDescription key={selectedId} session={session} itemId={selectedId} readOnly={readOnly} />}
            comments={
              comments
                ? {
                    tab: commentsUi.itemTab,
                    onTab: commentsUi.setItemTab,
                    count: commentCounts.get(selectedId) ?? 0,
                    content: (
                      <AnchorThreads
                        anchor={{ kind: "item", id: selectedId }}
                        threads={commentsUi.anchorThreads({ kind: "item", id: selectedId })}
                        context={comments.context}
                        focusThreadId={commentsUi.focusThreadId}
                        noun="this item"
                      />
                    ),
                  }
                : undefined
            }
          >
            <ScheduleFacts scheduled={scheduled.get(selectedId)} conflicts={conflicts.byObject.get(selectedId) ?? NO_CONFLICTS} />
            <DependencySection
              itemId={selectedId}
              items={snapshot.items}
              dependencies={snapshot.dependencies}
              brokenLinks={conflicts.brokenLinks}
              actions={dependencyActions}
              readOnly={readOnly}
            />
          </ItemPanel>
        )}
      </div>
      {comments && (
        <ChangesSinceVisit
          boardId={session.boardId}
          items={snapshot.items}
          onSelectItem={(id) => {
            select(id);
            setReveal((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
          }}
          onOpenThread={commentsUi.openThread}
        />
      )}
      {view === "timeline" && <UnscheduledTray items={unscheduled} lanes={snapshot.lanes} selectedId={selectedId} onSelect={select} />}
      {notice && (
        <div
          role="status"
          className="absolute bottom-16 left-1/2 z-50 -translate-x-1/2 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
        >
          {notice}
        </div>
      )}
      {setupOpen && !readOnly && <BoardSetupDialog snapshot={snapshot} doc={session.doc} origin={session.origin} onClose={() => setSetupOpen(false)} />}
    </div>
  );
}
