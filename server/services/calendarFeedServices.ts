import { randomBytes } from "node:crypto";
import { milestonesToIcs } from "../../lib/io/icsFeed";
import type { BoardId, UserId } from "../../lib/model/ids";
import { ok } from "../../lib/model/result";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { AppServices } from "../../lib/protocol/appServices";
import type { Role } from "../../lib/protocol/roles";
import { CALENDAR_FEED_LIMIT } from "../../lib/protocol/templates";
import { VersionLimits } from "../history/versionLimits";
import type { Storage } from "../storage/storage";
import { hashShareSecret, ownerCheck } from "./memberServices";
import { fail } from "./serviceErrors";

export type CalendarFeedServices = Pick<AppServices, "listCalendarFeeds" | "createCalendarFeed" | "revokeCalendarFeed" | "calendarFeed">;

/** Secrets are base64url of 24 random bytes: 32 characters. Anything else is not looked up. */
const SECRET = /^[A-Za-z0-9_-]{32}$/;

/**
 * Calendar feeds of a board's milestones (issue 18): a subscribe URL with a secret, made and
 * revoked by owners like share links (memberServices.ts), answered without a session because
 * calendar apps have none. A feed reveals milestone titles and dates only, never items.
 */
export function calendarFeedServices(deps: {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  readSnapshot: (boardId: BoardId) => Promise<BoardSnapshot>;
  now: () => Date;
  limits?: VersionLimits;
}): CalendarFeedServices {
  const { storage, readSnapshot, now } = deps;
  const limits = deps.limits ?? new VersionLimits();
  const requireOwner = ownerCheck(deps.roleOf);
  const summary = (f: { id: string; createdAt: string; revokedAt: string | null }) => ({ id: f.id, createdAt: f.createdAt, revokedAt: f.revokedAt });

  return {
    async listCalendarFeeds(actor, boardId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      return ok((await storage.listCalendarFeeds(boardId)).map(summary));
    },
    async createCalendarFeed(actor, boardId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      const live = (await storage.listCalendarFeeds(boardId)).filter((f) => !f.revokedAt);
      if (live.length >= CALENDAR_FEED_LIMIT) return fail("conflict", `This board has ${CALENDAR_FEED_LIMIT} calendar feeds: revoke one first.`);
      const secret = randomBytes(24).toString("base64url");
      const feed = { id: randomBytes(9).toString("base64url"), boardId, createdBy: actor, createdAt: now().toISOString(), revokedAt: null };
      await storage.createCalendarFeed(feed, hashShareSecret(secret));
      return ok({ ...summary(feed), secret });
    },
    async revokeCalendarFeed(actor, boardId, feedId) {
      const owner = await requireOwner(actor, boardId);
      if (!owner.ok) return owner;
      if (typeof feedId !== "string" || feedId.length > 40 || !(await storage.revokeCalendarFeed(boardId, feedId, now().toISOString())))
        return fail("not-found", "no such active calendar feed");
      return ok(undefined);
    },
    async calendarFeed(secret) {
      const gone = fail("not-found", "this calendar feed does not exist or was revoked");
      if (typeof secret !== "string" || !SECRET.test(secret)) return gone;
      const hash = hashShareSecret(secret);
      const feed = await storage.findCalendarFeedBySecretHash(hash);
      if (!feed || feed.revokedAt) return limits.take("miss", "calendar") ? gone : fail("too-many", "Too many calendar requests: try again in a minute.");
      if (!limits.take(feed.id, "calendar")) return fail("too-many", "This calendar is asked for too often: try again in a minute.");
      const snapshot = await readSnapshot(feed.boardId);
      const body = milestonesToIcs({ boardId: feed.boardId, boardTitle: snapshot.board.title, milestones: snapshot.milestones, now: now() });
      return ok({ body, filename: `${(snapshot.board.title.replace(/[^\p{L}\p{N} _.-]+/gu, "").trim() || "roadmap").slice(0, 80)}.ics` });
    },
  };
}
