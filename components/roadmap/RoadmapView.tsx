"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TimeScale } from "../../lib/model/schemas";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { BoardSession, Peer } from "../collab/boardSession";
import { ChangesSinceVisit } from "../board/ChangesSinceVisit";
import type { FollowController } from "../presence/followController";
import { INLINE_FROM } from "../ui/OverflowMenu";
import { PanelPlacementContext, usePanelPlacement } from "../ui/panelPlacement";
import { usePresenceView } from "../presence/usePresenceView";
import { BoardThreadsPanel } from "../comments/BoardThreadsPanel";
import { ObjectHistory } from "../history/ObjectHistory";
import { useCommentsUi, type CommentsBinding } from "../comments/useCommentsUi";
import { useBoardCommands } from "./commands/useBoardCommands";
import { ConflictsPanel } from "./conflicts/ConflictsPanel";
import { useBoardData } from "./data/useBoardData";
import { CompareDialog } from "./history/CompareDialog";
import { useBaseline } from "./history/useBaseline";
import { useBoardVersions } from "./history/useBoardVersions";
import { useGhostsShown } from "./history/useGhostsShown";
import { SelectedItemPanel } from "./itemPanel/SelectedItemPanel";
import { PhaseBoard } from "./phases/PhaseBoard";
import { BoardSetupDialog } from "./setup/BoardSetupDialog";
import { ItemTable } from "./table/ItemTable";
import { Timeline } from "./timeline/Timeline";
import { UnscheduledTray } from "./timeline/UnscheduledTray";
import { useCollapsedLanes } from "./timeline/useCollapsedLanes";
import { EditingControls } from "./toolbar/EditingControls";
import { RoadmapToolbar } from "./toolbar/RoadmapToolbar";
import { PresentationMode } from "./present/PresentationMode";
import { useSelection } from "./useSelection";
import { useItemFromUrl } from "./useItemFromUrl";
import { ReplayArea } from "./versions/ReplayArea";
import { useVersionsUi } from "./versions/useVersionsUi";
import { VersionsSidePanel } from "./versions/VersionsSidePanel";
import { useRoadmapView } from "./views/useRoadmapView";
import { ViewPanel } from "./views/ViewPanel";
import { BoardToast } from "./BoardToast";
import { OpenVoteDialog } from "../workshop/OpenVoteDialog";
import type { WorkshopUi } from "../workshop/useWorkshopUi";
import { WorkshopSidePanel } from "../workshop/WorkshopSidePanel";
import { useImportedToast } from "../io/useImportedToast";
import { ProposalsContext } from "../proposals/proposalsContext";
import { ProposalsPanel } from "../proposals/ProposalsPanel";
import { useProposalsUi } from "../proposals/useProposalsUi";
import type { ProposalDraft } from "../proposals/ProposeDialog";
import { ItemRequests } from "./requests/ItemRequests";
import { RequestDialog } from "./requests/RequestDialog";
import { RequestsPanel } from "./requests/RequestsPanel";
import { useDependencyRequests } from "./requests/useDependencyRequests";

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
  /** Versions, compare and the baseline; null for guests on a share link, who cannot read versions. */
  history?: { canSetBaseline: boolean } | null;
  /** The running workshop's panels and dialogs (components/workshop); null for guests. */
  workshop?: WorkshopUi | null;
}

const CRITICAL_HINT = "Highlight the work that drives the board's end and its deadlines; dim the rest";

/**
 * The board once loaded: toolbar, the chosen view, the side panels, the unscheduled tray. What
 * it draws comes from useBoardData, what it does from useBoardCommands; this file only lays
 * them out and keeps this viewer's choices (zoom, view, open panels).
 */
