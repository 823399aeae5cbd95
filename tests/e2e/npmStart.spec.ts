import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Issue 15, point 14: stopping `npm start` stops the server it started. npm runs the start script
 * through a shell that does not pass SIGTERM on, so the server used to keep running and answering.
 * The e2e server has just built this checkout (scripts/buildIfChanged.mjs), so `npm start` here
 * installs nothing and builds nothing: it only starts.
 */
const port = (Number(process.env.WAYMARK_E2E_PORT) || 3117) + 50;

function answers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to npm start stops the server it started`, async () => {
    test.setTimeout(150_000);
    const dataDir = mkdtempSync(join(tmpdir(), "waymark-npm-start-"));
    const npm = spawn("npm", ["start"], {
      env: { ...process.env, PORT: String(port), WAYMARK_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" },
      stdio: "ignore",
    });
    try {
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/signin`).catch(() => null))?.status, { timeout: 120_000, intervals: [500] }).toBe(200);
      npm.kill(signal);
      await expect.poll(answers, { timeout: 15_000, intervals: [250] }).toBe(false);
    } finally {
      npm.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
