"use client";

// Before anything that builds a zod schema: our CSP forbids eval, and zod probes for it while
// building object schemas (module evaluation follows import order).
import "../collab/zodWithoutEval";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { updateBoard } from "../../lib/model/boardCommands";
import { canComment, canEditRoadmap, canManageBoard, roleSchema, type Role } from "../../lib/protocol/roles";
import { CloseCode } from "../../lib/protocol/sync";
import { useBoardMembers } from "../comments/useBoardMembers";
import { useBoardThreads } from "../comments/useBoardThreads";
import type { CommentsBinding } from "../comments/useCommentsUi";
import { UserMenu, type AccountInfo } from "../auth/UserMenu";
import type { BoardSession } from "../collab/boardSession";
import type { SyncTokenOptions } from "../collab/syncTokenKeeper";
import { useBoardSession, useConnection, useOfflineState, usePeers, useSnapshot } from "../collab/useBoardSession";
import { useFollowController } from "../presence/usePresence";
import { RoadmapView } from "../roadmap/RoadmapView";
import { laneAccess, LaneAccessContext } from "../teams/laneAccess";
import { LaneRefusedDialog } from "../teams/LaneRefusedDialog";
import { TeamsContext } from "../teams/teamsContext";
import { useTeams } from "../teams/useTeams";
import type { MemberSummary } from "../../lib/protocol/appServices";
import { apiRequest } from "../ui/apiRequest";
import { CommitInput } from "../ui/CommitInput";
import { Logo } from "../ui/Logo";
import { setGuestShare } from "../live/guestShare";
import { linkEndedDetail, ShareLinkEnded } from "../share/ShareLinkEnded";
import { BoardActions } from "./BoardActions";
import { BoardLoading } from "./BoardLoading";
import { ConnectionBadge } from "./ConnectionBadge";
import { PresenceBar } from "./PresenceBar";
import { ReadOnlyBanner } from "./ReadOnlyBanner";
import { SyncBanner } from "./SyncBanner";
import { SessionBar } from "../workshop/SessionBar";
import { useWorkshopUi } from "../workshop/useWorkshopUi";
import { VoteContext } from "../workshop/voteContext";
import { WorkshopMenu } from "../workshop/WorkshopMenu";
import type { ScenarioView } from "../../lib/protocol/scenarios";
import { CompareScenarioDialog } from "../scenarios/CompareScenarioDialog";
import { ScenarioBanner } from "../scenarios/ScenarioBanner";
import { ScenarioSwitcher } from "../scenarios/ScenarioSwitcher";
import { boardPath } from "../scenarios/scenariosClient";
import { useScenarios } from "../scenarios/useScenarios";

interface BoardScreenProps {
  boardId: string;
  /** The title the server knows, shown until the document itself has synced. */
  initialTitle: string;
  /** The viewer's role, decided by the server; the sync server enforces it on every message. */
  role: Role;
  /** The signed-in account; null for a guest on a share link. */
  account: (AccountInfo & { id: string }) | null;
  /** A sync token for guests without a session cookie (share links), kept fresh while open. */
  syncToken?: SyncTokenOptions;
  /** A guest's share-link secret: it opens the reads guests may make (versions, the baseline) and the board's live notices. */
  guestSecret?: string;
  /** Set when this board is a scenario of a plan (docs/teams.md): marked everywhere as not the plan. */
  scenario?: (ScenarioView & { planRole: Role }) | null;
}

