import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests against the real thing: a production build served by the Waymark server
 * (web app + sync on one port) with a throwaway data directory, driven by Debian's chromium.
 */
/** WAYMARK_E2E_PORT lets parallel checkouts (git worktrees) run their suites side by side. */
const PORT = Number(process.env.WAYMARK_E2E_PORT) || 3117;
/** Point the tests at an already running instance instead (e.g. `npm run dev`) to iterate fast. */
const externalUrl = process.env.WAYMARK_E2E_URL;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: externalUrl ?? `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: externalUrl
    ? undefined
    : {
        // A fresh data directory per run: tests never see boards from an earlier run.
        command: "rm -rf .e2e-data && node scripts/buildIfChanged.mjs && npx tsx server/index.ts",
        // DATABASE_URL cleared: .ci/run sets it for the storage tests, and a shared database would
        // carry boards over from earlier runs.
        // The suite signs up dozens of people from this one machine: far past the per-client
        // limit a real sign-up page has (tests/server/attemptLimits.test.ts checks that limit).
        env: { PORT: String(PORT), WAYMARK_DATA_DIR: ".e2e-data", NODE_ENV: "production", DATABASE_URL: "", WAYMARK_SIGNUPS_PER_HOUR: "100000" },
        url: `http://localhost:${PORT}/signin`,
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
        stdout: "ignore",
        stderr: "pipe",
      },
});
