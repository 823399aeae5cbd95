import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UserId } from "../../lib/model/ids";
import { EVENTS_PATH } from "../../lib/protocol/comments";
import { createEventStreamHandler } from "../../server/events/eventStream";
import { createMemoryHub } from "../../server/events/liveEvents";
import { createLogger } from "../../server/log";
import { mentioning, startCommentWorld, text, value, type CommentWorld } from "../helpers/commentWorld";
import { openStream, sessionCookie, type OpenStream } from "../helpers/eventStreams";
import { eventually } from "../helpers/syncClient";

/**
 * Live notices over server-sent events on the real server: signed in by the session cookie,
 * board notices only for those who may see the board, and every comment write announced
 * within a second.
 */
let w: CommentWorld;
const streams: OpenStream[] = [];
beforeEach(async () => {
  w = await startCommentWorld();
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await w.close();
});

const url = (board?: string) => `${w.s.url}${EVENTS_PATH}${board === undefined ? "" : `?board=${encodeURIComponent(board)}`}`;
async function open(user: UserId | null, board?: string) {
  const stream = await openStream(url(board), user ? await sessionCookie(w.s.secret, user) : undefined);
  streams.push(stream);
  return stream;
}
const svc = () => w.s.services;

describe("who may listen", () => {
  it("without a session (or with a forged one) the answer is 401", async () => {
    for (const cookie of [undefined, "next-auth.session-token=forged", await sessionCookie("another secret", w.people.editor)]) {
      const stream = await openStream(url(w.board.id), cookie);
      expect(stream.status).toBe(401);
      expect(JSON.parse(await stream.body)).toEqual({ error: "sign in first" });
    }
  });

  it.each([
    ["a board the user is not on", () => w.board.id],
    ["a board that does not exist", () => "bNoSuchBoard0000"],
    ["a board id that is junk", () => "../../etc/passwd"],
  ])("%s is a 404, all alike", async (_what, board) => {
    const stream = await open(w.people.stranger, board());
    expect(stream.status).toBe(404);
    expect(JSON.parse(await stream.body)).toEqual({ error: "board not found" });
  });

  it("a member gets an event stream that starts with their unread count; the board is optional", async () => {
    await svc().createThread(w.people.owner, w.board.id, { anchor: { kind: "board" }, body: mentioning(w.people.viewer, "Dev") });
    for (const board of [w.board.id, undefined]) {
      const stream = await open(w.people.viewer, board);
      expect(stream.status).toBe(200);
      expect(stream.headers["content-type"]).toMatch(/^text\/event-stream/);
      expect(stream.headers["cache-control"]).toBe("no-cache, no-transform");
      expect(stream.headers["x-accel-buffering"]).toBe("no");
      expect((await stream.waitFor((e) => e.event === "inbox")).data).toEqual({ type: "inbox", unread: 1 });
    }
  });
});

