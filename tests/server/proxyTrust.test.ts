import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  if (server) removeDataDir(server.dataDir);
  server = undefined;
});

/** The HTTP status of a websocket handshake (101 when it opens). */
function handshake(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once("open", () => {
      ws.close();
      resolve(101);
    });
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("error", reject);
  });
}

describe("the websocket same-origin check believes X-Forwarded-Host only from a trusted proxy", () => {
  it.each([
    [false, 403],
    [true, 101],
  ])("WAYMARK_TRUST_PROXY=%s: a page on roadmaps.example, forwarded as roadmaps.example, gets HTTP %i", async (trustProxy, status) => {
    server = await startTestServer({ trustProxy });
    const board = await server.boards.createBoard({ title: "Behind a proxy" });
    const url = `${server.wsUrl}/${board.id}?token=${board.token}`;
    expect(await handshake(url, { origin: "https://roadmaps.example", "x-forwarded-host": "roadmaps.example" })).toBe(status);
    // The server's own origin always passes; another site never does.
    expect(await handshake(url, { origin: server.url })).toBe(101);
    expect(await handshake(url, { origin: "https://evil.example", "x-forwarded-host": "roadmaps.example" })).toBe(403);
  });
});
