import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { join } from "node:path";
import { registerAppServices } from "../lib/protocol/appServices";
import { SYNC_PATH } from "../lib/protocol/sync";
import { createBoardService } from "./boardService";
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
  boards: ReturnType<typeof createBoardService>;
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
  const boards = createBoardService(store);
  registerAppServices(boards);
  if (config.seedDemo && (await store.listBoards()).length === 0) {
    const demo = await boards.seedDemoBoard();
    log.info({ board: demo.id }, "seeded demo board");
  }
  const sync = createSyncServer({
    store,
    log,
    maxMessageBytes: config.maxMessageBytes,
    unloadDelayMs: config.unloadDelayMs,
    compactThreshold: config.compactThreshold,
  });
  const web = options.web ? await options.web() : undefined;

  const http = createServer((req, res) => {
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
    boards,
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
