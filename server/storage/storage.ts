import type { AccountStore } from "./accountStore";
import type { ActivityStore } from "./activityStore";
import type { BoardStore } from "./boardStore";
import type { CommentStore } from "./commentStore";
import type { DependencyRequestStore } from "./dependencyRequestStore";
import type { LaneOwnerStore } from "./laneOwnerStore";
import type { ProposalStore } from "./proposalStore";
import type { ScenarioStore } from "./scenarioStore";
import type { SessionStore } from "./sessionStore";
import type { TemplateStore } from "./templateStore";
import type { VersionStore } from "./versionStore";
import type { WorkshopStore } from "./workshopStore";

/** Everything the server stores: boards and their update logs, accounts and access, comments, history and versions, ended sessions, workshops, templates and calendar feeds, lane owners, proposals, dependency requests, scenarios. */
export type Storage = BoardStore &
  AccountStore &
  CommentStore &
  ActivityStore &
  SessionStore &
  VersionStore &
  WorkshopStore &
  TemplateStore &
  LaneOwnerStore &
  ProposalStore &
  DependencyRequestStore &
  ScenarioStore;
