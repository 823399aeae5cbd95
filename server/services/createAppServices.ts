import type { AppServices } from "../../lib/protocol/appServices";
import type { BoardId, UserId } from "../../lib/model/ids";
import { guestLinkOf } from "../../lib/protocol/guestReaders";
import type { Role } from "../../lib/protocol/roles";
import { roleOn } from "../auth/resolveAccess";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { LivePublisher } from "../events/liveEvents";
import type { Storage } from "../storage/storage";
import { accountServices } from "./accountServices";
import { boardServices } from "./boardServices";
import { changeServices } from "./changeServices";
import { commentServices } from "./commentServices";
import { historyServices } from "./historyServices";
import { inboxServices } from "./inboxServices";
import { invitationServices } from "./invitationServices";
import { commentMailer } from "./commentMail";
import type { MailDeps } from "./mailLinks";
import { memberServices, type AccessEvents } from "./memberServices";
import { versionServices, type WithLiveBoard } from "./versionServices";
import { importExportServices } from "./importExportServices";
import { workshopServices, type WorkshopTasks } from "./workshopServices";
import { templateServices } from "./templateServices";
import { calendarFeedServices } from "./calendarFeedServices";
import { scenarioServices } from "./scenarioServices";
import { teamServices } from "./teamServices";
import { proposalServices } from "./proposalServices";
import { dependencyRequestServices } from "./dependencyRequestServices";
import type { Logger } from "../log";

export interface AppServiceDeps {
  storage: Storage;
  /** Signs sync tokens (the same secret that signs sessions). */
  secret: string;
  /** Open connections hear of role changes and deletions through these. */
  events: AccessEvents & {
    boardDeleted(boardId: BoardId): Promise<void>;
    /** Everyone's role on the board may have changed (a scenario archived or reopened): re-read them for its open connections. */
    accessChanged?(boardId: BoardId): Promise<void>;
  };
  /** A board's document as plain data (the sync server's, which knows the live one). */
  readSnapshot(boardId: BoardId): Promise<BoardSnapshot>;
  /**
   * Writes the item changes a loaded board still holds in memory (the recorder writes a burst's
   * first row a second after it), so "what changed since your last visit" read right after an
   * edit includes it. Only this instance's boards; another instance's rows follow within a second.
   */
  flushActivity(boardId: BoardId): Promise<void>;
  /** A board's live document and versioner, its room loaded for the length of the call. */
  withLiveBoard: WithLiveBoard;
  /** Live notices to open event streams after comment writes. */
  live: LivePublisher;
  /** Where invitations, sign-up notices and comment notices are mailed, with links to this server. */
  mail: MailDeps;
  log: Logger;
  /** The signed-in people connected to a board's room on this instance (workshop participants). */
  roomPeople?: (boardId: BoardId) => UserId[];
  now?: () => Date;
}

/**
 * Roles for the services share-link guests may read (versions, the baseline, past moments): a
 * guest actor (lib/protocol/guestReaders.ts) is a viewer while its link is live and on its
 * own board; anyone else is looked up as a member.
 */
function readerRoleOf(storage: Storage, memberRole: (actor: UserId, boardId: BoardId) => Promise<Role | null>) {
  return async (actor: UserId, boardId: BoardId): Promise<Role | null> => {
    const linkId = guestLinkOf(actor);
    if (linkId === null) return memberRole(actor, boardId);
    return roleOn(storage, { kind: "guest", shareLinkId: linkId, name: "Guest" }, boardId);
  };
}

/** Everything the web routes may ask of the server, each call checking the actor's role itself. */
export function createAppServices(deps: AppServiceDeps): AppServices & WorkshopTasks {
  const { storage, secret, events, readSnapshot, flushActivity, withLiveBoard, live, mail, log, roomPeople = () => [], now = () => new Date() } = deps;
  const boards = boardServices({ storage, secret, now }, (id) => events.boardDeleted(id));
  // Members, invitations, share links and calendar feeds belong to a plan: on a scenario's id they answer
  // not-found (its people are its plan's, docs/teams.md), except the member list, which is the plan's.
  const planRoleOf = async (actor: UserId, boardId: BoardId) => ((await storage.getScenario(boardId)) ? null : boards.roleOf(actor, boardId));
  const members = memberServices(storage, planRoleOf, events, now);
  const workshops = workshopServices({ storage, roleOf: boards.roleOf, withLiveBoard, readSnapshot, live, roomPeople, now, log });
  return {
    ...accountServices(storage, mail),
    ...boards.services,
    ...members,
    async listMembers(actor, boardId) {
      const scenario = await storage.getScenario(boardId);
      return members.listMembers(actor, scenario ? scenario.planId : boardId);
    },
    ...invitationServices(storage, planRoleOf, mail, now),
    ...changeServices(storage, boards.roleOf, flushActivity),
    ...historyServices(storage, boards.roleOf, flushActivity),
    ...commentServices({ storage, roleOf: boards.roleOf, readSnapshot, live, now, mailNotices: commentMailer(storage, mail, log) }),
    ...inboxServices(storage, live, now),
    ...versionServices({ storage, roleOf: readerRoleOf(storage, boards.roleOf), withLiveBoard, readSnapshot, live, now }),
    ...importExportServices({ storage, roleOf: boards.roleOf, withLiveBoard, now }),
    ...workshops.services,
    ...workshops.tasks,
    ...templateServices({ storage, roleOf: boards.roleOf, withLiveBoard, now }),
    ...calendarFeedServices({ storage, roleOf: planRoleOf, readSnapshot, now }),
    ...scenarioServices({
      storage,
      roleOf: boards.roleOf,
      withLiveBoard,
      readSnapshot,
      live,
      boardDeleted: (id) => events.boardDeleted(id),
      accessChanged: (id) => events.accessChanged?.(id) ?? Promise.resolve(),
      now,
    }),
    ...teamServices({ storage, roleOf: boards.roleOf, readSnapshot, live, teamsChanged: (boardId) => events.teamsChanged(boardId) }),
    ...proposalServices({ storage, roleOf: boards.roleOf, withLiveBoard, live, now }),
    ...dependencyRequestServices({ storage, roleOf: boards.roleOf, readSnapshot, withLiveBoard, live, now }),
  };
}
