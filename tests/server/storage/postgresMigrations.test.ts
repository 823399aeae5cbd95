import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newBoardId } from "../../../lib/model/ids";
import { migratePostgres, PG_MIGRATIONS } from "../../../server/storage/postgres/migrations";
import { openPostgresStorage } from "../../../server/storage/postgres/openPostgresStorage";
import type { Storage } from "../../../server/storage/storage";
import { createTestSchema, NO_DATABASE_REASON, TEST_DATABASE_URL, type TestSchema } from "../../helpers/postgresSchema";

const title = `PostgreSQL migrations${TEST_DATABASE_URL ? "" : ` (skipped: ${NO_DATABASE_REASON})`}`;

describe.skipIf(!TEST_DATABASE_URL)(title, () => {
  let schema: TestSchema;
  let pools: pg.Pool[] = [];
  let stores: Storage[] = [];
  const pool = () => {
    const p = new pg.Pool({ connectionString: schema.url, max: 2 });
    pools.push(p);
    return p;
  };
  const applied = async () =>
    (await pool().query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version);
  const tables = async () =>
    (
      await pool().query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
        [schema.name],
      )
    ).rows.map((r) => r.table_name);

  beforeEach(async () => {
    schema = await createTestSchema(TEST_DATABASE_URL!);
  });
  afterEach(async () => {
    for (const s of stores) await s.close();
    for (const p of pools) await p.end();
    stores = [];
    pools = [];
    await schema.drop();
  });

  it("several instances starting at once on an empty database: each migration runs exactly once, all open", async () => {
    stores = await Promise.all(Array.from({ length: 6 }, () => openPostgresStorage({ url: schema.url, maxConnections: 2 })));
    expect(await applied()).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
    // Every instance works on the same tables.
    const id = newBoardId();
    await stores[0]!.createBoard({ id, title: "Shared" }, new Uint8Array([1]));
    for (const s of stores) expect((await s.getBoard(id))?.title).toBe("Shared");
  });

  it("a second start finds the schema up to date and applies nothing", async () => {
    expect(await migratePostgres(pool())).toBe(PG_MIGRATIONS.length);
    expect(await migratePostgres(pool())).toBe(0);
    expect(await applied()).toHaveLength(PG_MIGRATIONS.length);
  });

  it("a failing migration leaves nothing half-applied: not the migrations before it in the same start either", async () => {
    const broken = ["CREATE TABLE first_table (id TEXT)", "CREATE TABLE second_table (id TEXT REFERENCES no_such_table(id))"];
    await expect(migratePostgres(pool(), broken)).rejects.toThrow(/no_such_table/);
    expect(await tables()).toEqual([]);
    // The next start, with the fix, applies both.
    await migratePostgres(pool(), [broken[0]!, "CREATE TABLE second_table (id TEXT)"]);
    expect(await tables()).toEqual(["first_table", "schema_migrations", "second_table"]);
  });

  it("the tables live in the schema the URL names, not in public", async () => {
    stores.push(await openPostgresStorage({ url: schema.url }));
    expect(await tables()).toEqual(
      [
        "board_activity",
        "board_history",
        "board_quarantine",
        "board_snapshots",
        "board_updates",
        "board_versions",
        "board_visits",
        "boards",
        "calendar_feeds",
        "dependency_requests",
        "lane_owners",
        "proposals",
        "scenarios",
        "comment_threads",
        "comments",
        "ended_sessions",
        "invitations",
        "memberships",
        "notifications",
        "schema_migrations",
        "share_links",
        "user_templates",
        "users",
        "workshop_ballots",
        "workshop_drafts",
        "workshop_participants",
        "workshop_votes",
        "workshops",
      ].sort(),
    );
  });

  it("a database that cannot be reached fails the start with the reason", async () => {
    const url = new URL(TEST_DATABASE_URL!);
    url.port = "1";
    await expect(openPostgresStorage({ url: url.toString() })).rejects.toThrow(/ECONNREFUSED/);
  });
});
