import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { boardIdSchema, type BoardId } from "../../lib/model/ids";
import { SYNC_PATH } from "../../lib/protocol/sync";
import type { Logger } from "../log";
import type { Principal, Role } from "../../lib/protocol/roles";
import { resolveAccess } from "../auth/resolveAccess";
import { isSameOrigin } from "../auth/sameOrigin";
import type { Storage } from "../storage/storage";
import type { Peer, PeerAccess } from "./peer";
import { RoomRegistry } from "./roomRegistry";
import { attachSocketPeer } from "./socketPeer";
import { WriteBatcher } from "./writeBatcher";

export interface SyncServerOptions {
  store: Storage;
  /** Who opens a websocket (cookie or token), decided before the upgrade completes. */
  authenticate(req: IncomingMessage, boardId: BoardId): Promise<Principal | null>;
  /** Browser origins besides the server's own that may open websockets. */
  allowedOrigins?: readonly string[];
  log: Logger;
  maxMessageBytes: number;
  unloadDelayMs: number;
  compactThreshold: number;
  /** Interval of websocket pings; a peer that misses one is dropped. */
  pingIntervalMs?: number;
}

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
  const batcher = new WriteBatcher(options.store);
  const registry = new RoomRegistry({
    store: options.store,
    batcher,
    log: options.log,
    compactThreshold: options.compactThreshold,
    unloadDelayMs: options.unloadDelayMs,
  });
  // ws cuts frames over maxPayload itself (close 1009); below that we close with 4413 and a
  // reason, so set its cap above ours.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes * 2 });
  const alive = new WeakMap<object, boolean>();

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

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", (error) => options.log.debug({ err: String(error) }, "upgrade socket error"));
    const boardId = boardIdFromSyncPath(req.url);
    if (!boardId) return rejectUpgrade(socket, 404, "Not Found");
    if (!isSameOrigin(req.headers, options.allowedOrigins)) return rejectUpgrade(socket, 403, "Forbidden");
    let access: PeerAccess | null;
    try {
      // Anonymous callers learn nothing about which boards exist: 401 before any lookup.
      const principal = await options.authenticate(req, boardId);
      if (!principal) return rejectUpgrade(socket, 401, "Unauthorized");
      const board = await options.store.getBoard(boardId);
      // A board the caller may not see answers exactly like a board that does not exist.
      access = board ? await resolveAccess(options.store, principal, boardId) : null;
    } catch (error) {
      options.log.error({ board: boardId, err: String(error) }, "board access lookup failed");
      return rejectUpgrade(socket, 503, "Service Unavailable");
    }
    if (!access) return rejectUpgrade(socket, 404, "Not Found");
    const granted = access;
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      ws.on("pong", () => alive.set(ws, true));
      ws.on("error", (error) => options.log.debug({ err: String(error) }, "websocket error"));
      const ready = registry.open(boardId);
      const binding = attachSocketPeer(ws, granted, ready, {
        maxMessageBytes: options.maxMessageBytes,
        maxQueuedMessages: 1_000,
        log: options.log,
      });
      ready.then((room) => registry.attach(room), () => undefined);
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

  /** Applies a role change to open connections of a loaded board (null = access removed). */
  function updateAccess(boardId: BoardId, matches: (peer: Peer) => boolean, role: Role | null): void {
    registry.loaded(boardId)?.updateAccess(matches, role);
  }

  return {
    handleUpgrade,
    registry,
    updateAccess,
    /** Closes every connection to a deleted board and frees it. */
    async boardDeleted(boardId: BoardId): Promise<void> {
      registry.loaded(boardId)?.discard();
      await registry.drop(boardId);
    },
    /** Stops accepting, flushes every board and closes every connection. */
    async close(): Promise<void> {
      clearInterval(pinger);
      await batcher.drain();
      await registry.closeAll();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

export type SyncServer = ReturnType<typeof createSyncServer>;
