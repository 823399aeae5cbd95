import next from "next";
import { readConfig } from "./config";
import { createLogger } from "./log";
import { demoAccountsBanner } from "./services/demoSeed";
import { startServer } from "./startServer";

/** Entry point: the web app and the sync server on one port (`npm start` / `npm run dev`). */
async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger();
  const server = await startServer({
    config,
    log,
    web: async () => {
      const app = next({ dev: config.dev, hostname: "localhost", port: config.port, dir: process.cwd() });
      await app.prepare();
      // Next's own upgrades (dev hot reload) go to Next; /sync/* never reaches it.
      return { handle: app.getRequestHandler(), upgrade: app.getUpgradeHandler() };
    },
  });
  log.info({ url: server.url, dataDir: config.dataDir, dev: config.dev }, "Waymark is running");
  console.log(`\n  Waymark is running at ${server.url}\n`);
  if (config.seedDemo) console.log(`${demoAccountsBanner()}\n`);

  const shutdown = (signal: string) => {
    log.info({ signal }, "shutting down: flushing boards");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: String(error) }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
