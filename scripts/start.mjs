#!/usr/bin/env node
// `npm start`: the one command a newcomer runs on a fresh clone. Installs dependencies when they
// are missing or stale, builds the web app when its sources changed, then serves the web app and
// the sync server on one port (data in ./data, demo board seeded on first start).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
const BUILD_INPUTS = ["app", "components", "lib", "proxy.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
function hashInputs() {
  const hash = createHash("sha256");
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else hash.update(path.slice(root.length)).update(readFileSync(path));
  };
  for (const input of BUILD_INPUTS) if (existsSync(join(root, input))) visit(join(root, input));
  return hash.digest("hex");
}
const stamp = join(root, ".next", "waymark-build-inputs");
const inputs = hashInputs();
if (!existsSync(join(root, ".next", "BUILD_ID")) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== inputs) {
  console.log("→ Building the web app…");
  run(npm, ["run", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  writeFileSync(stamp, inputs);
}

// 3. Serve. tsx runs the TypeScript server directly; signals pass through for a clean flush.
const server = spawn(join(root, "node_modules", ".bin", "tsx"), ["server/index.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
