import type { BoardId, UserId } from "../model/ids";
import type { Result } from "../model/result";
import type { ChangesSummary, CommentAnchor, CommentView, InboxView, ThreadView } from "./comments";
import type { BoardHistoryPage, ObjectHistoryPage } from "./history";
import type { Principal, Role } from "./roles";
import type { PastBoard, VersionList, VersionView } from "./versions";
import type { ExportFormat, ImportOutcome, ImportQuery, RenderQuery } from "./importExport";
import type { BoardSnapshot } from "../model/snapshot";
import type { BoardComparison } from "../history/types";
import type { DraftView, WorkshopRecord, WorkshopSummary, WorkshopView } from "./workshops";
import type { CalendarFeedSummary, TemplateCard, TemplateGallery } from "./templates";
import type { AdoptOutcome, ScenarioComparison, ScenarioView } from "./scenarios";
import type { TeamsView } from "./teams";
import type { ProposalView } from "./proposals";
import type { DependencyRequestView, RequestAction } from "./dependencyRequests";

/**
 * What the Next.js routes may ask of the server process. The custom server registers an
 * implementation on globalThis at start-up; route handlers look it up here. This keeps app/
 * free of server/ imports (Next bundles app/ separately, so a module-level singleton would not
 * be shared, but globalThis is).
 *
 * Every call that touches a board takes the acting user and checks the role itself: routes
 * cannot forget a check. Failures are values that map one-to-one onto HTTP statuses.
 */
export interface BoardSummary {
  id: BoardId;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface UserSummary {
  id: UserId;
  email: string;
  name: string;
}

export interface MemberSummary extends UserSummary {
  role: Role;
}

export interface InvitationSummary {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  /** Null for invitations from before links expired: they cannot be accepted until resent. */
  expiresAt: string | null;
}

/** What an invitation link shows before it is accepted: shown to whoever holds the secret. */
export interface InvitationPreview {
  boardTitle: string;
  role: Role;
  /** The address the invitation was mailed to. */
  email: string;
  inviter: string;
  expiresAt: string;
}

export interface ShareLinkSummary {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

/** 401 unauthorized, 403 forbidden, 404 not-found (also for boards the actor may not see), 409 conflict, 422 invalid, 429 too-many. */
export type ServiceErrorKind = "unauthorized" | "forbidden" | "not-found" | "conflict" | "invalid" | "too-many";
export interface ServiceError {
  kind: ServiceErrorKind;
  message: string;
}
export type ServiceResult<T> = Result<T, ServiceError>;

export const HTTP_STATUS: Record<ServiceErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  invalid: 422,
  "too-many": 429,
};

export interface AppServices {
  /**
   * Creates an account. The answer for an address that already has an account is the same as
   * for a new one (its owner is told by mail instead), so sign-up never reveals who has an
   * account; invalid input and weak passwords are refused with the reason.
   */
  signUp(input: { email: string; name: string; password: string }): Promise<ServiceResult<{ status: "accepted" }>>;
  /** Null when the email is unknown or the password wrong (callers must not say which). */
  verifyCredentials(email: string, password: string): Promise<UserSummary | null>;
  /**
   * GitHub/Google sign-in: finds the account by email or creates one without a password. Only
   * for an email the provider vouches for (see oauthVouchedEmail): it may link to an existing
   * password account.
   */
  upsertOAuthUser(input: { email: string; name: string }): Promise<UserSummary>;
  getUser(id: UserId): Promise<UserSummary | null>;
  /** Whether mentions and replies are also mailed to the actor. */
  mailPreferences(actor: UserId): Promise<{ commentMail: boolean }>;
  setMailPreferences(actor: UserId, input: { commentMail: boolean }): Promise<ServiceResult<{ commentMail: boolean }>>;

