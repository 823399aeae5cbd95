import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BoardId, ItemId, UserId } from "../../lib/model/ids";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import type { Role } from "../../lib/protocol/roles";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * The scenario routes as Next.js calls them: a Request in, a Response out, the signed-in user
 * standing in for next-auth's session (the one thing mocked). Statuses for every refusal, body
 * limits, junk ids, and what each answer holds.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string } }));
vi.mock("../../app/_auth/session", () => ({ currentUser: async () => session.user }));

import * as list from "../../app/api/boards/[boardId]/scenarios/route";
import * as one from "../../app/api/boards/[boardId]/scenarios/[scenarioId]/route";
import * as compare from "../../app/api/boards/[boardId]/scenarios/[scenarioId]/compare/route";
import * as adopt from "../../app/api/boards/[boardId]/scenarios/[scenarioId]/adopt/route";
import * as boardRoute from "../../app/api/boards/[boardId]/route";

let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "editor" | "commenter" | "viewer" | "stranger", UserId>;
let item: string;

beforeAll(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Routes" });
  people = { owner: board.ownerId } as typeof people;
  for (const [who, role] of [["editor", "editor"], ["commenter", "commenter"], ["viewer", "viewer"], ["stranger", null]] as [keyof typeof people, Role | null][]) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(board.id, people[who], role);
  }
  item = await s.sync.withLiveBoard(board.id, (room) => {
    const id = createItem(room.doc, createOrigin("server", "test"), { title: "Pilot", duration: 2 });
    if (!id.ok) throw new Error(id.error);
    return id.value as string;
  });
});
afterAll(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

type Handler = (request: Request, context: { params: Promise<{ boardId: string; scenarioId: string }> }) => Promise<Response>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
interface Call {
  as: UserId | null;
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

async function call(handler: Handler, method: string, { as, params = {}, body, raw, headers = {} }: Call): Promise<{ status: number; json: Json }> {
  session.user = as ? { id: as, name: "", email: "" } : null;
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const request = new Request(`http://localhost/api/boards/${board.id}/scenarios`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(text !== undefined ? { body: text } : {}),
  });
  const response = await handler(request, { params: Promise.resolve({ boardId: board.id, scenarioId: "", ...params }) });
  const out = await response.text();
  let json: unknown = null;
  try {
    json = out ? JSON.parse(out) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json };
}

describe("scenario routes", () => {
  let scenarioId: string;

  it("POST: 401 signed out, 404 for strangers and junk ids, 403 for commenters and viewers, 422 for bad, oversized and cross-site bodies, 201 for an editor", async () => {
    const body = { name: "Faster", purpose: "Ship in May" };
    expect((await call(list.POST, "POST", { as: null, body })).status).toBe(401);
    expect((await call(list.POST, "POST", { as: people.stranger, body })).status).toBe(404);
    expect((await call(list.POST, "POST", { as: people.editor, body, params: { boardId: "../etc" } })).status).toBe(404);
    expect((await call(list.POST, "POST", { as: people.commenter, body })).status).toBe(403);
    expect((await call(list.POST, "POST", { as: people.viewer, body })).status).toBe(403);
    expect((await call(list.POST, "POST", { as: people.editor, raw: "not json" })).status).toBe(422);
    expect((await call(list.POST, "POST", { as: people.editor, body: { name: "" } })).status).toBe(422);
    expect((await call(list.POST, "POST", { as: people.editor, body: { name: "x", role: "owner" } })).status).toBe(422);
    expect((await call(list.POST, "POST", { as: people.editor, body: { name: "x", purpose: "y".repeat(9_000) } })).status).toBe(422);
    const crossSite = await call(list.POST, "POST", { as: people.editor, body, headers: { origin: "http://evil.example", host: "localhost" } });
    expect(crossSite.status).toBe(403);
    expect((await call(list.GET, "GET", { as: people.owner })).json.scenarios).toEqual([]);
    const made = await call(list.POST, "POST", { as: people.editor, body });
    expect(made.status).toBe(201);
    expect(made.json.scenario).toMatchObject({ name: "Faster", purpose: "Ship in May", state: "active", planId: board.id });
    scenarioId = made.json.scenario.id;
  });

  it("GET list and the board route: members see it (the scenario's own route says it is one), strangers 404", async () => {
    expect((await call(list.GET, "GET", { as: people.viewer })).json.scenarios.map((x: Json) => x.id)).toEqual([scenarioId]);
    expect((await call(list.GET, "GET", { as: people.stranger })).status).toBe(404);
    expect((await call(list.GET, "GET", { as: null })).status).toBe(401);
    const opened = await call(boardRoute.GET, "GET", { as: people.viewer, params: { boardId: scenarioId } });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ role: "viewer", scenario: { id: scenarioId, planId: board.id, planRole: "viewer" } });
    expect((await call(boardRoute.GET, "GET", { as: people.stranger, params: { boardId: scenarioId } })).status).toBe(404);
    // Listing a scenario's scenarios: a scenario is not a plan.
    expect((await call(list.GET, "GET", { as: people.owner, params: { boardId: scenarioId } })).status).toBe(404);
  });

  it("compare: members 200 with both sides' figures and the changes, junk scenario ids 404, strangers 404", async () => {
    await s.sync.withLiveBoard(scenarioId as BoardId, (room) => updateItem(room.doc, createOrigin("server", "test"), item as ItemId, { duration: 7 }));
    const compared = await call(compare.GET, "GET", { as: people.viewer, params: { scenarioId } });
    expect(compared.status).toBe(200);
    expect(compared.json.changes).toEqual([expect.objectContaining({ id: `item:${item}`, fields: ["duration"], planAlsoChanged: [] })]);
    expect(compared.json.plan).toHaveProperty("boardFinish");
    expect(compared.json.what).toHaveProperty("laneLoad");
    expect((await call(compare.GET, "GET", { as: people.viewer, params: { scenarioId: "../../x" } })).status).toBe(404);
    expect((await call(compare.GET, "GET", { as: people.viewer, params: { scenarioId: board.id } })).status).toBe(404);
    expect((await call(compare.GET, "GET", { as: people.stranger, params: { scenarioId } })).status).toBe(404);
  });

  it("adopt: 403 for commenters, 422 for bad bodies, 200 with the writes for apply: false; the plan untouched until they are written", async () => {
    expect((await call(adopt.POST, "POST", { as: people.commenter, params: { scenarioId }, body: { all: true } })).status).toBe(403);
    expect((await call(adopt.POST, "POST", { as: people.editor, params: { scenarioId }, body: {} })).status).toBe(422);
    expect((await call(adopt.POST, "POST", { as: people.editor, params: { scenarioId }, body: { changeIds: "all" } })).status).toBe(422);
    expect((await call(adopt.POST, "POST", { as: people.editor, params: { scenarioId }, raw: "{" })).status).toBe(422);
    const taken = await call(adopt.POST, "POST", { as: people.editor, params: { scenarioId }, body: { changeIds: [`item:${item}`], apply: false } });
    expect(taken.status).toBe(200);
    expect(taken.json).toMatchObject({ applied: false, taken: [`item:${item}`], leftOut: [], writes: [{ op: "put", collection: "items", id: item, fields: { duration: 7 } }] });
    expect(taken.json.scenario.state).toBe("adopted");
    const plan = await s.sync.readSnapshot(board.id);
    expect(plan.items.find((i) => i.id === item)!.duration).toBe(2);
  });

  it("PATCH and DELETE: 403 for viewers, 422 for bad patches, 409 for an adopted scenario's state, 204 for a discard by an editor", async () => {
    expect((await call(one.PATCH, "PATCH", { as: people.viewer, params: { scenarioId }, body: { name: "Mine" } })).status).toBe(403);
    expect((await call(one.PATCH, "PATCH", { as: people.editor, params: { scenarioId }, body: {} })).status).toBe(422);
    expect((await call(one.PATCH, "PATCH", { as: people.editor, params: { scenarioId }, body: { state: "adopted" } })).status).toBe(422);
    expect((await call(one.PATCH, "PATCH", { as: people.editor, params: { scenarioId }, body: { state: "active" } })).status).toBe(409);
    const renamed = await call(one.PATCH, "PATCH", { as: people.editor, params: { scenarioId }, body: { name: "Faster (done)" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.scenario.name).toBe("Faster (done)");
    expect((await call(one.DELETE, "DELETE", { as: people.viewer, params: { scenarioId } })).status).toBe(403);
    expect((await call(one.DELETE, "DELETE", { as: people.stranger, params: { scenarioId } })).status).toBe(404);
    expect((await call(one.DELETE, "DELETE", { as: people.editor, params: { scenarioId } })).status).toBe(204);
    expect((await call(one.DELETE, "DELETE", { as: people.editor, params: { scenarioId } })).status).toBe(404);
    expect((await call(boardRoute.GET, "GET", { as: people.owner, params: { boardId: scenarioId } })).status).toBe(404);
  });
});
