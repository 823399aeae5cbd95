import type Database from "better-sqlite3";
import type { BoardId, UserId } from "../../../lib/model/ids";
import type { CalendarFeedRecord, TemplateStore, UserTemplateRecord } from "../templateStore";

interface TemplateRow {
  id: string;
  owner_id: string;
  name: string;
  created_at: string;
  body: string;
}
interface FeedRow {
  id: string;
  board_id: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

const toTemplate = (r: TemplateRow): UserTemplateRecord => ({ id: r.id, ownerId: r.owner_id as UserId, name: r.name, createdAt: r.created_at, body: r.body });
export const toFeed = (r: FeedRow): CalendarFeedRecord => ({
  id: r.id,
  boardId: r.board_id as BoardId,
  createdBy: r.created_by as UserId,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Templates and calendar feeds in the same SQLite file as the boards. */
export function sqliteTemplateStore(db: Database.Database): TemplateStore {
  const q = {
    insertTemplate: db.prepare("INSERT INTO user_templates (id, owner_id, name, created_at, body) VALUES (?, ?, ?, ?, ?)"),
    listTemplates: db.prepare<[string], Omit<TemplateRow, "body" | "owner_id">>(
      "SELECT id, name, created_at FROM user_templates WHERE owner_id = ? ORDER BY created_at, id",
    ),
    getTemplate: db.prepare<[string, string], TemplateRow>("SELECT * FROM user_templates WHERE owner_id = ? AND id = ?"),
    deleteTemplate: db.prepare("DELETE FROM user_templates WHERE owner_id = ? AND id = ?"),
    insertFeed: db.prepare("INSERT INTO calendar_feeds (id, board_id, secret_hash, created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)"),
    listFeeds: db.prepare<[string], FeedRow>("SELECT id, board_id, created_by, created_at, revoked_at FROM calendar_feeds WHERE board_id = ? ORDER BY created_at, id"),
    revokeFeed: db.prepare("UPDATE calendar_feeds SET revoked_at = ? WHERE board_id = ? AND id = ? AND revoked_at IS NULL"),
    feedBySecret: db.prepare<[string], FeedRow>("SELECT id, board_id, created_by, created_at, revoked_at FROM calendar_feeds WHERE secret_hash = ?"),
  };
  return {
    async createUserTemplate(t) {
      q.insertTemplate.run(t.id, t.ownerId, t.name, t.createdAt, t.body);
    },
    async listUserTemplates(ownerId) {
      return q.listTemplates.all(ownerId).map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
    },
    async getUserTemplate(ownerId, id) {
      const row = q.getTemplate.get(ownerId, id);
      return row ? toTemplate(row) : null;
    },
    async deleteUserTemplate(ownerId, id) {
      return q.deleteTemplate.run(ownerId, id).changes > 0;
    },
    async createCalendarFeed(feed, secretHash) {
      q.insertFeed.run(feed.id, feed.boardId, secretHash, feed.createdBy, feed.createdAt);
    },
    async listCalendarFeeds(boardId) {
      return q.listFeeds.all(boardId).map(toFeed);
    },
    async revokeCalendarFeed(boardId, id, at) {
      return q.revokeFeed.run(at, boardId, id).changes > 0;
    },
    async findCalendarFeedBySecretHash(secretHash) {
      const row = q.feedBySecret.get(secretHash);
      return row ? toFeed(row) : null;
    },
  };
}