/** A board page: connects, shows who is here, and draws the roadmap once the first sync is in. */
export function BoardScreen({ boardId, initialTitle, role: initialRole, account, syncToken, guestSecret, scenario: initialScenario = null }: BoardScreenProps) {
  // Set while rendering, not in an effect: children's effects (the live notices, the versions
  // fetch) run before this component's, and must already carry the secret. Idempotent.
  if (guestSecret) setGuestShare(guestSecret);
  useEffect(() => (guestSecret ? () => setGuestShare(null) : undefined), [guestSecret]);
  // Members who may edit keep the board on this device for offline work; guests never do.
  const session = useBoardSession(boardId, {
    token: syncToken,
    offline: account ? { accountId: account.id, canEdit: canEditRoadmap(initialRole) } : undefined,
  });
  const connection = useConnection(session);
  const offline = useOfflineState(session);
  const snapshot = useSnapshot(session);
  const peers = usePeers(session);
  const follow = useFollowController(session);
  const role = useCurrentRole(session, initialRole, account !== null, connection.denied);
  // The server has the last word: a "permission denied" makes the board read-only even before
  // the new role is known here.
  const readOnly = !canEditRoadmap(role) || connection.denied !== null;

  const rename = useCallback(
    (title: string) => {
      if (title.trim()) updateBoard(session.doc, session.origin, { title: title.trim() });
    },
    [session],
  );
  const title = snapshot?.board.title ?? initialTitle;
  const members = useBoardMembers(boardId, account !== null);
  const comments = useCommentsBinding(boardId, account?.id ?? null, role, members);
  // Who owns which lane, and what that leaves this person to edit (docs/teams.md).
  const teams = useTeams(boardId, account !== null);
  const access = useMemo(() => laneAccess(teams.teams, role, account?.id ?? null, snapshot), [teams.teams, role, account, snapshot]);
  const teamTools = useMemo(() => ({ board: teams, members, canManage: account !== null && canManageBoard(role) }), [teams, members, account, role]);
  // Members take part in workshops; a guest on a share link watches the session bar (live events only).
  const closedCode = connection.closed?.code;
  // A guest whose link ended listens to nothing more (the server ended its notices too).
  const linkEnded = account === null && (closedCode === CloseCode.Forbidden || closedCode === CloseCode.NotFound);
  const workshop = useWorkshopUi(boardId, account?.id ?? null, role, account === null && guestSecret !== undefined && !linkEnded);
  const running = workshop?.binding.workshop ?? null;
  // Scenarios: the switcher (members), the banner on a scenario's page, the comparison on the plan's.
  const planId = initialScenario?.planId ?? boardId;
  const { scenarios } = useScenarios(planId, boardId, account !== null);
  const scenario = initialScenario ? (scenarios?.find((x) => x.id === boardId) ?? initialScenario) : null;
  // Who archives, reopens and discards is decided on the plan: an archived scenario is read-only to all.
  const managesScenario = initialScenario !== null && canEditRoadmap(initialScenario.planRole);
  const router = useRouter();
  const compareId = useSearchParams().get("compare");

  // A guest whose link was revoked (or whose board was deleted) has nothing left to see here:
  // no stale board that looks live, no promise of a reconnect.
  if (linkEnded) {
    return (
      <div className="flex h-dvh flex-col">
        <ShareLinkEnded heading="This share link no longer works" detail={linkEndedDetail(closedCode)} />
      </div>
    );
  }

  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      {/* From a phone up: the title takes what the people, the board menu and the account leave (BoardActions, Logo). */}
      <header
        data-scenario={scenario ? "" : undefined}
        className={`flex h-14 shrink-0 items-center gap-2 border-b px-2 sm:gap-3 sm:px-4 ${
          scenario
            ? "border-b-violet-300 border-t-4 border-t-violet-500 bg-violet-50 dark:border-b-violet-500/40 dark:bg-violet-950/40"
            : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        }`}
      >
        <Logo />
        <span aria-hidden className="hidden h-5 w-px bg-slate-200 sm:block dark:bg-slate-700" />
        {account && <ScenarioSwitcher planId={planId} currentId={boardId} scenarios={scenarios} canCreate={canEditRoadmap(role) && !scenario} />}
        {snapshot && !readOnly ? (
          // Looks like a field people can type in (a dashed outline and a pencil), since it is
          // one; the read-only title below has neither.
          <label className="group relative flex min-w-0 flex-1 items-center" title="Rename the board">
            <CommitInput
              aria-label="Board title"
              data-testid="board-title-input"
              value={snapshot.board.title}
              maxLength={200}
              validate={(draft) => (draft.trim() ? null : "A board needs a title. Type one, or press Escape to keep the one it had.")}
              onCommit={rename}
              className="w-full min-w-0 truncate rounded-md border border-dashed border-slate-300 bg-transparent py-1 pl-2 pr-7 text-base font-semibold outline-none hover:border-slate-400 hover:bg-slate-50 focus:border-solid focus:border-indigo-500 focus:bg-white dark:border-slate-600 dark:hover:bg-slate-800/60 dark:focus:bg-slate-950"
            />
            <svg aria-hidden viewBox="0 0 16 16" className="pointer-events-none absolute right-2 top-2 size-4 text-slate-500 group-focus-within:hidden dark:text-slate-400">
              <path d="M11.2 2.8l2 2L6 12H4v-2z M10 4l2 2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
            </svg>
          </label>
        ) : (
          <h1 data-testid="board-title" className="min-w-0 flex-1 truncate px-2 text-base font-semibold">
            {title}
          </h1>
        )}
        {readOnly && (
          <span
            data-testid="read-only-badge"
            // On a phone the banner under the header says it; the title keeps the room.
            className="hidden whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 sm:inline dark:bg-amber-500/15 dark:text-amber-200"
          >
            {role === "commenter" && account ? "Can comment" : "View only"}
          </span>
        )}
        <PresenceBar peers={peers} selfId={account?.id ?? null} follow={follow} canLead={!readOnly} announce={session.announce} />
        {workshop?.member && <WorkshopMenu ui={workshop} />}
        {account && <BoardActions boardId={boardId} title={title} role={role} selfId={account.id} doc={snapshot ? session.doc : null} origin={session.origin} />}
        <ConnectionBadge connection={connection} />
        <UserMenu account={account} />
      </header>
      {scenario && <ScenarioBanner scenario={scenario} canManage={managesScenario} />}
      {readOnly && !connection.closed && !(scenario && scenario.state !== "active") && (
        <ReadOnlyBanner role={role} guest={account === null} downgraded={canEditRoadmap(initialRole) && connection.loaded} />
      )}
      <SyncBanner connection={connection} offline={offline} />
      <LaneRefusedDialog closed={connection.closed} />
      {workshop && running && (
        <SessionBar
          binding={workshop.binding}
          workshop={running}
          selfId={workshop.selfId}
          member={workshop.member}
          facilitating={workshop.facilitating}
          panel={workshop.panel}
          onPanel={workshop.setPanel}
          onOpenVote={() => workshop.setDialog("vote")}
        />
      )}
      {snapshot ? (
        <VoteContext value={workshop?.vote ?? null}>
        <LaneAccessContext value={access}>
        <TeamsContext value={teamTools}>
        <RoadmapView
          session={session}
          snapshot={snapshot}
          peers={peers}
          readOnly={readOnly}
          comments={comments}
          follow={follow}
          history={account || guestSecret ? { canSetBaseline: account !== null && canManageBoard(role) } : null}
          workshop={workshop}
        />
        </TeamsContext>
        </LaneAccessContext>
        </VoteContext>
      ) : (
        <BoardLoading connection={connection} />
      )}
      {!scenario && compareId && snapshot && account && (
        <CompareScenarioDialog
          session={session}
          scenarioId={compareId}
          laneNames={new Map(snapshot.lanes.map((l) => [l.id as string, l.name]))}
          canAdopt={!readOnly}
          onClose={() => router.replace(boardPath(boardId))}
        />
      )}
    </div>
  );
}

