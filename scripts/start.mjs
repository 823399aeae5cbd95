#!/usr/bin/env node
// `npm start`: the one command a newcomer runs on a fresh clone. Installs dependencies when they
// are missing or stale, builds the web app when its sources changed, then serves the web app and
// the sync server on one port (data in ./data, demo board seeded on first start).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildIfChanged } from "./buildIfChanged.mjs";

const root = new URL("..", import.meta.url).pathname;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function newer(a, b) {
  return !existsSync(b) || statSync(a).mtimeMs > statSync(b).mtimeMs;
}

// 1. Dependencies.
if (!existsSync(join(root, "node_modules")) || newer(join(root, "package-lock.json"), join(root, "node_modules/.package-lock.json"))) {
  console.log("→ Installing dependencies (first run compiles better-sqlite3, about a minute)…");
  run(npm, [existsSync(join(root, "node_modules")) ? "install" : "ci", "--no-audit", "--no-fund"]);
}

// 2. Build when anything that goes into the web bundle changed since the last build.
buildIfChanged();

// 3. Serve. tsx runs the TypeScript server directly; signals pass through for a clean flush.
const server = spawn(join(root, "node_modules", ".bin", "tsx"), ["server/index.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
  // The server flushes and exits within seconds; one that hangs is not left running.
  setTimeout(() => server.kill("SIGKILL"), 15_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
// package.json starts this with `exec`, so npm's SIGTERM and SIGINT reach us rather than a shell
// that would not pass them on. If npm goes away without a signal (killed outright), we are
// re-parented: stop the server then too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop("SIGTERM");
}, 250).unref();
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
