#!/usr/bin/env node
// End-to-end tests drive Debian's chromium (no browser downloads). Installs it when missing.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const CHROMIUM = "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`${CHROMIUM} is missing: install it with \`sudo apt-get install -y chromium\`.`);
    process.exit(1);
  }
  console.log("→ Installing Debian's chromium for the end-to-end tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let result = spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env });
  if (result.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    result = spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env });
  }
  if (result.status !== 0 || !existsSync(CHROMIUM)) {
    console.error("Could not install chromium.");
    process.exit(1);
  }
}
