import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { registerAppServices } from "../lib/protocol/appServices";
import { EVENTS_PATH } from "../lib/protocol/comments";
import { SYNC_PATH } from "../lib/protocol/sync";
import { Redis } from "ioredis";
import { registerAuthGuards } from "../lib/protocol/authGuards";
import { userIdSchema } from "../lib/model/ids";
import { createAttemptLimits } from "./auth/attemptLimits";
import { roleOn } from "./auth/resolveAccess";
import { authenticateUpgrade } from "./auth/authenticateUpgrade";
import { applyProxyTrust } from "./auth/forwardedHeaders";
import { createSessionEnds } from "./auth/sessionEnds";
import { closeRedis } from "./fanout/closeRedis";
import { resolveAuthSecret } from "./auth/authSecret";
import { guestActor } from "../lib/protocol/guestReaders";
import { createEventStreamHandler } from "./events/eventStream";
import { createMemoryHub, type LiveHub } from "./events/liveEvents";
import { createAppServices } from "./services/createAppServices";
import { PARTICIPANT_SAMPLE_MS } from "./services/workshopServices";
import { seedDemo } from "./services/demoSeed";
import { pushUnread } from "./services/inboxServices";
import type { AppServices } from "../lib/protocol/appServices";
import type { WorkshopTasks } from "./services/workshopServices";
import type { BoardId, UserId } from "../lib/model/ids";
import type { ServerConfig } from "./config";
import { createLogger, type Logger } from "./log";
import type { Storage } from "./storage/storage";
import { openStorage } from "./storage/openStorage";
import { createSyncServer } from "./sync/syncServer";
import { createMetrics } from "./ops/metrics";
import { createOpsHandler } from "./ops/opsRoutes";
import { createRedisFanout } from "./fanout/redisFanout";
import type { Fanout } from "./fanout/fanout";
import { clusteredHub } from "./fanout/clusterBus";
import { createRedisClusterBus } from "./fanout/redisClusterBus";
import type { Role } from "../lib/protocol/roles";
import { createMailer, outboxDir } from "./mail/createMailer";
import { mailQueue, type Mailer, type MailQueue } from "./mail/mailer";
import { createOutboxPage } from "./mail/outboxPage";

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
  /** Overrides the Redis fan-out REDIS_URL would create (tests inject faults through it). */
  fanout?: Fanout;
  /** Overrides the mailer the config would create (SMTP or the outbox). */
  mailer?: Mailer;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Storage;
  services: AppServices & WorkshopTasks;
  /** Signs sessions and sync tokens. */
  secret: string;
  /** True when this start seeded the demo users and board. */
  seeded: boolean;
  sync: ReturnType<typeof createSyncServer>;
  /** Live notices to open event streams (comments, inbox counts). */
  live: LiveHub;
  /** Outgoing mail; `idle()` waits for what was queued. */
  mail: MailQueue;
  close(): Promise<void>;
}

/** How long start-up waits for Redis; after that the server starts and /readyz says why it is not ready. */
const CLUSTER_SUBSCRIBE_WAIT_MS = 5_000;

const waitAtMost = (promise: Promise<void>, ms: number): Promise<void> =>
  Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

