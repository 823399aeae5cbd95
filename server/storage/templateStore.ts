import type { BoardId, UserId } from "../../lib/model/ids";

/** A template someone saved from one of their boards: a Waymark board file (lib/io/boardFile.ts) as JSON. */
export interface UserTemplateRecord {
  id: string;
  ownerId: UserId;
  name: string;
  createdAt: string;
  /** The board file, as JSON text. */
  body: string;
}

export type UserTemplateSummary = Pick<UserTemplateRecord, "id" | "name" | "createdAt">;

/** A calendar subscription of a board's milestones; like a share link, only its secret's hash is stored. */
export interface CalendarFeedRecord {
  id: string;
  boardId: BoardId;
  createdBy: UserId;
  createdAt: string;
  revokedAt: string | null;
}

/** Templates of one's own (per person) and calendar feeds (per board). */
export interface TemplateStore {
  createUserTemplate(template: UserTemplateRecord): Promise<void>;
  /** The owner's templates, oldest first, without their bodies. */
  listUserTemplates(ownerId: UserId): Promise<UserTemplateSummary[]>;
  /** Only the owner's: someone else's id answers null. */
  getUserTemplate(ownerId: UserId, id: string): Promise<UserTemplateRecord | null>;
  deleteUserTemplate(ownerId: UserId, id: string): Promise<boolean>;

  createCalendarFeed(feed: CalendarFeedRecord, secretHash: string): Promise<void>;
  listCalendarFeeds(boardId: BoardId): Promise<CalendarFeedRecord[]>;
  /** False when the feed is not this board's or was already revoked. */
  revokeCalendarFeed(boardId: BoardId, id: string, at: string): Promise<boolean>;
  findCalendarFeedBySecretHash(secretHash: string): Promise<CalendarFeedRecord | null>;
}