  listBoards(actor: UserId): Promise<(BoardSummary & { role: Role })[]>;
  /**
   * Creates a board owned by the actor from a template of their gallery (lib/protocol/templates.ts;
   * the empty method board when none is named); invalid for a template not in their gallery.
   */
  createBoard(actor: UserId, input: { title: string; template?: string | undefined }): Promise<ServiceResult<BoardSummary>>;
  /**
   * The board and the actor's role, or not-found when it does not exist or the actor may not see
   * it. A scenario (docs/teams.md) comes with `scenario` set, and the actor's role on its plan
   * (which decides who archives, reopens and adopts; an archived scenario is read-only to all).
   */
  openBoard(actor: Principal, boardId: BoardId): Promise<ServiceResult<{ board: BoardSummary; role: Role; scenario?: ScenarioView & { planRole: Role } }>>;
  deleteBoard(actor: UserId, boardId: BoardId): Promise<ServiceResult<void>>;

  listMembers(actor: UserId, boardId: BoardId): Promise<ServiceResult<{ members: MemberSummary[]; invitations: InvitationSummary[] }>>;
  /**
   * Invites by email: an invitation with a secret link is mailed, whether or not the address has
   * an account (the answer is the same either way); accepting needs the link.
   */
  invite(actor: UserId, boardId: BoardId, input: { email: string; role: Role }): Promise<ServiceResult<{ status: "invited" }>>;
  /** Mails a pending invitation again with a new link (the old one stops working) and a new expiry. */
  resendInvitation(actor: UserId, boardId: BoardId, invitationId: string): Promise<ServiceResult<void>>;
  /** What an invitation link offers; not-found when the secret is unknown, used, withdrawn or expired. */
  previewInvitation(secret: string): Promise<ServiceResult<InvitationPreview>>;
  /** Accepts an invitation for the signed-in actor: the secret is the proof the mail reached them. */
  acceptInvitation(actor: UserId, secret: string): Promise<ServiceResult<{ boardId: BoardId }>>;
  changeRole(actor: UserId, boardId: BoardId, userId: UserId, role: Role): Promise<ServiceResult<void>>;
  removeMember(actor: UserId, boardId: BoardId, userId: UserId): Promise<ServiceResult<void>>;
  revokeInvitation(actor: UserId, boardId: BoardId, invitationId: string): Promise<ServiceResult<void>>;

  listShareLinks(actor: UserId, boardId: BoardId): Promise<ServiceResult<ShareLinkSummary[]>>;
  /** A view-only link; the secret is returned once and only its hash is stored. */
  createShareLink(actor: UserId, boardId: BoardId): Promise<ServiceResult<ShareLinkSummary & { secret: string }>>;
  revokeShareLink(actor: UserId, boardId: BoardId, linkId: string): Promise<ServiceResult<void>>;
  /** The guest principal and board a share-link secret grants, or null when unknown or revoked. */
  resolveShareLink(secret: string): Promise<{ principal: Principal; boardId: BoardId } | null>;

  /** A short-lived signed token that authenticates a websocket for one board (guests, non-browser clients). */
  mintSyncToken(actor: Principal, boardId: BoardId): Promise<ServiceResult<{ token: string; expiresAt: string }>>;

  // Comments (every member may read; owners, editors and commenters may write). Author and time
  // are the server's: the actor, and the server clock.
  listThreads(actor: UserId, boardId: BoardId): Promise<ServiceResult<ThreadView[]>>;
  /** Starts a thread on an item, a milestone or the board; 404 for anchors the board does not hold. */
  createThread(actor: UserId, boardId: BoardId, input: { anchor: CommentAnchor; body: unknown }): Promise<ServiceResult<ThreadView>>;
  reply(actor: UserId, boardId: BoardId, threadId: string, input: { body: unknown }): Promise<ServiceResult<CommentView>>;
  /** Authors edit their own comments only. */
  editComment(actor: UserId, boardId: BoardId, commentId: string, input: { body: unknown }): Promise<ServiceResult<CommentView>>;
  /** Authors delete their own comments; owners may delete any. */
  deleteComment(actor: UserId, boardId: BoardId, commentId: string): Promise<ServiceResult<void>>;
  /** The thread's starter, editors and owners may resolve and reopen. */
  setThreadResolved(actor: UserId, boardId: BoardId, threadId: string, resolved: boolean): Promise<ServiceResult<ThreadView>>;