export function RoadmapView({ session, snapshot, peers, readOnly, comments, follow, history = null, workshop = null }: RoadmapViewProps) {
  // Zoom is a personal view choice: it starts at the board's scale but is not written back,
  // so one person zooming out in a workshop does not change everyone else's screen.
  const [scale, setScale] = useState<TimeScale>(snapshot.board.timeScale);
  const [presenting, setPresenting] = useState(false);
  const [view, setView] = useRoadmapView(follow);
  const [criticalView, setCriticalView] = useState(false);
  const [conflictsOpen, setConflictsOpen] = useState(false);
  const [setupOpen, setSetupOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  // Folded lanes are a personal view choice, like zoom (kept in this browser, per board).
  const lanes = useCollapsedLanes(session.boardId);

  const selection = useSelection(session, snapshot.items, rootRef);
  const { selectedId, select } = selection;
  useItemFromUrl(snapshot.items, selection.revealItem);
  const commentsUi = useCommentsUi(comments, snapshot, select);
  const { openAnchor, setItemTab } = commentsUi;
  const openMilestoneComments = useMemo(() => (comments ? (id: string) => openAnchor({ kind: "milestone", id }) : undefined), [comments, openAnchor]);
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

  // Dependency requests between teams (docs/teams.md): signed-in members only, like comments.
  const requests = useDependencyRequests(session.boardId, comments !== null);
  const [requestsOpen, setRequestsOpen] = useState(false);
  const [askingFor, setAskingFor] = useState<string | null>(null);
  const data = useBoardData({
    snapshot,
    peers,
    scale,
    collapsed: lanes.collapsed,
    criticalView,
    commentCounts: commentsUi.counts,
    onMilestoneComments: openMilestoneComments,
    requests: requests.shown,
  });
  const { geometry, decor, peerSelections } = data;
  const presence = usePresenceView(session, follow, geometry, scale, setScale, !readOnly);
  const versions = useBoardVersions(session.boardId, history !== null);
  const baseline = useBaseline(session.boardId, versions.baselineId, snapshot, data.derived);
  const [ghostsShown, setGhostsShown] = useGhostsShown(session.boardId);
  const [compareOpen, setCompareOpen] = useState(false);
  // Edits the lane rules stop offer to become proposals; the dialog lives with the proposals below.
  const proposeRef = useRef<(draft: ProposalDraft) => void>(() => {});
  const propose = useCallback((draft: ProposalDraft) => proposeRef.current(draft), []);
  const commands = useBoardCommands({ session, snapshot, calendar: data.calendar, geometry, todayDay: data.todayDay, selection, openItemComments, propose });
  const versionsUi = useVersionsUi(session, versions, commands.showNotice, select);
  // Proposals (docs/teams.md): members only; commenters and up propose.
  const proposals = useProposalsUi(
    session.boardId,
    snapshot,
    { signedIn: comments !== null, selfId: comments?.context.selfId ?? null, canPropose: comments?.context.canComment ?? false },
    commands.showNotice,
  );
  const [proposalsOpen, setProposalsOpen] = useState(false);
  useEffect(() => {
    proposeRef.current = proposals.ui.propose;
  }, [proposals.ui.propose]);
  const versionsOpen = history !== null && versionsUi.panelOpen;
  const replaying = history !== null && versionsUi.replay.active;
  const workshopPanel = workshop?.binding.workshop ? workshop.panel : null;
  const openPanels = Number(proposalsOpen) + Number(conflictsOpen) + Number(requestsOpen) + Number(comments !== null && commentsUi.panelOpen) + Number(selectedId !== null) + Number(versionsOpen) + Number(workshopPanel !== null);
  const placement = usePanelPlacement(areaRef, openPanels);
  useImportedToast(
    session.boardId,
    commands.showNotice,
    history !== null
      ? (versionId) => {
          versions.refresh();
          versionsUi.startReplay(versionId, placement);
        }
      : null,
    () => session.history.mark(),
  );

  return (
    <ProposalsContext value={proposals.ui}>
    <div ref={rootRef} data-read-only={readOnly} className="relative flex min-h-0 flex-1 flex-col">
      {presenting && <PresentationMode snapshot={snapshot} layout={data.layout} onClose={() => setPresenting(false)} />}
      <RoadmapToolbar
        onPresent={() => setPresenting(true)}
        view={view}
        onView={setView}
        scale={scale}
        onScale={presence.onUserScale}
        criticalView={criticalView}
        onCriticalView={setCriticalView}
        criticalHint={CRITICAL_HINT}
        criticalSummary={data.criticalSummary}
        counts={data.conflicts.counts}
        conflictsOpen={conflictsOpen}
        onToggleConflicts={() => setConflictsOpen((open) => !open)}
        // Over the past board there is nothing to add to or set up: "Back to now" first.
        onAddItem={readOnly || replaying ? undefined : commands.addItem}
        onSetup={readOnly || replaying ? undefined : () => setSetupOpen(true)}
        history={
          // The buttons have room from lg up (below, undo and redo stay on the keyboard); the keys and their help work at every width.
          <EditingControls
            session={session}
            readOnly={readOnly}
            scale={scale}
            onScale={presence.onUserScale}
            selectedId={selectedId}
            select={select}
            notify={commands.showNotice}
            onDeleted={commands.announceDeleted}
            className={INLINE_FROM.lg}
          />
        }
        versions={
          history
            ? { hasBaseline: versions.baselineId !== null, ghostsShown, onGhostsShown: setGhostsShown, baselineError: baseline.error, onCompare: () => setCompareOpen(true) }
            : undefined
        }
        versionsPanel={history ? { open: versionsUi.panelOpen, onToggle: versionsUi.toggle } : undefined}
        proposals={
          comments && (proposals.ui.canPropose || proposals.ui.open.length > 0 || proposalsOpen)
            ? { open: proposals.ui.open.length, panelOpen: proposalsOpen, onToggle: () => setProposalsOpen((o) => !o) }
            : undefined
        }
        comments={
          comments
            ? { openThreads: (comments.threads ?? []).filter((t) => !t.resolvedAt).length, open: commentsUi.panelOpen, onToggle: commentsUi.togglePanel }
            : undefined
        }
        requests={comments ? { waiting: requests.actionable, open: requestsOpen, onToggle: () => setRequestsOpen((open) => !open) } : undefined}
      />
      {presence.banner}
      <div ref={areaRef} className="relative flex min-h-0 flex-1">
        <PanelPlacementContext value={placement}>
          {replaying ? (
            // The past in place of the view: the live board is one "Back to now" away.
            <ReplayArea ui={versionsUi} canEdit={!readOnly} scale={scale} collapsed={lanes.collapsed} />
          ) : (
            <ViewPanel
              view={view}
              phases={
                <PhaseBoard
                  snapshot={snapshot}
                  phaseSpans={data.phaseSpans}
                  decor={decor}
                  selectedId={selectedId}
                  peerSelections={peerSelections}
                  onSelect={select}
                  onMoveCard={commands.moveCard}
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
                  baseline={baseline.view}
                />
              }
            >
              <Timeline
                snapshot={snapshot}
                layout={data.layout}
                geometry={geometry}
                calendar={data.calendar}
                todayDay={data.todayDay}
                selectedId={selectedId}
                peerSelections={peerSelections}
                onSelect={select}
                onMove={commands.move}
                onResize={commands.resize}
                onCreateAt={commands.createAt}
                actions={commands.timelineActions}
                laneLoads={data.loads}
                onToggleLane={lanes.toggle}
                decor={decor}
                readOnly={readOnly}
                viewportRef={presence.scrollRef}
                overlay={presence.overlay}
                onDragPreview={presence.onDragPreview}
                baseline={ghostsShown ? baseline.view : null}
              />
              {presence.pill}
            </ViewPanel>
          )}
          {conflictsOpen && (
            <ConflictsPanel
              index={data.conflicts}
              snapshot={snapshot}
              onReveal={selection.revealConflict}
              onApplyFix={readOnly ? undefined : commands.applyFix}
              chainFix={readOnly ? undefined : commands.chainFix}
              onClose={() => setConflictsOpen(false)}
            />
          )}
          {proposalsOpen && comments && <ProposalsPanel snapshot={snapshot} onClose={() => setProposalsOpen(false)} />}
          {comments && requestsOpen && (
            <RequestsPanel requests={requests} snapshot={snapshot} onReveal={selection.revealItem} onClose={() => setRequestsOpen(false)} />
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
              milestoneHistory={(id) => <ObjectHistory boardId={session.boardId} objectId={id} objectKind="milestone" snapshot={snapshot} />}
            />
          )}
          {workshop && workshopPanel && (
            <WorkshopSidePanel ui={workshop} panel={workshopPanel} snapshot={snapshot} session={session} onSelectItem={selection.revealItem} notify={commands.showNotice} />
          )}
          {versionsOpen && <VersionsSidePanel ui={versionsUi} can={{ edit: !readOnly, manage: history?.canSetBaseline ?? false }} placement={placement} />}
          {selectedId && (
            <SelectedItemPanel
              itemId={selectedId}
              fresh={selection.freshId === selectedId}
              session={session}
              snapshot={snapshot}
              data={data}
              commands={commands}
              readOnly={readOnly}
              comments={comments}
              commentsUi={commentsUi}
              onClose={() => select(null)}
              baseline={baseline.view}
              onRequest={comments && !readOnly && !replaying ? () => setAskingFor(selectedId) : undefined}
              itemRequests={comments ? <ItemRequests itemId={selectedId} requests={requests.requests} snapshot={snapshot} onOpen={() => setRequestsOpen(true)} /> : undefined}
            />
          )}
        </PanelPlacementContext>
      </div>
      {comments && <ChangesSinceVisit boardId={session.boardId} items={snapshot.items} onSelectItem={selection.revealItem} onOpenThread={commentsUi.openThread} />}
      {view === "timeline" && !replaying && <UnscheduledTray items={data.unscheduled} lanes={snapshot.lanes} selectedId={selectedId} onSelect={select} />}
      {commands.notice && <BoardToast notice={commands.notice} session={session} onDone={commands.dismissNotice} onMessage={commands.showNotice} />}
      {compareOpen && history && (
        <CompareDialog
          boardId={session.boardId}
          snapshot={snapshot}
          versions={versions}
          canSetBaseline={history.canSetBaseline}
          onSelectItem={(itemId) => {
            setCompareOpen(false);
            selection.revealItem(itemId);
          }}
          onClose={() => setCompareOpen(false)}
        />
      )}
      {workshop?.dialog === "vote" && workshop.facilitating && (
        <OpenVoteDialog snapshot={snapshot} selectedId={selectedId} openVote={workshop.binding.actions.openVote} onClose={() => workshop.setDialog(null)} />
      )}
      {askingFor && (
        <RequestDialog
          itemId={askingFor}
          snapshot={snapshot}
          suggestedDate={data.scheduled.get(askingFor)?.start ?? null}
          ask={requests.ask}
          onDone={(message) => {
            setAskingFor(null);
            commands.showNotice(message);
          }}
          onClose={() => setAskingFor(null)}
        />
      )}
      {setupOpen && !readOnly && <BoardSetupDialog snapshot={snapshot} doc={session.doc} origin={session.origin} onClose={() => setSetupOpen(false)} />}
      {proposals.dialogs}
    </div>
    </ProposalsContext>
  );
}
