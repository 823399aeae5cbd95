/**
 * Reference server: Hocuspocus with its default settings (no extensions, so no persistence),
 * in a process of its own so its memory and CPU are its own. Tells the parent its port.
 */
import { Server } from "@hocuspocus/server";
import type { ServerEvent } from "../types";

const send = (event: ServerEvent) => process.send?.(event);

const server = new Server({ port: 0, address: "127.0.0.1", quiet: true });
await server.listen();
send({ type: "ready", port: server.address.port });
// The parent ends this process with SIGTERM; nothing is stored, so there is nothing to flush.
process.on("disconnect", () => process.exit(0));