  /** The actor's notifications across boards they can still see, newest first. */
  inbox(actor: UserId): Promise<InboxView>;
  markRead(actor: UserId, input: { ids: string[] } | { all: true }): Promise<{ unread: number }>;

  /** Others' changes to the board since the actor last had it open. */
  changesSinceLastVisit(actor: UserId, boardId: BoardId): Promise<ServiceResult<ChangesSummary>>;

  // Versions and the baseline (docs/history.md): every member reads them; editors and owners
  // save, rename and restore; owners delete named versions and set the baseline. Inputs are
  // parsed by the services (zod), so a route passes the body as it came.
  listVersions(actor: UserId, boardId: BoardId): Promise<ServiceResult<VersionList>>;
  createVersion(actor: UserId, boardId: BoardId, input: unknown): Promise<ServiceResult<VersionView>>;
  updateVersion(actor: UserId, boardId: BoardId, versionId: string, input: unknown): Promise<ServiceResult<VersionView>>;
  deleteVersion(actor: UserId, boardId: BoardId, versionId: string): Promise<ServiceResult<void>>;
  readVersion(actor: UserId, boardId: BoardId, versionId: string): Promise<ServiceResult<{ version: VersionView; snapshot: BoardSnapshot }>>;
  /**
   * Restores a version (or one item of it) as a forward change, after saving the board as it was
   * (`backup`). With `apply: false` the server only saves the backup and returns the version's
   * state (base64) for the caller to apply as its own undoable change.
   */
  restoreVersion(
    actor: UserId,
    boardId: BoardId,
    versionId: string,
    input: unknown,
  ): Promise<ServiceResult<{ backup: VersionView | null; applied: boolean; changed: number | null; state: string | null }>>;
  setBaseline(actor: UserId, boardId: BoardId, input: unknown): Promise<ServiceResult<{ baselineId: string | null }>>;
  /** What changed from one version (or "now") to another; both must be this board's. */
  compareVersions(actor: UserId, boardId: BoardId, from: string, to: string): Promise<ServiceResult<{ from: string; to: string; comparison: BoardComparison }>>;
  /** The board as it was at a moment: the version before it plus the recorded changes up to it. */
  boardAt(actor: UserId, boardId: BoardId, at: string): Promise<ServiceResult<PastBoard>>;

  // Import and export (lib/protocol/importExport.ts): every member exports; anyone signed in
  // imports into a new board, editors and owners into an existing one.
  exportBoard(actor: UserId, boardId: BoardId, format: ExportFormat): Promise<ServiceResult<{ body: string; contentType: string; filename: string }>>;
  /** The timeline as a PDF or PNG; too many items or pages is an "invalid" error (422). */
  renderBoard(actor: UserId, boardId: BoardId, query: RenderQuery): Promise<ServiceResult<{ body: Uint8Array; contentType: string; filename: string; pages: number }>>;
  /** A refused file is an ok result with `errors` (the route answers 422 with them). */
  importBoard(actor: UserId, query: ImportQuery, text: string): Promise<ServiceResult<ImportOutcome>>;

  // Templates and copies (lib/protocol/templates.ts): the gallery is the built-in templates and
  // the actor's own; any member copies a board; editors and owners save one as a template.
  templateGallery(actor: UserId): Promise<ServiceResult<TemplateGallery>>;
  /** A copy of the whole document (not comments, versions or history) owned by the actor. */
  duplicateBoard(actor: UserId, boardId: BoardId): Promise<ServiceResult<BoardSummary>>;
  saveAsTemplate(actor: UserId, boardId: BoardId, input: unknown): Promise<ServiceResult<TemplateCard & { createdAt: string }>>;
  /** Only one's own templates; anyone else's answers not-found. */
  deleteTemplate(actor: UserId, templateId: string): Promise<ServiceResult<void>>;

