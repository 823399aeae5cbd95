import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { boardIdSchema, type BoardId, type UserId } from "../../lib/model/ids";
import { readSnapshot as snapshotOf, type BoardSnapshot } from "../../lib/model/snapshot";
import { SYNC_PATH } from "../../lib/protocol/sync";
import type { Logger } from "../log";
import type { Principal, Role } from "../../lib/protocol/roles";
import { resolveAccess, roleOn } from "../auth/resolveAccess";
import { isSameOrigin } from "../auth/sameOrigin";
import type { Storage } from "../storage/storage";
import { userOf, type Peer, type PeerAccess } from "./peer";
import type { Room } from "./room";
import { RoomRegistry } from "./roomRegistry";
import { attachSocketPeer } from "./socketPeer";
import { LaneRules } from "./laneRules";
import { WriteBatcher } from "./writeBatcher";
import { EncodeGate } from "./encodeGate";
import { CloseCode } from "../../lib/protocol/sync";
import type { SyncMetrics } from "../ops/metrics";
import type { Fanout } from "../fanout/fanout";

export interface SyncServerOptions {
  store: Storage;
  /** Who opens a websocket (cookie or token), decided before the upgrade completes. */
  authenticate(req: IncomingMessage, boardId: BoardId): Promise<Principal | null>;
  /**
   * Whether a connection's sign-in session was signed out since it opened; checked with the
   * periodic access recheck, the backstop for a sign-out whose message was lost.
   */
  sessionEnded?(principal: Principal): Promise<boolean>;
  /** Browser origins besides the server's own that may open websockets. */
  allowedOrigins?: readonly string[];
  log: Logger;
  maxMessageBytes: number;
  unloadDelayMs: number;
  compactThreshold: number;
  /** Interval of websocket pings; a peer that misses one is dropped. */
  pingIntervalMs?: number;
  /**
   * How often every open connection's role is looked up again. Access changes reach open
   * connections at once through events (and the cluster bus between instances); this is the
   * backstop for a change whose message was lost.
   */
  accessRecheckMs?: number;
  /** Sustained messages per second per connection before its socket is read more slowly. */
  messagesPerSecond?: number;
  /** An upgrade whose authentication and access lookup take longer is refused (503). */
  authTimeoutMs?: number;
  /** Bytes that may wait in one connection's send buffer before it counts as not reading (4508). */
  maxBufferedBytes?: number;
  /** See RoomDeps.checkUpdates: the benchmark's reference only. */
  checkUpdates?: boolean;
  /** Open connections this process accepts in all, and per board; beyond, upgrades get 503. */
  maxConnections?: number;
  maxConnectionsPerBoard?: number;
  metrics?: SyncMetrics;
  /** Other instances serving the same boards (REDIS_URL); absent for a single process. */
  fanout?: Fanout;
  repairIntervalMs?: number;
}

/** Defaults of the connection bounds (README, Security): see SyncServerOptions. */
export const DEFAULT_MAX_CONNECTIONS = 10_000;
export const DEFAULT_MAX_CONNECTIONS_PER_BOARD = 1_500;
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** Parses `/sync/<boardId>?…` into a board id, or null for any other path. */
export function boardIdFromSyncPath(url: string | undefined): BoardId | null {
  const path = (url ?? "").split("?")[0]!;
  if (!path.startsWith(`${SYNC_PATH}/`)) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(path.slice(SYNC_PATH.length + 1));
  } catch {
    return null;
  }
  const parsed = boardIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}

/**
 * The websocket side of the server: standard y-websocket protocol on `/sync/<boardId>`.
 * Unknown boards are refused before the upgrade completes, so no socket is ever opened for them.
 */
