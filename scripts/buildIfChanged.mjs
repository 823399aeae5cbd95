#!/usr/bin/env node
// Builds the web app only when something that goes into its bundle changed since the last build
// (a hash of the inputs is stamped into .next). Used by `npm start` and by the e2e suite's server,
// so a checkout that the tests just built starts without building again.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
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

export function buildIfChanged() {
  const stamp = join(root, ".next", "waymark-build-inputs");
  const inputs = hashInputs();
  if (existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === inputs) return;
  console.log("→ Building the web app…");
  const result = spawnSync(npm, ["run", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✗ npm run build failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, inputs);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildIfChanged();