  // Scenarios (lib/protocol/scenarios.ts, docs/teams.md): every member of the plan reads them;
  // editors and owners fork, rename, archive, discard and adopt. Inputs are parsed by the services.
  listScenarios(actor: UserId, planId: BoardId): Promise<ServiceResult<{ scenarios: ScenarioView[] }>>;
  /** Forks the plan: an automatic version (reason "scenario"), whose state the scenario's document starts from. */
  createScenario(actor: UserId, planId: BoardId, input: unknown): Promise<ServiceResult<ScenarioView>>;
  updateScenario(actor: UserId, planId: BoardId, scenarioId: BoardId, input: unknown): Promise<ServiceResult<ScenarioView>>;
  /** Deletes the scenario and its document; its open connections close. */
  discardScenario(actor: UserId, planId: BoardId, scenarioId: BoardId): Promise<ServiceResult<void>>;
  compareScenario(actor: UserId, planId: BoardId, scenarioId: BoardId): Promise<ServiceResult<ScenarioComparison>>;
  adoptScenario(actor: UserId, planId: BoardId, scenarioId: BoardId, input: unknown): Promise<ServiceResult<AdoptOutcome>>;

  // Calendar feeds of milestones: owners make and revoke them; the secret is the credential.
  listCalendarFeeds(actor: UserId, boardId: BoardId): Promise<ServiceResult<CalendarFeedSummary[]>>;
  /** The secret is returned once; only its hash is stored. */
  createCalendarFeed(actor: UserId, boardId: BoardId): Promise<ServiceResult<CalendarFeedSummary & { secret: string }>>;
  revokeCalendarFeed(actor: UserId, boardId: BoardId, feedId: string): Promise<ServiceResult<void>>;
  /** The VCALENDAR for a live feed's secret; not-found for unknown or revoked secrets, too-many when polled too often. */
  calendarFeed(secret: string): Promise<ServiceResult<{ body: string; filename: string }>>;

  // History (every member may read it).
  /** One object's changes, newest first, a page of at most `limit` before the cursor `before`. */
  objectHistory(actor: UserId, boardId: BoardId, query: { objectId: string; before?: number; limit: number }): Promise<ServiceResult<ObjectHistoryPage>>;
  /** Every object's changes from `from` (inclusive) to `to` (exclusive), oldest first, at most `limit`. */
  boardHistory(actor: UserId, boardId: BoardId, query: { from?: string; to?: string; limit: number }): Promise<ServiceResult<BoardHistoryPage>>;

  // Workshops (docs/workshops.md, routes in lib/protocol/workshops.ts). Inputs are parsed by the
  // services; times are the server's; each answer is cut to what the actor may see.
  /** The board's running workshop as the actor sees it (null when none runs), and the server's clock. */
  currentWorkshop(actor: UserId, boardId: BoardId): Promise<ServiceResult<{ workshop: WorkshopView | null; serverNow: string }>>;
  startWorkshop(actor: UserId, boardId: BoardId, input: unknown): Promise<ServiceResult<{ workshop: WorkshopView }>>;
  workshopAction(actor: UserId, boardId: BoardId, workshopId: string, input: unknown): Promise<ServiceResult<{ workshop: WorkshopView }>>;
  openVote(actor: UserId, boardId: BoardId, workshopId: string, input: unknown): Promise<ServiceResult<{ workshop: WorkshopView }>>;
  castBallot(actor: UserId, boardId: BoardId, workshopId: string, voteId: string, input: unknown): Promise<ServiceResult<{ workshop: WorkshopView }>>;
  setVoteState(actor: UserId, boardId: BoardId, workshopId: string, voteId: string, input: unknown): Promise<ServiceResult<{ workshop: WorkshopView }>>;
  listDrafts(actor: UserId, boardId: BoardId, workshopId: string): Promise<ServiceResult<{ drafts: DraftView[] }>>;
  createDraft(actor: UserId, boardId: BoardId, workshopId: string, input: unknown): Promise<ServiceResult<{ draft: DraftView }>>;
  updateDraft(actor: UserId, boardId: BoardId, workshopId: string, draftId: string, input: unknown): Promise<ServiceResult<{ draft: DraftView }>>;
  deleteDraft(actor: UserId, boardId: BoardId, workshopId: string, draftId: string): Promise<ServiceResult<void>>;
  revealDrafts(actor: UserId, boardId: BoardId, workshopId: string, input: unknown): Promise<ServiceResult<{ workshop: WorkshopView; itemIds: string[] }>>;
  listWorkshops(actor: UserId, boardId: BoardId): Promise<ServiceResult<{ workshops: WorkshopSummary[] }>>;
  workshopRecord(actor: UserId, boardId: BoardId, workshopId: string): Promise<ServiceResult<{ record: WorkshopRecord }>>;
  workshopRecordMarkdown(actor: UserId, boardId: BoardId, workshopId: string): Promise<ServiceResult<string>>;

