import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL the storage tests run against, or undefined (then those runs are skipped). */
export const TEST_DATABASE_URL = process.env.DATABASE_URL || undefined;

export const NO_DATABASE_REASON =
  "DATABASE_URL is not set; set it to a postgres:// URL (.ci/run does) to run these against PostgreSQL";

/**
 * A schema of its own in the test database, so test files running in parallel never see each
 * other's tables. `url` points a store at it (the libpq `options` parameter sets search_path on
 * every pooled connection); `reset` empties it by dropping and recreating it, so the next store
 * opened on it migrates from nothing.
 */
export interface TestSchema {
  name: string;
  url: string;
  reset(): Promise<void>;
  drop(): Promise<void>;
}

async function admin(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  // Random hex only: safe to splice into SQL as an identifier.
  const name = `wm_test_${randomBytes(6).toString("hex")}`;
  await admin(baseUrl, `CREATE SCHEMA ${name}`);
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    reset: () => admin(baseUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE; CREATE SCHEMA ${name}`),
    drop: () => admin(baseUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
}
