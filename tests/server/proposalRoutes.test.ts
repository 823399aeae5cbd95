import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LaneId, UserId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { addLane } from "../../lib/model/laneCommands";
import { createOrigin } from "../../lib/model/origin";
import type { Role } from "../../lib/protocol/roles";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * The proposal routes as Next.js calls them: a Request in, a Response out, the signed-in user
 * standing in for next-auth's session (the one thing mocked). A status for every refusal, body
 * limits, junk ids, and what each answer holds (docs/teams.md "Proposals").
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string } }));
vi.mock("../../app/_auth/session", () => ({ currentUser: async () => session.user }));

import * as list from "../../app/api/boards/[boardId]/proposals/route";
import * as accept from "../../app/api/boards/[boardId]/proposals/[proposalId]/accept/route";
import * as decline from "../../app/api/boards/[boardId]/proposals/[proposalId]/decline/route";
import * as counter from "../../app/api/boards/[boardId]/proposals/[proposalId]/counter/route";
import * as withdraw from "../../app/api/boards/[boardId]/proposals/[proposalId]/withdraw/route";

let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "platform" | "design" | "commenter" | "viewer" | "stranger", UserId>;
let item: string;
let lane: LaneId;

beforeAll(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Routes" });
  people = { owner: board.ownerId } as typeof people;
  const roles: [keyof typeof people, Role | null][] = [["platform", "editor"], ["design", "editor"], ["commenter", "commenter"], ["viewer", "viewer"], ["stranger", null]];
  for (const [who, role] of roles) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(board.id, people[who], role);
  }
  const origin = createOrigin("server", "test");
  await s.sync.withLiveBoard(board.id, (room) => {
    const added = addLane(room.doc, origin, { name: "Platform" });
    if (!added.ok) throw new Error(added.error);
    lane = added.value;
    const id = createItem(room.doc, origin, { title: "Gateway", laneId: lane, start: "2030-01-07", duration: 5 });
    if (!id.ok) throw new Error(id.error);
    item = id.value;
  });
  await s.services.setLaneOwners(people.owner, board.id, lane, { userIds: [people.platform] });
});
afterAll(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

type Handler = (request: Request, context: { params: Promise<{ boardId: string; proposalId: string }> }) => Promise<Response>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
interface Call {
  as: UserId | null;
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  query?: string;
  headers?: Record<string, string>;
}

async function call(handler: Handler, method: string, { as, params = {}, body, raw, query = "", headers = {} }: Call): Promise<{ status: number; json: Json }> {
  session.user = as ? { id: as, name: "", email: "" } : null;
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const request = new Request(`http://localhost/api/boards/${board.id}/proposals${query}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(text !== undefined ? { body: text } : {}),
  });
  const response = await handler(request, { params: Promise.resolve({ boardId: board.id, proposalId: "", ...params }) });
  const out = await response.text();
  let json: unknown = null;
  try {
    json = out ? JSON.parse(out) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json };
}

const move = (start: string) => ({ change: { kind: "change", itemId: item, fields: { start } }, reason: "The audit moved" });

describe("proposal routes", () => {
  let id: string;

  it("POST: 401 signed out, 404 for strangers and junk board ids, 403 for viewers, 422 for bad, oversized and cross-site bodies, 201 for a commenter", async () => {
    expect((await call(list.POST, "POST", { as: null, body: move("2030-01-14") })).status).toBe(401);
    expect((await call(list.POST, "POST", { as: people.stranger, body: move("2030-01-14") })).status).toBe(404);
    expect((await call(list.POST, "POST", { as: people.design, body: move("2030-01-14"), params: { boardId: "../etc" } })).status).toBe(404);
    expect((await call(list.POST, "POST", { as: people.viewer, body: move("2030-01-14") })).status).toBe(403);
    expect((await call(list.POST, "POST", { as: people.design, raw: "not json" })).status).toBe(422);
    expect((await call(list.POST, "POST", { as: people.design, body: { change: { kind: "change", itemId: item, fields: {} }, reason: "x" } })).status).toBe(422);
    expect((await call(list.POST, "POST", { as: people.design, body: { ...move("2030-01-14"), authorId: people.owner } })).status).toBe(422);
    expect((await call(list.POST, "POST", { as: people.design, raw: JSON.stringify({ ...move("2030-01-14"), reason: "y".repeat(70_000) }) })).status).toBe(422);
    const crossSite = await call(list.POST, "POST", { as: people.design, body: move("2030-01-14"), headers: { origin: "http://evil.example", host: "localhost" } });
    expect(crossSite.status).toBe(403);
    const made = await call(list.POST, "POST", { as: people.commenter, body: move("2030-01-14") });
    expect(made.status).toBe(201);
    expect(made.json.proposal).toMatchObject({ state: "open", laneId: lane, itemId: item, authorId: people.commenter, base: { exists: true, start: "2030-01-07" } });
    id = made.json.proposal.id;
  });

  it("GET: members see open ones (or all), strangers 404, a junk state 422", async () => {
    expect((await call(list.GET, "GET", { as: people.viewer })).json.proposals.map((p: Json) => p.id)).toEqual([id]);
    expect((await call(list.GET, "GET", { as: people.viewer, query: "?state=all" })).status).toBe(200);
    expect((await call(list.GET, "GET", { as: people.viewer, query: "?state=closed" })).status).toBe(422);
    expect((await call(list.GET, "GET", { as: people.stranger })).status).toBe(404);
    expect((await call(list.GET, "GET", { as: null })).status).toBe(401);
  });

  it("answers: 404 for junk ids, 403 for those who may not answer or withdraw, 422 for a decline without a note, then 200 / 201 and 409 once answered", async () => {
    expect((await call(accept.POST, "POST", { as: people.platform, params: { proposalId: "../x" }, body: {} })).status).toBe(404);
    expect((await call(accept.POST, "POST", { as: people.platform, params: { proposalId: "pr-nothing" }, body: {} })).status).toBe(404);
    expect((await call(accept.POST, "POST", { as: people.design, params: { proposalId: id }, body: {} })).status).toBe(403);
    expect((await call(accept.POST, "POST", { as: people.stranger, params: { proposalId: id }, body: {} })).status).toBe(404);
    expect((await call(withdraw.POST, "POST", { as: people.platform, params: { proposalId: id } })).status).toBe(403);
    expect((await call(decline.POST, "POST", { as: people.platform, params: { proposalId: id }, body: {} })).status).toBe(422);
    expect((await call(accept.POST, "POST", { as: people.platform, params: { proposalId: id }, body: { acknowledgeStale: "yes" } })).status).toBe(422);
    const countered = await call(counter.POST, "POST", { as: people.platform, params: { proposalId: id }, body: move("2030-01-10") });
    expect(countered.status).toBe(201);
    expect(countered.json.proposal).toMatchObject({ counterOf: id, authorId: people.platform });
    expect((await call(accept.POST, "POST", { as: people.platform, params: { proposalId: id }, body: {} })).status).toBe(409);
    const accepted = await call(accept.POST, "POST", { as: people.owner, params: { proposalId: countered.json.proposal.id } });
    expect(accepted.status).toBe(200);
    expect(accepted.json.proposal.state).toBe("accepted");
    expect((await call(withdraw.POST, "POST", { as: people.platform, params: { proposalId: countered.json.proposal.id } })).status).toBe(409);
  });
});