export function createSyncServer(options: SyncServerOptions) {
  const { metrics } = options;
  const batcher = new WriteBatcher(options.store, metrics);
  // Declared before the registry it asks about: boards with a loaded room keep their rules.
  const laneRules: LaneRules = new LaneRules(options.store, (boardId: BoardId): boolean => registry.loaded(boardId) !== undefined);
  const registry: RoomRegistry = new RoomRegistry({
    store: options.store,
    batcher,
    log: options.log,
    encodes: new EncodeGate(),
    metrics,
    fanout: options.fanout,
    repairIntervalMs: options.repairIntervalMs,
    compactThreshold: options.compactThreshold,
    unloadDelayMs: options.unloadDelayMs,
    checkUpdates: options.checkUpdates,
    laneRules,
  });
  // ws cuts frames over maxPayload itself (close 1009); below that we close with 4413 and a
  // reason, so set its cap above ours.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes * 2 });
  const alive = new WeakMap<object, boolean>();
  /** Connections whose room is still loading (they join it once it is ready). */
  const waiting = new Set<Peer>();
  /** Open (or opening) connections per board, for the per-board cap. */
  const perBoard = new Map<BoardId, number>();
  let opening = 0;
  let closing = false;
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const maxPerBoard = options.maxConnectionsPerBoard ?? DEFAULT_MAX_CONNECTIONS_PER_BOARD;
  metrics?.observe({ connections: () => wss.clients.size, loadedBoards: () => registry.loadedCount });

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  pinger.unref();

  let rechecking = false;
  const recheck = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    void recheckAccess().finally(() => (rechecking = false));
  }, options.accessRecheckMs ?? 60_000);
  recheck.unref();

  /** Applies to open connections any role change storage knows of (and they were not told). */
  async function recheckAccess(): Promise<void> {
    // Connections still waiting for their room are in no room's list yet.
    for (const peer of [...waiting]) {
      try {
        if (await options.sessionEnded?.(peer.access.principal)) peer.close(CloseCode.Unauthorized, "signed out");
      } catch (error) {
        options.log.warn({ err: String(error) }, "access recheck failed");
        return;
      }
    }
    for (const room of registry.loadedRooms()) {
      for (const peer of room.connectedPeers()) {
        try {
          if (await options.sessionEnded?.(peer.access.principal)) {
            closeSignedOut(room, peer);
            continue;
          }
          const role = await roleOn(options.store, peer.access.principal, room.boardId);
          if (role !== peer.access.role) room.updateAccess((p) => p === peer, role);
        } catch (error) {
          options.log.warn({ board: room.boardId, err: String(error) }, "access recheck failed");
          return;
        }
      }
    }
  }

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", (error) => options.log.debug({ err: String(error) }, "upgrade socket error"));
    if (closing) return rejectUpgrade(socket, 503, "Service Unavailable");
    const boardId = boardIdFromSyncPath(req.url);
    if (!boardId) {
      metrics?.refused("not-found");
      return rejectUpgrade(socket, 404, "Not Found");
    }
    if (!isSameOrigin(req.headers, options.allowedOrigins)) {
      metrics?.refused("forbidden-origin");
      return rejectUpgrade(socket, 403, "Forbidden");
    }
    // Until the upgrade completes nothing is read from the socket (the kernel's window bounds
    // what a client can push meanwhile); a lookup that hangs must not hold it open for ever.
    let access: PeerAccess | null | "anonymous";
    try {
      access = await withTimeout(lookUpAccess(req, boardId), options.authTimeoutMs ?? 10_000);
    } catch (error) {
      const timedOut = error instanceof TimeoutError;
      if (timedOut) metrics?.refused("auth-timeout");
      options.log.error({ board: boardId, err: String(error) }, "board access lookup failed");
      return rejectUpgrade(socket, 503, "Service Unavailable");
    }
    if (access === "anonymous") {
      metrics?.refused("unauthorized");
      return rejectUpgrade(socket, 401, "Unauthorized");
    }
    if (!access) {
      metrics?.refused("not-found");
      return rejectUpgrade(socket, 404, "Not Found");
    }
    const granted = access;
    // Caps, checked once the caller is known to be allowed: a full board or process refuses
    // in words instead of running out of memory (1,000 readers once took the heap down).
    if (wss.clients.size + opening >= maxConnections) {
      metrics?.refused("server-full");
      options.log.warn({ board: boardId, connections: wss.clients.size }, "refused connection: server full");
      return rejectUpgrade(socket, 503, `Service Unavailable: this server is at its limit of ${maxConnections} connections; retry later`);
    }
    if ((perBoard.get(boardId) ?? 0) >= maxPerBoard) {
      metrics?.refused("room-full");
      options.log.warn({ board: boardId, connections: perBoard.get(boardId) }, "refused connection: board full");
      return rejectUpgrade(socket, 503, `Service Unavailable: this board is at its limit of ${maxPerBoard} connections; retry later`);
    }
    perBoard.set(boardId, (perBoard.get(boardId) ?? 0) + 1);
    opening++;
    let counted = true;
    let upgrading = true;
    const upgraded = () => {
      if (upgrading) opening--;
      upgrading = false;
    };
    const uncount = () => {
      upgraded();
      if (!counted) return;
      counted = false;
      const left = (perBoard.get(boardId) ?? 1) - 1;
      if (left > 0) perBoard.set(boardId, left);
      else perBoard.delete(boardId);
    };
    // The raw socket closes whether or not the upgrade completed (ws drops it when it cannot).
    socket.once("close", uncount);
    wss.handleUpgrade(req, socket, head, (ws) => {
      upgraded();
      alive.set(ws, true);
      ws.on("pong", () => alive.set(ws, true));
      ws.on("error", (error) => options.log.debug({ err: String(error) }, "websocket error"));
      const ready = registry.open(boardId);
      const binding = attachSocketPeer(ws, granted, ready, {
        maxMessageBytes: options.maxMessageBytes,
        maxQueuedMessages: 1_000,
        maxQueuedBytes: options.maxMessageBytes * 2,
        messagesPerSecond: options.messagesPerSecond ?? 500,
        maxBufferedBytes: options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
        log: options.log,
        metrics,
      });
      ready.then((room) => registry.attach(room), () => undefined);
      // Until it has joined its room, a connection is in no room's list: keep it where a
      // sign-out can find it (a board loading from PostgreSQL takes a few round trips).
      waiting.add(binding.peer);
      void ready.finally(() => waiting.delete(binding.peer)).catch(() => undefined);
      ws.on("close", () => {
        const room = binding.room();
        if (room) {
          room.leave(binding.peer);
          registry.releaseIfIdle(room);
        } else {
          ready.then((r) => registry.releaseIfIdle(r), () => undefined);
        }
      });
    });
  }

  /** Who the caller is and what they may do on the board; "anonymous" when not signed in. */
  async function lookUpAccess(req: IncomingMessage, boardId: BoardId): Promise<PeerAccess | null | "anonymous"> {
    // Anonymous callers learn nothing about which boards exist: 401 before any lookup.
    const principal = await options.authenticate(req, boardId);
    if (!principal) return "anonymous";
    const board = await options.store.getBoard(boardId);
    // A board the caller may not see answers exactly like a board that does not exist.
    const access = board ? await resolveAccess(options.store, principal, boardId) : null;
    // An editor's updates are checked against the board's lane rules (docs/teams.md): read them
    // now, before the socket joins its room, and not during the room's load.
    if (access?.role === "editor") await laneRules.ensure(boardId);
    return access;
  }

  function closeSignedOut(room: Room, peer: Peer): void {
    room.leave(peer);
    peer.close(CloseCode.Unauthorized, "signed out");
  }

  /** Closes every connection opened in a sign-in session that was just signed out (4401). */
  function endSession(sessionId: string): void {
    for (const peer of waiting) {
      const { principal } = peer.access;
      if (principal.kind === "user" && principal.sessionId === sessionId) peer.close(CloseCode.Unauthorized, "signed out");
    }
    for (const room of registry.loadedRooms()) {
      for (const peer of room.connectedPeers()) {
        const { principal } = peer.access;
        if (principal.kind === "user" && principal.sessionId === sessionId) closeSignedOut(room, peer);
      }
    }
  }

  /** Applies a role change to open connections of a loaded board (null = access removed). */
  function updateAccess(boardId: BoardId, matches: (peer: Peer) => boolean, role: Role | null): void {
    registry.loaded(boardId)?.updateAccess(matches, role);
    // A lane owner who can no longer edit owns nothing (docs/teams.md).
    void teamsChanged(boardId);
  }

  /** Lane owners, the lane policy or a role changed: the board's room re-reads them. */
  async function teamsChanged(boardId: BoardId): Promise<void> {
    try {
      await laneRules.reload(boardId);
    } catch (error) {
      options.log.warn({ board: boardId, err: String(error) }, "lane rules reload failed");
    }
  }

  /**
   * The board as its connections see it now: the loaded room's document when it is open (it may
   * hold updates still being committed), else the stored log replayed into a scratch document.
   * For the services, which must know which items exist before anchoring a thread on one.
   */
  async function readSnapshot(boardId: BoardId): Promise<BoardSnapshot> {
    const room = registry.loaded(boardId);
    if (room) return snapshotOf(room.doc);
    const doc = new Y.Doc();
    try {
      const { updates } = await options.store.loadUpdates(boardId);
      doc.transact(() => {
        for (const update of updates) Y.applyUpdate(doc, update);
      });
      return snapshotOf(doc);
    } finally {
      doc.destroy();
    }
  }

  return {
    handleUpgrade,
    registry,
    updateAccess,
    teamsChanged,
    endSession,
    readSnapshot,
    /** The signed-in people connected to a loaded board on this instance (guests are not named). */
    roomPeople(boardId: BoardId): UserId[] {
      const room = registry.loaded(boardId);
      if (!room) return [];
      return [...new Set(room.connectedPeers().flatMap((peer) => userOf(peer) ?? []))];
    },
    /** Runs `run` with a board's room, loading it if needed; the room unloads later if nobody is connected. */
    async withLiveBoard<T>(boardId: BoardId, run: (room: Room) => T | Promise<T>): Promise<T> {
      const room = await registry.open(boardId);
      try {
        return await run(room);
      } finally {
        registry.releaseIfIdle(room);
      }
    },
    /** Writes what a loaded board's recorder holds, so a summary read next includes edits of the last second. */
    async flushActivity(boardId: BoardId): Promise<void> {
      await registry.loaded(boardId)?.flushActivity();
    },
    recheckAccess,
    /** Closes every connection to a deleted board and frees it. */
    async boardDeleted(boardId: BoardId): Promise<void> {
      registry.loaded(boardId)?.discard();
      await registry.drop(boardId);
    },
    /**
     * Graceful stop: refuses new connections, closes the open ones with 1012 (clients reconnect,
     * to another instance behind a load balancer) so no new edits arrive while flushing, then
     * commits what was received and unloads every board.
     */
    async close(): Promise<void> {
      closing = true;
      clearInterval(pinger);
      clearInterval(recheck);
      for (const ws of wss.clients) ws.close(CloseCode.ServiceRestart, "server restarting, reconnect");
      await batcher.drain();
      await registry.closeAll();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

export type SyncServer = ReturnType<typeof createSyncServer>;

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
