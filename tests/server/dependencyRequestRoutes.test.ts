import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ItemId, UserId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import type { Role } from "../../lib/protocol/roles";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * The dependency request routes as Next.js calls them (the signed-in user mocked, as in
 * workshopRoutes.test.ts): statuses, body limits, junk ids and actions. The rules themselves are
 * tested through the services in dependencyRequests.test.ts.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string } }));
vi.mock("../../app/_auth/session", () => ({ currentUser: async () => session.user }));

import * as list from "../../app/api/boards/[boardId]/dependency-requests/route";
import * as act from "../../app/api/boards/[boardId]/dependency-requests/[requestId]/[action]/route";

let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "editor" | "commenter" | "stranger", UserId>;
let items: ItemId[];

beforeAll(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Routes" });
  people = { owner: board.ownerId } as typeof people;
  for (const [who, role] of [["editor", "editor"], ["commenter", "commenter"], ["stranger", null]] as [keyof typeof people, Role | null][]) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(board.id, people[who], role);
  }
  items = await s.sync.withLiveBoard(board.id, (room) =>
    ["Needs", "Given", "Other"].map((title) => {
      const id = createItem(room.doc, createOrigin("server", "test"), { title, start: "2027-03-01", duration: 2 });
      if (!id.ok) throw new Error(id.error);
      return id.value;
    }),
  );
});
afterAll(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

type Params = { boardId: string; requestId: string; action: string };
type Handler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function call(handler: Handler, method: string, as: UserId | null, { params = {}, body, raw, headers = {} }: { params?: Partial<Params>; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  session.user = as ? { id: as, name: "", email: "" } : null;
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const request = new Request(`http://localhost/api/boards/${board.id}/dependency-requests`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(text !== undefined ? { body: text } : {}),
  });
  const response = await handler(request, { params: Promise.resolve({ boardId: board.id, requestId: "", action: "", ...params }) });
  const out = await response.text();
  return { status: response.status, json: (out ? JSON.parse(out) : null) as Json };
}

describe("dependency request routes", () => {
  let rid: string;

  it("GET: 401 signed out, 404 for strangers and junk board ids, the list for members", async () => {
    expect((await call(list.GET, "GET", null)).status).toBe(401);
    expect((await call(list.GET, "GET", people.stranger)).status).toBe(404);
    expect((await call(list.GET, "GET", people.commenter, { params: { boardId: "../x" } })).status).toBe(404);
    const listed = await call(list.GET, "GET", people.commenter);
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({ requests: [] });
  });

  it("POST: 201 for an editor, 403 for a commenter, 422 for junk, oversized or cross-site bodies, 409 for a second open one", async () => {
    const input = { fromItemId: items[1], toItemId: items[0], neededBy: "2027-03-05", note: "please" };
    expect((await call(list.POST, "POST", people.commenter, { body: input })).status).toBe(403);
    expect((await call(list.POST, "POST", people.editor, { raw: "not json" })).status).toBe(422);
    expect((await call(list.POST, "POST", people.editor, { body: { ...input, toItemId: items[1] } })).status).toBe(422);
    expect((await call(list.POST, "POST", people.editor, { body: { ...input, note: "x".repeat(8_000) } })).status).toBe(422);
    expect((await call(list.POST, "POST", people.editor, { body: input, headers: { origin: "http://evil.example", host: "localhost" } })).status).toBe(403);
    const made = await call(list.POST, "POST", people.editor, { body: input });
    expect(made.status).toBe(201);
    expect(made.json.request).toMatchObject({ state: "requested", fromItemId: items[1], toItemId: items[0] });
    rid = made.json.request.id;
    expect((await call(list.POST, "POST", people.editor, { body: input })).status).toBe(409);
  });

  it("answers: 404 for junk ids and unknown actions, 422 for bad bodies, 403 for who may not, 200, then 409", async () => {
    expect((await call(act.POST, "POST", people.owner, { params: { requestId: "nope", action: "commit" }, body: { finish: "2027-03-04" } })).status).toBe(404);
    expect((await call(act.POST, "POST", people.owner, { params: { requestId: "dr-unknown", action: "commit" }, body: { finish: "2027-03-04" } })).status).toBe(404);
    expect((await call(act.POST, "POST", people.owner, { params: { requestId: rid, action: "delete" }, body: {} })).status).toBe(404);
    expect((await call(act.POST, "POST", people.owner, { params: { requestId: rid, action: "commit" }, raw: "{" })).status).toBe(422);
    expect((await call(act.POST, "POST", people.owner, { params: { requestId: rid, action: "commit" }, body: { finish: "tomorrow" } })).status).toBe(422);
    expect((await call(act.POST, "POST", people.commenter, { params: { requestId: rid, action: "commit" }, body: { finish: "2027-03-04" } })).status).toBe(403);
    expect((await call(act.POST, "POST", people.stranger, { params: { requestId: rid, action: "commit" }, body: { finish: "2027-03-04" } })).status).toBe(404);
    expect((await call(act.POST, "POST", people.owner, { params: { requestId: rid, action: "withdraw" } })).status).toBe(403);
    const committed = await call(act.POST, "POST", people.owner, { params: { requestId: rid, action: "commit" }, body: { finish: "2027-03-04" } });
    expect(committed.status).toBe(200);
    expect(committed.json.request).toMatchObject({ state: "committed", committedFinish: "2027-03-04" });
    expect((await call(act.POST, "POST", people.editor, { params: { requestId: rid, action: "withdraw" } })).status).toBe(409);
  });
});
