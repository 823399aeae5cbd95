/**
 * A Waymark sync server in a process of its own (no Next.js), configured by the environment
 * like the real one, so tests can SIGKILL it. Prints "READY <port>" once listening.
 */
import { readConfig } from "../../server/config";
import { createLogger } from "../../server/log";
import { startServer } from "../../server/startServer";

const server = await startServer({ config: readConfig(), log: createLogger(process.env.LOG_LEVEL ?? "silent") });
process.stdout.write(`READY ${server.port}\n`);
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
