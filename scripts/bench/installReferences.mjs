#!/usr/bin/env node
// Installs the benchmark's reference servers (scripts/bench/package.json) into
// scripts/bench/node_modules when they are missing or the lock file changed. They stay out of the
// app's own install so a newcomer's `npm start` shows no warnings about them (docs/benchmarks.md).
// yjs, y-protocols and lib0 are peers: left out here (legacy peer deps), they resolve to the app's
// single copy, so the bench clients and Waymark share one yjs.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const lockHash = createHash("sha256").update(readFileSync(join(dir, "package-lock.json"))).digest("hex");
const stamp = join(dir, "node_modules", ".installed-lock-sha256");
if (existsSync(stamp) && readFileSync(stamp, "utf8") === lockHash) process.exit(0);

console.log("→ Installing the benchmark's reference servers (Hocuspocus, y-websocket-server) into scripts/bench/node_modules…");
// Hocuspocus 4 declares Node >= 22 and runs here on 20; that warning and leveldown's unused native
// build (scripts ignored) are the benchmark's own business, so only errors are shown.
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const result = spawnSync(npm, ["ci", "--prefix", dir, "--legacy-peer-deps", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], {
  stdio: "inherit",
});
if (result.status === 0) writeFileSync(stamp, lockHash);
process.exit(result.status ?? 1);