/**
 * Comment threads for signed-in members (guests on a share link cannot read them), with the
 * thread an inbox link asks for (`?thread=<id>`).
 */
function useCommentsBinding(boardId: string, selfId: string | null, role: Role, members: MemberSummary[]): CommentsBinding | null {
  const { threads, error, actions } = useBoardThreads(boardId, selfId !== null);
  const initialThreadId = useSearchParams().get("thread");
  return useMemo(
    () =>
      selfId === null
        ? null
        : { threads, error, initialThreadId, context: { selfId, role, canComment: canComment(role), members, actions } },
    [selfId, threads, error, initialThreadId, role, members, actions],
  );
}

/**
 * The role to draw the board for. It starts as the server rendered it; when the sync server
 * says the connection became read-only (an owner downgraded us), or when the tab comes back
 * into focus (an owner may have upgraded us), it is re-read from the API.
 */
function useCurrentRole(session: BoardSession, initial: Role, member: boolean, denied: string | null): Role {
  const [role, setRole] = useState(initial);
  useEffect(() => {
    if (!member) return;
    let stale = false;
    const refresh = async () => {
      const result = await apiRequest<{ role?: unknown }>("GET", `/api/boards/${session.boardId}`);
      const parsed = result.ok ? roleSchema.safeParse(result.value.role) : null;
      if (stale || !parsed?.success) return;
      setRole(parsed.data);
      // Upgraded since the server last said "read-only": its verdict no longer holds.
      if (canEditRoadmap(parsed.data)) session.clearDenied();
    };
    if (denied !== null && canEditRoadmap(role)) void refresh();
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => {
      stale = true;
      window.removeEventListener("focus", onFocus);
    };
  }, [session, member, denied, role]);
  return role;
}
