import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { WebSocket } from "ws";
import { authOptions } from "../../app/_auth/authOptions";
import type { UserId } from "../../lib/model/ids";
import { EVENTS_PATH } from "../../lib/protocol/comments";
import { CloseCode } from "../../lib/protocol/sync";
import { mintSyncToken } from "../../server/auth/syncTokens";
import { openStream, sessionCookie } from "../helpers/eventStreams";
import { closed } from "../helpers/rawSocket";
import { describeEachStorage } from "../helpers/storageBackends";
import { eventually } from "../helpers/syncClient";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

const REDIS_URL = process.env.REDIS_URL;
const NO_REDIS = "REDIS_URL is not set; set it (redis://127.0.0.1:6379) to check sign-out across instances";

/** A websocket to a board as a browser with that cookie opens it (no Origin: same-origin rules aside). */
function openSocket(url: string, cookie?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, cookie ? { headers: { cookie } } : {});
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
  });
}

/** What next-auth does on POST /api/auth/signout with this session's cookie: its signOut event. */
const signOut = (userId: UserId, sessionId: string) => authOptions.events!.signOut!({ token: { sub: userId, sid: sessionId }, session: undefined as never });
/** What next-auth does when a page or route reads the session (getServerSession, /api/auth/session). */
const readSession = (userId: UserId, sessionId: string) => authOptions.callbacks!.jwt!({ token: { sub: userId, sid: sessionId } } as never);

const sockets: WebSocket[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

describeEachStorage("signing out ends that session on the server", (backend) => {
  let s: TestServer;
  let board: TestBoard;
  let ana: UserId;
  let laptop: string, phone: string;
  beforeEach(async () => {
    s = await startTestServer(backend.serverConfig());
    board = await s.boards.createBoard({ title: "Signed out" });
    ana = board.ownerId;
    laptop = await sessionCookie(s.secret, ana, "Ana", "session-laptop");
    phone = await sessionCookie(s.secret, ana, "Ana", "session-phone");
  });
  afterEach(async () => {
    await s.close();
    removeDataDir(s.dataDir);
  });
  const boardUrl = (query = "") => `${s.wsUrl}/${board.id}${query}`;
  const open = async (url: string, cookie?: string) => {
    const ws = await openSocket(url, cookie);
    sockets.push(ws);
    return ws;
  };

  it("closes that session's open sockets (4401), those opened by cookie and by the sync tokens it minted; the phone stays on", async () => {
    const token = mintSyncToken(s.secret, { kind: "user", userId: ana, name: "", email: "", sessionId: "session-laptop" }, board.id).token;
    const byCookie = await open(boardUrl(), laptop);
    const byToken = await open(boardUrl(`?token=${token}`));
    const onPhone = await open(boardUrl(), phone);
    const [cookieClosed, tokenClosed] = [closed(byCookie), closed(byToken)];
    await signOut(ana, "session-laptop");
    expect(await cookieClosed).toEqual({ code: CloseCode.Unauthorized, reason: "signed out" });
    expect((await tokenClosed).code).toBe(CloseCode.Unauthorized);
    await new Promise((r) => setTimeout(r, 50));
    expect(onPhone.readyState).toBe(WebSocket.OPEN);
  });

  it("ends that session's open event streams; the phone's stream stays", async () => {
    const onLaptop = await openStream(`${s.url}${EVENTS_PATH}`, laptop);
    const onPhone = await openStream(`${s.url}${EVENTS_PATH}`, phone);
    await onLaptop.waitFor((e) => e.event === "inbox");
    await signOut(ana, "session-laptop");
    await onLaptop.ended;
    s.live.publishToUser(ana, { type: "inbox", unread: 3 });
    await onPhone.waitFor((e) => (e.data as { unread?: number }).unread === 3);
    onPhone.close();
  });

  it("the old cookie, and tokens minted in that session, no longer open a socket or an event stream, nor read a session", async () => {
    const token = mintSyncToken(s.secret, { kind: "user", userId: ana, name: "", email: "", sessionId: "session-laptop" }, board.id).token;
    await signOut(ana, "session-laptop");
    await expect(openSocket(boardUrl(), laptop)).rejects.toThrow(/HTTP 401/);
    await expect(openSocket(boardUrl(`?token=${token}`))).rejects.toThrow(/HTTP 401/);
    expect((await openStream(`${s.url}${EVENTS_PATH}`, laptop)).status).toBe(401);
    await expect(readSession(ana, "session-laptop")).rejects.toThrow(/signed out/);
    // The other session is untouched.
    await open(boardUrl(), phone);
    const stream = await openStream(`${s.url}${EVENTS_PATH}`, phone);
    expect(stream.status).toBe(200);
    stream.close();
    expect(await readSession(ana, "session-phone")).toMatchObject({ sub: ana, sid: "session-phone" });
  });

  it("a cookie from before sessions had ids is signed out too (named by its jti)", async () => {
    const legacy = await sessionCookie(s.secret, ana, "Ana");
    const ws = await open(boardUrl(), legacy);
    const done = closed(ws);
    // What next-auth hands the signOut event: the cookie, decoded.
    const token = await decode({ token: legacy.slice(legacy.indexOf("=") + 1), secret: s.secret });
    await authOptions.events!.signOut!({ token: token!, session: undefined as never });
    expect((await done).code).toBe(CloseCode.Unauthorized);
    await expect(openSocket(boardUrl(), legacy)).rejects.toThrow(/HTTP 401/);
    await expect(authOptions.callbacks!.jwt!({ token: token! } as never)).rejects.toThrow(/signed out/);
  });

  it("a socket whose sign-out was not heard (say, a lost cluster message) is closed by the periodic recheck", async () => {
    const ws = await open(boardUrl(), laptop);
    const done = closed(ws);
    // Recorded in storage only, as another instance would have done it.
    await s.store.endSession({ id: "session-laptop", userId: ana, endedAt: new Date().toISOString(), until: new Date(Date.now() + 60_000).toISOString() });
    await s.sync.recheckAccess();
    expect((await done).code).toBe(CloseCode.Unauthorized);
  });
});

describeEachStorage(
  "signing out on one instance closes that session's sockets on another",
  (backend) => {
    const servers: TestServer[] = [];
    afterEach(async () => {
      for (const server of servers.splice(0)) await server.close();
    });
    it("through the cluster bus", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "waymark-signout-"));
      const config = { dataDir, ...backend.serverConfig(), redisUrl: REDIS_URL };
      const a = await startTestServer(config);
      servers.push(a);
      const board = await a.boards.createBoard({ title: "Two instances" });
      const ws = await openSocket(`${a.wsUrl}/${board.id}`, await sessionCookie(a.secret, board.ownerId, "Ana", "session-laptop"));
      sockets.push(ws);
      const done = closed(ws);
      // The instance started last registers the guards next-auth calls: the sign-out lands on b.
      servers.push(await startTestServer(config));
      await signOut(board.ownerId, "session-laptop");
      expect((await done).code).toBe(CloseCode.Unauthorized);
      await eventually(() => expect(ws.readyState).toBe(WebSocket.CLOSED));
      removeDataDir(dataDir);
    });
  },
  { skip: REDIS_URL ? null : NO_REDIS },
);