describe("what they hear", () => {
  it("a comment by someone else reaches the board's listeners as `threads` and the notified as `inbox`, within a second", async () => {
    const ben = await open(w.people.editor, w.board.id);
    const dev = await open(w.people.viewer); // no board: inbox notices only
    await ben.waitFor((e) => e.event === "inbox");
    await dev.waitFor((e) => e.event === "inbox");
    const [benSeen, devSeen] = [ben.events.length, dev.events.length];
    const thread = value(await svc().createThread(w.people.commenter, w.board.id, { anchor: { kind: "board" }, body: mentioning(w.people.viewer, "Dev") }));
    expect((await ben.waitFor((e) => e.event === "threads", { after: benSeen })).data).toEqual({ type: "threads", boardId: w.board.id });
    expect((await dev.waitFor((e) => e.event === "inbox", { after: devSeen })).data).toEqual({ type: "inbox", unread: 1 });
    expect(dev.events.slice(devSeen).some((e) => e.event === "threads")).toBe(false);

    // Edits, deletes and resolves are announced too; the deleted mention leaves Dev's inbox.
    const benBefore = ben.events.length;
    value(await svc().setThreadResolved(w.people.editor, w.board.id, thread.id, true));
    await ben.waitFor((e) => e.event === "threads", { after: benBefore });
    const devBefore = dev.events.length;
    value(await svc().deleteComment(w.people.owner, w.board.id, thread.comments[0]!.id));
    expect((await dev.waitFor((e) => e.event === "inbox", { after: devBefore })).data).toEqual({ type: "inbox", unread: 0 });
  });

  it("marking read tells the reader's other tabs the new count", async () => {
    await svc().createThread(w.people.owner, w.board.id, { anchor: { kind: "item", id: w.itemId }, body: text("For the item's owners") });
    const tab = await open(w.people.editor);
    await tab.waitFor((e) => e.event === "inbox" && (e.data as { unread: number }).unread === 1);
    const seen = tab.events.length;
    await svc().markRead(w.people.editor, { all: true });
    expect((await tab.waitFor((e) => e.event === "inbox", { after: seen })).data).toEqual({ type: "inbox", unread: 0 });
  });

  it("a member removed from the board has their board stream ended", async () => {
    const stream = await open(w.people.commenter, w.board.id);
    await stream.waitFor((e) => e.event === "inbox");
    value(await svc().removeMember(w.people.owner, w.board.id, w.people.commenter));
    await stream.ended;
    // Reconnecting to the board is now refused like any board they cannot see.
    expect((await open(w.people.commenter, w.board.id)).status).toBe(404);
  });

  it("deleting the board ends every stream of it; streams without a board stay open", async () => {
    const onBoard = await open(w.people.viewer, w.board.id);
    const inboxOnly = await open(w.people.viewer);
    await onBoard.waitFor((e) => e.event === "inbox");
    await inboxOnly.waitFor((e) => e.event === "inbox");
    value(await svc().deleteBoard(w.people.owner, w.board.id));
    await onBoard.ended;
    let inboxEnded = false;
    void inboxOnly.ended.then(() => (inboxEnded = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(inboxEnded).toBe(false);
  });
});

describe("share-link guests", () => {
  const guestUrl = (board: string, secret: string) => `${url(board)}&share=${encodeURIComponent(secret)}`;

  it("a guest's link opens its board's notices (no inbox), a baseline change reaches it, and revoking the link ends it", async () => {
    const link = value(await svc().createShareLink(w.people.owner, w.board.id));
    const stream = await openStream(guestUrl(w.board.id, link.secret));
    streams.push(stream);
    expect(stream.status).toBe(200);
    const version = value(await svc().createVersion(w.people.owner, w.board.id, { name: "Plan" }));
    expect((await stream.waitFor((e) => e.event === "versions")).data).toEqual({ type: "versions", boardId: w.board.id });
    value(await svc().setBaseline(w.people.owner, w.board.id, { versionId: version.id }));
    await stream.waitFor((e) => e.event === "versions", { after: 1 });
    expect(stream.events.some((e) => e.event === "inbox")).toBe(false);
    value(await svc().revokeShareLink(w.people.owner, w.board.id, link.id));
    await stream.ended;
    expect((await openStream(guestUrl(w.board.id, link.secret))).status).toBe(404);
  });

  it("a stream opening while a workshop runs is told of it at once (a guest may not ask the routes)", async () => {
    const link = value(await svc().createShareLink(w.people.owner, w.board.id));
    const before = await openStream(guestUrl(w.board.id, link.secret));
    streams.push(before);
    await new Promise((r) => setTimeout(r, 100));
    expect(before.events).toEqual([]);
    const started = value(await svc().startWorkshop(w.people.owner, w.board.id, { title: "MVP cut", agenda: [{ title: "Vote", minutes: 10, kind: "vote" }] }));
    const late = await openStream(guestUrl(w.board.id, link.secret));
    streams.push(late);
    const first = await late.waitFor((e) => e.event === "workshop");
    expect(late.events[0]).toBe(first);
    expect(first.data).toMatchObject({ type: "workshop", boardId: w.board.id, workshop: { id: started.workshop.id, title: "MVP cut" } });
    expect((first.data as { workshop: Record<string, unknown> }).workshop).not.toHaveProperty("mine");
  });

  it("a secret opens only its own board; a made-up or malformed one opens nothing", async () => {
    const link = value(await svc().createShareLink(w.people.owner, w.board.id));
    const elsewhere = value(await svc().createBoard(w.people.owner, { title: "Elsewhere" }));
    for (const [board, secret] of [
      [elsewhere.id, link.secret],
      [w.board.id, "x".repeat(40)],
      [w.board.id, ""],
      ["../../etc/passwd", link.secret],
    ] as const) {
      const stream = await openStream(guestUrl(board, secret));
      expect(stream.status, `${board} ${secret}`).toBe(404);
    }
  });
});

describe("how many streams one holder may open (hostile: a crowd of streams on one link or account)", () => {
  // Small caps on a server of its own; the defaults (500 a link, 30 a person) work the same way.
  let small: CommentWorld;
  beforeEach(async () => {
    small = await startCommentWorld({ maxStreamsPerLink: 3, maxStreamsPerPerson: 2 });
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await small.close();
  });
  const at = (query: string) => `${small.s.url}${EVENTS_PATH}?${query}`;
  async function keep(target: string, cookie?: string) {
    const stream = await openStream(target, cookie);
    streams.push(stream);
    return stream;
  }

  it("a share link's guests hold at most its cap of streams: the next is a 429 that says so; a closed one frees its place; other links are not counted", async () => {
    const link = value(await small.s.services.createShareLink(small.people.owner, small.board.id));
    const guest = at(`board=${small.board.id}&share=${encodeURIComponent(link.secret)}`);
    const open = [await keep(guest), await keep(guest), await keep(guest)];
    expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
    const refused = await keep(guest);
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(JSON.parse(await refused.body)).toEqual({ error: "this share link is at its limit of 3 live streams; retry later" });
    // Another link of the same board has its own count; signed-in members are not counted here.
    const other = value(await small.s.services.createShareLink(small.people.owner, small.board.id));
    expect((await keep(at(`board=${small.board.id}&share=${encodeURIComponent(other.secret)}`))).status).toBe(200);
    expect((await keep(at(`board=${small.board.id}`), await sessionCookie(small.s.secret, small.people.viewer))).status).toBe(200);
    // A guest who leaves gives the place back.
    open[0]!.close();
    await eventually(async () => {
      const again = await keep(guest);
      expect(again.status).toBe(200);
    });
  });

  it("a signed-in person holds at most their cap of streams, board or inbox alike: the next is a 429; other people are not counted", async () => {
    const cookie = await sessionCookie(small.s.secret, small.people.editor);
    const open = [await keep(at(`board=${small.board.id}`), cookie), await keep(`${small.s.url}${EVENTS_PATH}`, cookie)];
    expect(open.map((s) => s.status)).toEqual([200, 200]);
    const refused = await keep(at(`board=${small.board.id}`), cookie);
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(JSON.parse(await refused.body)).toEqual({ error: "you have 2 live streams open, the most one person may; close a tab and retry" });
    expect((await keep(at(`board=${small.board.id}`), await sessionCookie(small.s.secret, small.people.viewer))).status).toBe(200);
    open[1]!.close();
    await eventually(async () => {
      const again = await keep(at(`board=${small.board.id}`), cookie);
      expect(again.status).toBe(200);
    });
  });
});

describe("the stream handler on its own", () => {
  let server: Server;
  afterEach(() => new Promise<void>((r) => server.close(() => r())));

  it("sends a ping comment on the interval and unsubscribes when the client goes", async () => {
    const inner = createMemoryHub();
    let listening = 0;
    const hub = {
      ...inner,
      subscribe: (...args: Parameters<typeof inner.subscribe>) => {
        listening++;
        const unsubscribe = inner.subscribe(...args);
        return () => {
          listening--;
          unsubscribe();
        };
      },
    };
    const handler = createEventStreamHandler({
      hub,
      secret: w.s.secret,
      services: w.s.services,
      isSessionEnded: async () => false,
      unread: async () => 0,
      log: createLogger("silent"),
      pingIntervalMs: 20,
    });
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`;
    const stream = await openStream(base, await sessionCookie(w.s.secret, w.people.editor));
    await stream.waitFor((e) => e.event === "inbox");
    await new Promise((r) => setTimeout(r, 80));
    expect(stream.comments.filter((c) => c === "ping").length).toBeGreaterThanOrEqual(2);
    hub.publishToUser(w.people.editor, { type: "inbox", unread: 7 });
    await stream.waitFor((e) => (e.data as { unread?: number }).unread === 7);
    expect(listening).toBe(1);
    stream.close();
    await eventually(() => expect(listening).toBe(0));
    // Nobody left to hear: publishing is a no-op, not an error.
    expect(() => hub.publishToUser(w.people.editor, { type: "inbox", unread: 8 })).not.toThrow();
    server.closeAllConnections();
  });
});
