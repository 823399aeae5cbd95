import type { BoardId } from "../model/ids";
import type { WorkshopPublic } from "./workshops";

/**
 * Live notices from the server (server-sent events on EVENTS_PATH). They carry no content, only
 * what to fetch again, so a missed notice costs nothing but a refetch on reconnect.
 * Kept free of zod: every page's header listens to them, and pages that build no schemas should
 * not load zod (its eval probe is a CSP violation there).
 */
export const EVENTS_PATH = "/events";
export type LiveEvent =
  /** The board's threads changed (new, edited, deleted, resolved): refetch them. */
  | { type: "threads"; boardId: BoardId }
  /** The reader's inbox changed. */
  | { type: "inbox"; unread: number }
  /** The board's versions or its baseline changed: refetch them. */
  | { type: "versions"; boardId: BoardId }
  /** Lane owners or the lane policy changed (docs/teams.md): refetch them. */
  | { type: "teams"; boardId: BoardId }
  /** The board's proposals changed: refetch them. */
  | { type: "proposals"; boardId: BoardId }
  /** The board's dependency requests changed: refetch them. */
  | { type: "requests"; boardId: BoardId }
  /** The plan's scenarios changed (created, renamed, archived, adopted, discarded): refetch them. */
  | { type: "scenarios"; boardId: BoardId }
  /**
   * The board's workshop changed (docs/workshops.md). The one notice that carries content: the
   * countdown must agree on every screen within 100 ms, which a refetch per screen would not
   * give. It holds only what everyone on the board may see; `serverNow` lets a browser keep its
   * offset to the server's clock.
   */
  | { type: "workshop"; boardId: BoardId; workshop: WorkshopPublic | null; serverNow: string };
