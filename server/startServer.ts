import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { join } from "node:path";
import { registerAppServices } from "../lib/protocol/appServices";
import { CLIENT_ADDRESS_HEADER, SYNC_PATH } from "../lib/protocol/sync";
import { authenticateUpgrade } from "./auth/authenticateUpgrade";
import { resolveAuthSecret } from "./auth/authSecret";
import { createAppServices } from "./services/createAppServices";
import { seedDemo } from "./services/demoSeed";
import type { AppServices } from "../lib/protocol/appServices";
import type { UserId } from "../lib/model/ids";
import type { ServerConfig } from "./config";
import { createLogger, type Logger } from "./log";
import type { Storage } from "./storage/storage";
import { openSqliteStorage } from "./storage/sqlite/openSqliteStorage";
import { createSyncServer } from "./sync/syncServer";

/** The web app's request and upgrade handlers (Next.js in production; absent in sync-only tests). */
export interface WebHandlers {
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): void | Promise<void>;
}

export interface StartOptions {
  config: ServerConfig;
  log?: Logger;
  /** Builds the web handlers once services are registered; omitted = sync server only. */
  web?: () => Promise<WebHandlers>;
  store?: Storage;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Storage;
  services: AppServices;
  /** Signs sessions and sync tokens. */
  secret: string;
  /** True when this start seeded the demo users and board. */
  seeded: boolean;
  sync: ReturnType<typeof createSyncServer>;
  close(): Promise<void>;
}

/**
 * Composes the process: storage → board services → sync server → web app, all on one port.
 * Services are registered before the web app handles its first request.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? createLogger();
  const store = options.store ?? openSqliteStorage(join(config.dataDir, "waymark.sqlite"));
  const secret = resolveAuthSecret(config.dataDir);
  // next-auth reads these inside the Next.js handlers of this same process.
  process.env.NEXTAUTH_SECRET = secret;
  process.env.AUTH_TRUST_HOST ??= process.env.NEXTAUTH_URL ? undefined : "true";
  const sync = createSyncServer({
    store,
    log,
    authenticate: (req, boardId) => authenticateUpgrade(req, boardId, secret),
    maxMessageBytes: config.maxMessageBytes,
    unloadDelayMs: config.unloadDelayMs,
    compactThreshold: config.compactThreshold,
  });
  const services = createAppServices({
    storage: store,
    secret,
    events: {
      memberChanged: (boardId, userId, role) =>
        sync.updateAccess(boardId, (p) => p.access.principal.kind === "user" && p.access.principal.userId === (userId as UserId), role),
      shareLinkRevoked: (boardId, linkId) =>
        sync.updateAccess(boardId, (p) => p.access.principal.kind === "guest" && p.access.principal.shareLinkId === linkId, null),
      boardDeleted: (boardId) => sync.boardDeleted(boardId),
    },
  });
  registerAppServices(services);
  const seeded = config.seedDemo ? await seedDemo(store, log, new Date()) : false;
  const web = options.web ? await options.web() : undefined;

  const http = createServer((req, res) => {
    // The address rate limits key on: the socket's peer, never a header a client can forge,
    // unless the operator says a trusted proxy sets X-Forwarded-For.
    const forwarded = config.trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
    req.headers[CLIENT_ADDRESS_HEADER] = forwarded || req.socket.remoteAddress || "unknown";
    if (web) return void web.handle(req, res);
    res.statusCode = 404;
    res.end("Not Found");
  });
  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? "").split("?")[0]!;
    if (path === SYNC_PATH || path.startsWith(`${SYNC_PATH}/`)) {
      void sync.handleUpgrade(req, socket, head);
    } else if (web?.upgrade) {
      void web.upgrade(req, socket, head);
    } else {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    services,
    secret,
    seeded,
    sync,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        await sync.close();
        http.closeAllConnections();
        await stopped;
        await store.close();
      })();
      return closing;
    },
  };
}