  // Teams (docs/teams.md, routes in lib/protocol/teams.ts): members read, board owners change.
  getTeams(actor: UserId, boardId: BoardId): Promise<ServiceResult<TeamsView>>;
  setLaneOwners(actor: UserId, boardId: BoardId, laneId: string, input: unknown): Promise<ServiceResult<TeamsView>>;
  setLanePolicy(actor: UserId, boardId: BoardId, input: unknown): Promise<ServiceResult<TeamsView>>;

  // Proposals (docs/teams.md "Proposals", routes in lib/protocol/proposals.ts): members read;
  // commenters and up propose; the lane's answerers accept, decline and counter; authors withdraw.
  listProposals(actor: UserId, boardId: BoardId, query: { state?: string | undefined }): Promise<ServiceResult<{ proposals: ProposalView[] }>>;
  createProposal(actor: UserId, boardId: BoardId, input: unknown): Promise<ServiceResult<ProposalView>>;
  acceptProposal(actor: UserId, boardId: BoardId, proposalId: string, input: unknown): Promise<ServiceResult<{ proposal: ProposalView }>>;
  declineProposal(actor: UserId, boardId: BoardId, proposalId: string, input: unknown): Promise<ServiceResult<{ proposal: ProposalView }>>;
  /** The new proposal (from the answerer), the answered one marked countered. */
  counterProposal(actor: UserId, boardId: BoardId, proposalId: string, input: unknown): Promise<ServiceResult<{ proposal: ProposalView }>>;
  withdrawProposal(actor: UserId, boardId: BoardId, proposalId: string): Promise<ServiceResult<{ proposal: ProposalView }>>;

  // Dependency requests between teams (docs/teams.md, routes in lib/protocol/dependencyRequests.ts):
  // members read them; an editor who may edit the successor's lane asks; the predecessor's team
  // answers; the requester accepts a counter or withdraws. Inputs are parsed by the services.
  listDependencyRequests(actor: UserId, boardId: BoardId): Promise<ServiceResult<{ requests: DependencyRequestView[] }>>;
  requestDependency(actor: UserId, boardId: BoardId, input: unknown): Promise<ServiceResult<{ request: DependencyRequestView }>>;
  answerDependencyRequest(actor: UserId, boardId: BoardId, requestId: string, action: RequestAction, input: unknown): Promise<ServiceResult<{ request: DependencyRequestView }>>;
}

const KEY = Symbol.for("waymark.appServices");

export function registerAppServices(services: AppServices): void {
  (globalThis as Record<symbol, unknown>)[KEY] = services;
}

/** The running server's services; throws when the app runs without the Waymark server. */
export function appServices(): AppServices {
  const services = (globalThis as Record<symbol, unknown>)[KEY] as AppServices | undefined;
  if (!services) throw new Error("Waymark services are not registered: start the app with `npm start` or `npm run dev`");
  return services;
}
