import pg from "pg";
import type { Logger } from "../../log";
import type { Storage } from "../storage";
import { migratePostgres } from "./migrations";
import { pgAccountStore } from "./pgAccountStore";
import { pgActivityStore } from "./pgActivityStore";
import { pgBoardStore } from "./pgBoardStore";
import { pgCommentStore } from "./pgCommentStore";
import { pgSessionStore } from "./pgSessionStore";
import { pgTemplateStore } from "./pgTemplateStore";
import { pgLaneOwnerStore } from "./pgLaneOwnerStore";
import { pgProposalStore } from "./pgProposalStore";
import { pgScenarioStore } from "./pgScenarioStore";
import { pgDependencyRequestStore } from "./pgDependencyRequestStore";
import { pgVersionStore } from "./pgVersionStore";
import { pgWorkshopStore } from "./pgWorkshopStore";

export interface PostgresOptions {
  /** postgres://user:password@host:port/database; `?options=-c search_path=…` picks a schema. */
  url: string;
  log?: Logger;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
}

/**
 * The shared store for several server instances: a connection pool on one PostgreSQL database,
 * migrated before the first query. Resolves only once the schema is up to date.
 */
export async function openPostgresStorage({ url, log, maxConnections = 10 }: PostgresOptions): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, application_name: "waymark" });
  // An idle connection the server drops (restart, failover) emits here; without a listener it
  // would crash the process. The pool replaces it on the next query.
  pool.on("error", (error) => log?.error({ err: String(error) }, "postgres connection lost"));
  try {
    const applied = await migratePostgres(pool);
    if (applied) log?.info({ applied }, "postgres schema migrated");
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    ...pgBoardStore(pool),
    ...pgAccountStore(pool),
    ...pgActivityStore(pool),
    ...pgCommentStore(pool),
    ...pgSessionStore(pool),
    ...pgVersionStore(pool),
    ...pgWorkshopStore(pool),
    ...pgTemplateStore(pool),
    ...pgLaneOwnerStore(pool),
    ...pgProposalStore(pool),
    ...pgScenarioStore(pool),
    ...pgDependencyRequestStore(pool),
    async close() {
      await pool.end();
    },
  };
}
