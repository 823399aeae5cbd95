import type { IncomingMessage, ServerResponse } from "node:http";
import { boardIdSchema, userIdSchema, type BoardId, type UserId } from "../../lib/model/ids";
import type { AppServices } from "../../lib/protocol/appServices";
import type { LiveEvent } from "../../lib/protocol/comments";
import { guestActor } from "../../lib/protocol/guestReaders";
import { sessionPrincipal } from "../auth/sessionCookie";
import type { Logger } from "../log";
import type { LiveHub, LiveSubscriber } from "./liveEvents";
import { DEFAULT_MAX_STREAMS_PER_LINK, DEFAULT_MAX_STREAMS_PER_PERSON, StreamQuota } from "./streamQuota";
/** How long a refused stream is told to wait: the page's own retries wait 2 to 30 seconds. */
const RETRY_AFTER_SECONDS = 30;

export interface EventStreamDeps {
  hub: LiveHub;
  /** Signs next-auth sessions. */
  secret: string;
  services: Pick<AppServices, "getUser" | "openBoard" | "resolveShareLink">;
  /** Whether a session was signed out: its cookie opens no stream. */
  isSessionEnded(sessionId: string): Promise<boolean>;
  /** The user's unread inbox count, sent first so a fresh tab shows it without another request. */
  unread(userId: UserId): Promise<number>;
  log: Logger;
  /** Comment lines keep proxies and load balancers from closing an idle stream. */
  pingIntervalMs?: number;
  /** What a stream opening on a board is told first (the running workshop: docs/workshops.md). */
  boardGreeting?: (boardId: BoardId) => Promise<LiveEvent | null>;
  /** Open streams per share link, and per signed-in person; beyond, 429 (defaults: streamQuota.ts). */
  maxStreamsPerLink?: number;
  maxStreamsPerPerson?: number;
}

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify({ error: message }));
}

const tooMany = (res: ServerResponse, message: string) => refuse(res, 429, message, { "Retry-After": String(RETRY_AFTER_SECONDS) });

/** One server-sent event: the name the browser's EventSource listens for, and one line of JSON. */
export const formatEvent = (event: LiveEvent): string => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * `GET /events[?board=<boardId>]`: the signed-in user's live notices (inbox counts), and the
 * board's (threads, versions, the workshop) when they may see it. A share-link guest, who has
 * no session, opens `?board=<boardId>&share=<secret>` (an EventSource cannot send headers; the
 * guest's page URL holds the secret already) and gets the board's notices only, as a guest
 * actor (lib/protocol/guestReaders.ts) whose stream ends when the link is revoked. Signed in by the next-auth cookie only: an
 * EventSource cannot send headers, and a cross-site page cannot read this response (no CORS
 * headers are sent), so no token or origin check is needed. A board the user may not see is a
 * 404, exactly like one that does not exist. One share link's guests, and one person, may hold
 * only so many streams open at once (StreamQuota): beyond, 429 with Retry-After.
 */
export function createEventStreamHandler(deps: EventStreamDeps) {
  const pingMs = deps.pingIntervalMs ?? 25_000;
  const perLink = new StreamQuota(deps.maxStreamsPerLink ?? DEFAULT_MAX_STREAMS_PER_LINK);
  const perPerson = new StreamQuota(deps.maxStreamsPerPerson ?? DEFAULT_MAX_STREAMS_PER_PERSON);

  return async function handleEventStream(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET") {
      res.setHeader("Allow", "GET");
      return refuse(res, 405, "use GET");
    }
    let userId: UserId;
    let sessionId: string | undefined;
    let boardId: BoardId | null = null;
    try {
      const query = new URL(req.url ?? "/", "http://localhost").searchParams;
      const principal = await sessionPrincipal(req.headers, deps.secret, deps.isSessionEnded);
      const share = query.get("share");
      if (!principal && share !== null) {
        const guest = await guestStream(share, query.get("board"));
        if (!guest) return refuse(res, 404, "board not found");
        const place = perLink.take(guest.linkId);
        if (!place) return tooMany(res, `this share link is at its limit of ${perLink.max} live streams; retry later`);
        return void stream(req, res, guest.userId, undefined, guest.boardId, false, place);
      }
      const id = userIdSchema.safeParse(principal?.kind === "user" ? principal.userId : undefined);
      // A session that outlived its account is no session.
      if (!principal || !id.success || !(await deps.services.getUser(id.data))) return refuse(res, 401, "sign in first");
      userId = id.data;
      sessionId = principal.kind === "user" ? principal.sessionId : undefined;
      const raw = query.get("board");
      if (raw !== null) {
        const parsed = boardIdSchema.safeParse(raw);
        if (!parsed.success || !(await deps.services.openBoard(principal, parsed.data)).ok) return refuse(res, 404, "board not found");
        boardId = parsed.data;
      }
    } catch (error) {
      deps.log.error({ err: String(error) }, "event stream access check failed");
      return refuse(res, 503, "try again shortly");
    }
    const place = perPerson.take(userId);
    if (!place) return tooMany(res, `you have ${perPerson.max} live streams open, the most one person may; close a tab and retry`);
    return stream(req, res, userId, sessionId, boardId, true, place);
  };

  /** A guest's stream: the link must be live and the board its own. */
  async function guestStream(secret: string, rawBoard: string | null): Promise<{ userId: UserId; linkId: string; boardId: BoardId } | null> {
    const board = boardIdSchema.safeParse(rawBoard);
    if (!board.success) return null;
    const link = await deps.services.resolveShareLink(secret);
    if (!link || link.principal.kind !== "guest" || link.boardId !== board.data) return null;
    return { userId: guestActor(link.principal.shareLinkId), linkId: link.principal.shareLinkId, boardId: board.data };
  }

  /** Serves one stream; `release` gives its place in the holder's quota back when it ends. */
  async function stream(
    req: IncomingMessage,
    res: ServerResponse,
    userId: UserId,
    sessionId: string | undefined,
    boardId: BoardId | null,
    withInbox: boolean,
    release: () => void,
  ): Promise<void> {
    if (req.destroyed) return release();

    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // nginx buffers responses unless told not to, which would hold notices back.
      "X-Accel-Buffering": "no",
    });
    res.flushHeaders();

    let open = true;
    const subscriber: LiveSubscriber = {
      userId,
      ...(sessionId !== undefined ? { sessionId } : {}),
      send: (event) => {
        if (open) res.write(formatEvent(event));
      },
      end: () => cleanup(),
    };
    const unsubscribe = deps.hub.subscribe(subscriber, boardId);
    const ping = setInterval(() => res.write(": ping\n\n"), pingMs);
    ping.unref();
    function cleanup(): void {
      if (!open) return;
      open = false;
      clearInterval(ping);
      unsubscribe();
      release();
      res.end();
    }
    res.on("close", cleanup);
    res.on("error", cleanup);

    if (withInbox) {
      try {
        subscriber.send({ type: "inbox", unread: await deps.unread(userId) });
      } catch (error) {
        deps.log.error({ err: String(error) }, "event stream unread count failed");
      }
    }
    if (boardId !== null && deps.boardGreeting) {
      try {
        const greeting = await deps.boardGreeting(boardId);
        if (greeting) subscriber.send(greeting);
      } catch (error) {
        deps.log.error({ err: String(error) }, "event stream greeting failed");
      }
    }
  }
}