/**
 * Composes the process: storage → board services → sync server → web app, all on one port.
 * Services are registered before the web app handles its first request.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? createLogger();
  const store = options.store ?? (await openStorage(config, log));
  const secret = resolveAuthSecret(config.dataDir);
  // next-auth reads these inside the Next.js handlers of this same process.
  process.env.NEXTAUTH_SECRET = secret;
  process.env.AUTH_TRUST_HOST ??= process.env.NEXTAUTH_URL ? undefined : "true";
  const metrics = createMetrics();
  const sessions = createSessionEnds(store);
  const fanout = options.fanout ?? (config.redisUrl ? createRedisFanout(config.redisUrl, log) : undefined);
  const sync = createSyncServer({
    fanout,
    repairIntervalMs: config.repairIntervalMs,
    store,
    log,
    metrics,
    authenticate: (req, boardId) => authenticateUpgrade(req, boardId, secret, sessions),
    sessionEnded: sessions.principalEnded,
    maxMessageBytes: config.maxMessageBytes,
    messagesPerSecond: config.messagesPerSecond,
    maxBufferedBytes: config.maxBufferedBytes,
    checkUpdates: config.checkUpdates,
    maxConnections: config.maxConnections,
    maxConnectionsPerBoard: config.maxConnectionsPerBoard,
    unloadDelayMs: config.unloadDelayMs,
    compactThreshold: config.compactThreshold,
  });
  let closing: Promise<void> | undefined;
  const ops = createOpsHandler({
    metrics,
    metricsToken: config.metricsToken,
    async notReady() {
      if (closing) return "shutting down";
      // Until it listens, access changes made on other instances would not reach this one.
      if (cluster && !cluster.listening()) return "not subscribed to the cluster bus";
      // A cheap indexed read: the database answers, whatever the board count.
      await Promise.race([
        store.getBoard("readiness-probe" as BoardId),
        new Promise((_, reject) => setTimeout(() => reject(new Error("storage did not answer within 2 s")), 2_000).unref()),
      ]);
      return null;
    },
  });
  const cluster = config.redisUrl ? createRedisClusterBus(config.redisUrl, log) : null;
  if (cluster) await waitAtMost(cluster.ready, CLUSTER_SUBSCRIBE_WAIT_MS);
  const localHub = createMemoryHub();
  const live = cluster ? clusteredHub(localHub, cluster) : localHub;
  // Access changes apply to this instance's connections, and through the bus to the others'.
  const access = {
    memberChanged(boardId: BoardId, userId: UserId, role: Role | null) {
      sync.updateAccess(boardId, (p) => p.access.principal.kind === "user" && p.access.principal.userId === userId, role);
      // The plan's people are its scenarios' people (docs/teams.md): their open rooms re-read roles.
      void store.listScenarios(boardId).then(
        (scenarios) => Promise.all(scenarios.map((s) => access.roomAccessChanged(s.id))),
        (error: unknown) => log.warn({ board: boardId, err: String(error) }, "scenario access update failed"),
      );
      if (role === null) {
        // Removed: their stream of the board's notices ends, and its notifications leave their inbox.
        localHub.endBoardAccess(boardId, userId);
        void pushUnread(store, localHub, [userId]);
      }
    },
    linkRevoked(boardId: BoardId, linkId: string) {
      localHub.endBoardAccess(boardId, guestActor(linkId));
      sync.updateAccess(boardId, (p) => p.access.principal.kind === "guest" && p.access.principal.shareLinkId === linkId, null);
    },
    teamsChanged(boardId: BoardId) {
      void sync.teamsChanged(boardId);
    },
    boardDeleted(boardId: BoardId) {
      localHub.endBoardAccess(boardId, null);
      return sync.boardDeleted(boardId);
    },
    /** Re-reads the role of everyone connected to a loaded board (a scenario archived, reopened or adopted). */
    async roomAccessChanged(boardId: BoardId) {
      const room = sync.registry.loaded(boardId);
      if (!room) return;
      for (const peer of room.connectedPeers()) {
        const role = await roleOn(store, peer.access.principal, boardId);
        if (role !== peer.access.role) room.updateAccess((p) => p === peer, role);
      }
    },
    /** Signed out: that session's sockets close (4401) and its event streams end. */
    sessionEnded(userId: UserId, sessionId: string) {
      sync.endSession(sessionId);
      localHub.endSession(userId, sessionId);
    },
  };
  cluster?.onEvent((event) => {
    switch (event.type) {
      case "member-changed":
        return access.memberChanged(event.boardId, event.userId, event.role);
      case "link-revoked":
        return access.linkRevoked(event.boardId, event.linkId);
      case "board-deleted":
        return void access.boardDeleted(event.boardId);
      case "teams-changed":
        return access.teamsChanged(event.boardId);
      case "session-ended":
        return access.sessionEnded(event.userId, event.sessionId);
      case "live-board":
        return localHub.publishToBoard(event.boardId, event.event);
      case "live-user":
        return localHub.publishToUser(event.userId, event.event);
    }
  });
  const mailer = options.mailer ?? createMailer(config, log);
  const mail = mailQueue(mailer, log);
  // Links in mail point at the public URL when one is configured, else at where we listen.
  let listeningUrl = config.publicUrl ?? "";
  const services = createAppServices({
    mail: { mail, url: (path) => `${config.publicUrl ?? listeningUrl}${path}` },
    log,
    storage: store,
    secret,
    events: {
      memberChanged: (boardId, userId, role) => {
        access.memberChanged(boardId, userId as UserId, role);
        cluster?.publish({ type: "member-changed", boardId, userId: userId as UserId, role });
      },
      shareLinkRevoked: (boardId, linkId) => {
        access.linkRevoked(boardId, linkId);
        cluster?.publish({ type: "link-revoked", boardId, linkId });
      },
      teamsChanged: (boardId) => {
        access.teamsChanged(boardId);
        cluster?.publish({ type: "teams-changed", boardId });
      },
      boardDeleted: (boardId) => {
        cluster?.publish({ type: "board-deleted", boardId });
        return access.boardDeleted(boardId);
      },
      // Other instances' connections follow within their periodic access recheck.
      accessChanged: (boardId) => access.roomAccessChanged(boardId),
    },
    readSnapshot: (boardId) => sync.readSnapshot(boardId),
    flushActivity: (boardId) => sync.flushActivity(boardId),
    withLiveBoard: (boardId, run) => sync.withLiveBoard(boardId, run),
    roomPeople: (boardId) => sync.roomPeople(boardId),
    live,
  });
  // Who is in the room of a board with a running workshop, sampled while it runs (docs/workshops.md).
  const workshopSampler = setInterval(() => void services.sampleWorkshops(), PARTICIPANT_SAMPLE_MS);
  workshopSampler.unref();
  registerAppServices(services);
  // Sign-in and sign-up counts are shared through Redis when instances share one.
  const limitsRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  limitsRedis?.on("error", (error) => log.debug({ err: String(error) }, "attempt limits: redis error"));
  const limits = createAttemptLimits({ redis: limitsRedis, log, settings: config.signUpsPerHour ? { signUps: config.signUpsPerHour } : {} });
  registerAuthGuards({
    beginSignIn: limits.beginSignIn,
    beginSignUp: limits.beginSignUp,
    isSessionEnded: sessions.isEnded,
    async endSession(sessionId, userId) {
      const id = userIdSchema.parse(userId);
      await sessions.end(sessionId, id);
      // Its sockets and streams close here at once, and on the other instances through the bus
      // (their periodic access recheck is the backstop for sockets if that message is lost).
      access.sessionEnded(id, sessionId);
      cluster?.publish({ type: "session-ended", userId: id, sessionId });
    },
  });
  const seeded = config.seedDemo ? await seedDemo(store, log, new Date()) : false;
  const web = options.web ? await options.web() : undefined;
  const outboxPage = createOutboxPage(outboxDir(config.dataDir), config.dev && mailer.kind === "outbox");
  const eventStream = createEventStreamHandler({
    hub: live,
    secret,
    services,
    isSessionEnded: sessions.isEnded,
    unread: (userId) => store.countUnread(userId),
    boardGreeting: (boardId) => services.workshopNotice(boardId),
    log,
    maxStreamsPerLink: config.maxStreamsPerLink,
    maxStreamsPerPerson: config.maxStreamsPerPerson,
  });

  const http = createServer((req, res) => {
    // Ops first: /metrics judges the request by its socket and by whether it came through a
    // proxy at all, which the forwarded headers tell before applyProxyTrust removes them.
    void ops(req, res)
      .then(async (handled) => handled || (await outboxPage(req, res)))
      .then((handled) => {
        if (!handled) route(req, res);
      });
  });
  const route = (req: IncomingMessage, res: ServerResponse) => {
    applyProxyTrust(req, config.trustProxy);
    // Server-sent events stay with the server process that publishes them, outside Next.js.
    if ((req.url ?? "").split("?")[0] === EVENTS_PATH) return void eventStream(req, res);
    if (web) return void web.handle(req, res);
    res.statusCode = 404;
    res.end("Not Found");
  };
  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    applyProxyTrust(req, config.trustProxy);
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
  listeningUrl = `http://${shownHost}:${port}`;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    services,
    secret,
    seeded,
    sync,
    live,
    mail,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        clearInterval(workshopSampler);
        services.stopWorkshops();
        live.close();
        await sync.close();
        await fanout?.close();
        await cluster?.close();
        if (limitsRedis) await closeRedis(limitsRedis);
        http.closeAllConnections();
        await stopped;
        // Mail already queued gets a few seconds to leave; a dead SMTP server does not hold shutdown.
        await waitAtMost(mail.idle(), 5_000);
        await mailer.close();
        await store.close();
      })();
      return closing;
    },
  };
}
