import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { percentile } from "./stats";

export interface DiskCommits {
  p50: number;
  p99: number;
}

/**
 * How long a durable SQLite commit takes on this disk right now: the floor under any latency
 * Waymark can reach, since it commits (WAL, synchronous=FULL, one fsync) before it broadcasts.
 * Same settings as openDatabase, on the same disk as the server's data folder; other
 * processes' writes (builds, other test runs) show up here first.
 */
export function probeDiskCommits(commits = 100): DiskCommits {
  const dir = mkdtempSync(join(tmpdir(), "waymark-disk-probe-"));
  const db = new Database(join(dir, "probe.sqlite"));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.exec("CREATE TABLE probe (seq INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB)");
    const insert = db.prepare("INSERT INTO probe (data) VALUES (?)");
    const row = Buffer.alloc(200, 7);
    const times: number[] = [];
    for (let i = 0; i < commits; i++) {
      const started = performance.now();
      insert.run(row);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
