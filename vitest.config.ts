import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Server tests bind real ports and SQLite files; isolation per file keeps them independent.
    pool: "forks",
    // Memory bounds in tests (the hostile fuzz) collect garbage before measuring: without this,
    // global.gc is undefined and the heap includes whatever garbage the run happened to leave.
    execArgv: ["--expose-gc"],
  },
});
