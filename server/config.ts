import { resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_SQLITE_SYNC, type SqliteSync } from "./storage/sqlite/sqliteSync";
import { DEFAULT_MAX_STREAMS_PER_LINK, DEFAULT_MAX_STREAMS_PER_PERSON } from "./events/streamQuota";

/** Every environment variable the server reads, parsed once at start-up (README lists them). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  WAYMARK_DATA_DIR: z.string().default("data"),
  /** Set to 0 to start with an empty database (no demo board). */
  WAYMARK_SEED: z.enum(["0", "1"]).default("1"),
  WAYMARK_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  WAYMARK_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(30_000),
  WAYMARK_COMPACT_THRESHOLD: z.coerce.number().int().min(2).default(500),
  /**
   * SQLite only. normal: an update is written to the database before anyone is sent it, and the
   * write-ahead log is fsynced at least once a second; full: fsynced before anyone is sent it.
   */
  WAYMARK_SQLITE_SYNC: z.enum(["normal", "full"]).default(DEFAULT_SQLITE_SYNC),
  /** Sustained websocket messages per second per connection before reads slow down. */
  WAYMARK_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(500),
  /** Bytes that may wait in one connection's send buffer; beyond, it is closed as not reading (4508). */
  WAYMARK_MAX_BUFFERED_BYTES: z.coerce.number().int().min(64 * 1024).default(8 * 1024 * 1024),
  /** Open sync connections this process accepts; beyond, upgrades are refused with 503. */
  WAYMARK_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(10_000),
  /** Open sync connections one board accepts; beyond, upgrades are refused with 503. */
  WAYMARK_MAX_CONNECTIONS_PER_BOARD: z.coerce.number().int().min(1).default(1_500),
  /** Live event streams (`/events`) one share link's guests may hold open; beyond, 429. */
  WAYMARK_MAX_STREAMS_PER_LINK: z.coerce.number().int().min(1).default(DEFAULT_MAX_STREAMS_PER_LINK),
  /** Live event streams one signed-in person may hold open; beyond, 429. */
  WAYMARK_MAX_STREAMS_PER_PERSON: z.coerce.number().int().min(1).default(DEFAULT_MAX_STREAMS_PER_PERSON),
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  WAYMARK_METRICS_TOKEN: z.string().min(16).optional(),
  /** Redis shared by several instances (fan-out of updates and presence); unset = one process. */
  REDIS_URL: z.string().url().optional(),
  /** How often instances compare state vectors to repair lost fan-out messages. */
  WAYMARK_REPAIR_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
  /** Accounts one client address may create per hour (a load test from one machine needs more). */
  WAYMARK_SIGNUPS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** 1 when a reverse proxy you trust sets X-Forwarded-For, -Host and -Proto. */
  WAYMARK_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** postgres://… to store everything in PostgreSQL (shared by several instances); unset or empty = SQLite. */
  DATABASE_URL: z
    .string()
    .regex(/^(postgres|postgresql):\/\//, "must start with postgres:// or postgresql://")
    .or(z.literal(""))
    .optional(),
  /** smtp://user:pass@host:587 or smtps://…:465; unset = mail is written to <data dir>/outbox/. */
  WAYMARK_SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  WAYMARK_MAIL_FROM: z.string().min(3).optional(),
  /** The address people reach this server at, for links in mail (default: NEXTAUTH_URL, else the local URL). */
  WAYMARK_PUBLIC_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  dev: boolean;
  dataDir: string;
  seedDemo: boolean;
  maxMessageBytes: number;
  unloadDelayMs: number;
  compactThreshold: number;
  /** When SQLite fsyncs: see SqliteSync. */
  sqliteSync: SqliteSync;
  trustProxy: boolean;
  /** Sign-ups per client address per hour. */
  signUpsPerHour?: number;
  messagesPerSecond: number;
  /** False only in the benchmark's reference server (RoomDeps.checkUpdates); not read from the environment. */
  checkUpdates?: boolean;
  /** See the env schema above; absent in tests means the sync server's defaults. */
  maxBufferedBytes?: number;
  maxConnections?: number;
  maxConnectionsPerBoard?: number;
  maxStreamsPerLink?: number;
  maxStreamsPerPerson?: number;
  metricsToken?: string;
  redisUrl?: string;
  repairIntervalMs?: number;
  /** PostgreSQL connection URL; absent = the SQLite file in dataDir. */
  databaseUrl?: string;
  /** SMTP server for mail; absent = the outbox folder in dataDir. */
  smtpUrl?: string;
  mailFrom?: string;
  /** Base of links in mail; absent = the URL the server listens on. */
  publicUrl?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable means unset (`REDIS_URL= npm start`), as shells and CI files write it.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid environment: ${detail}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dev: e.NODE_ENV !== "production",
    dataDir: resolve(e.WAYMARK_DATA_DIR),
    seedDemo: e.WAYMARK_SEED === "1",
    maxMessageBytes: e.WAYMARK_MAX_MESSAGE_BYTES,
    unloadDelayMs: e.WAYMARK_UNLOAD_DELAY_MS,
    compactThreshold: e.WAYMARK_COMPACT_THRESHOLD,
    sqliteSync: e.WAYMARK_SQLITE_SYNC,
    trustProxy: e.WAYMARK_TRUST_PROXY === "1",
    signUpsPerHour: e.WAYMARK_SIGNUPS_PER_HOUR,
    messagesPerSecond: e.WAYMARK_MESSAGES_PER_SECOND,
    maxBufferedBytes: e.WAYMARK_MAX_BUFFERED_BYTES,
    maxConnections: e.WAYMARK_MAX_CONNECTIONS,
    maxConnectionsPerBoard: e.WAYMARK_MAX_CONNECTIONS_PER_BOARD,
    maxStreamsPerLink: e.WAYMARK_MAX_STREAMS_PER_LINK,
    maxStreamsPerPerson: e.WAYMARK_MAX_STREAMS_PER_PERSON,
    metricsToken: e.WAYMARK_METRICS_TOKEN,
    redisUrl: e.REDIS_URL,
    repairIntervalMs: e.WAYMARK_REPAIR_INTERVAL_MS,
    databaseUrl: e.DATABASE_URL || undefined,
    smtpUrl: e.WAYMARK_SMTP_URL,
    mailFrom: e.WAYMARK_MAIL_FROM,
    publicUrl: (e.WAYMARK_PUBLIC_URL ?? e.NEXTAUTH_URL)?.replace(/\/+$/, ""),
  };
}
