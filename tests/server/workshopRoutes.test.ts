import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import type { Role } from "../../lib/protocol/roles";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * The workshop routes as Next.js calls them: a Request in, a Response out, the signed-in user
 * standing in for next-auth's session (the one thing mocked). Statuses, body limits, junk ids,
 * and what each answer holds.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string } }));
vi.mock("../../app/_auth/session", () => ({ currentUser: async () => session.user }));

import * as workshop from "../../app/api/boards/[boardId]/workshop/route";
import * as actions from "../../app/api/boards/[boardId]/workshop/[workshopId]/actions/route";
import * as votes from "../../app/api/boards/[boardId]/workshop/[workshopId]/votes/route";
import * as ballots from "../../app/api/boards/[boardId]/workshop/[workshopId]/votes/[voteId]/ballots/route";
import * as voteState from "../../app/api/boards/[boardId]/workshop/[workshopId]/votes/[voteId]/state/route";
import * as drafts from "../../app/api/boards/[boardId]/workshop/[workshopId]/drafts/route";
import * as draft from "../../app/api/boards/[boardId]/workshop/[workshopId]/drafts/[draftId]/route";
import * as reveal from "../../app/api/boards/[boardId]/workshop/[workshopId]/drafts/reveal/route";
import * as workshops from "../../app/api/boards/[boardId]/workshops/route";
import * as record from "../../app/api/boards/[boardId]/workshops/[workshopId]/route";
import * as recordMd from "../../app/api/boards/[boardId]/workshops/[workshopId]/record.md/route";

let s: TestServer;
let board: TestBoard;
let people: Record<"owner" | "editor" | "commenter" | "viewer" | "stranger", UserId>;
let items: string[];

beforeAll(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Routes" });
  people = { owner: board.ownerId } as typeof people;
  for (const [who, role] of [["editor", "editor"], ["commenter", "commenter"], ["viewer", "viewer"], ["stranger", null]] as [keyof typeof people, Role | null][]) {
    people[who] = await s.createUser(who);
    if (role) await s.store.setRole(board.id, people[who], role);
  }
  items = await s.sync.withLiveBoard(board.id, (room) =>
    ["One", "Two", "Three"].map((title) => {
      const id = createItem(room.doc, createOrigin("server", "test"), { title, duration: 2 });
      if (!id.ok) throw new Error(id.error);
      return id.value as string;
    }),
  );
});
afterAll(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

type RouteParams = { boardId: string; workshopId: string; voteId: string; draftId: string };
type Handler = (request: Request, context: { params: Promise<RouteParams> }) => Promise<Response>;
/** Answers are read loosely: each test states the shape it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
interface Call {
  as: UserId | null;
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

async function call(handler: Handler, method: string, { as, params = {}, body, raw, headers = {} }: Call): Promise<{ status: number; json: Json; text: string; type: string | null }> {
  session.user = as ? { id: as, name: "", email: "" } : null;
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const request = new Request(`http://localhost/api/boards/${board.id}/workshop`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(text !== undefined ? { body: text } : {}),
  });
  const response = await handler(request, { params: Promise.resolve({ boardId: board.id, workshopId: "", voteId: "", draftId: "", ...params }) });
  const out = await response.text();
  let json: unknown = null;
  try {
    json = out ? JSON.parse(out) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, text: out, type: response.headers.get("content-type") };
}

const AGENDA = [
  { title: "Talk", minutes: 5 },
  { title: "Draft", minutes: 5, kind: "draft" },
];

describe("workshop routes", () => {
  let wid: string;
  let voteId: string;

  it("GET workshop: 401 signed out, 404 for strangers and junk board ids, null while none runs", async () => {
    expect((await call(workshop.GET, "GET", { as: null })).status).toBe(401);
    expect((await call(workshop.GET, "GET", { as: people.stranger })).status).toBe(404);
    expect((await call(workshop.GET, "GET", { as: people.viewer, params: { boardId: "../etc" } })).status).toBe(404);
    const none = await call(workshop.GET, "GET", { as: people.viewer });
    expect(none.status).toBe(200);
    expect(none.json.workshop).toBeNull();
    expect(Date.parse(none.json.serverNow)).not.toBeNaN();
  });

  it("POST workshop: 201 for an editor, 403 for a commenter, 409 once one runs, 422 for bad or oversized bodies and cross-site requests refused", async () => {
    expect((await call(workshop.POST, "POST", { as: people.commenter, body: { title: "No", agenda: AGENDA } })).status).toBe(403);
    expect((await call(workshop.POST, "POST", { as: people.editor, raw: "not json" })).status).toBe(422);
    const huge = { title: "Big", agenda: Array.from({ length: 30 }, () => ({ title: "x".repeat(120), minutes: 5 })), pad: "y".repeat(20_000) };
    const tooLarge = await call(workshop.POST, "POST", { as: people.editor, body: huge });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.json.error).toMatch(/too large/);
    const crossSite = await call(workshop.POST, "POST", { as: people.editor, body: { title: "CSRF", agenda: AGENDA }, headers: { origin: "http://evil.example", host: "localhost" } });
    expect(crossSite.status).toBe(403);
    const started = await call(workshop.POST, "POST", { as: people.editor, body: { title: "Routes workshop", agenda: AGENDA } });
    expect(started.status).toBe(201);
    wid = started.json.workshop.id;
    expect(started.json.workshop).toMatchObject({ title: "Routes workshop", facilitator: { id: people.editor } });
    expect((await call(workshop.POST, "POST", { as: people.owner, body: { title: "Again", agenda: AGENDA } })).status).toBe(409);
  });

  it("votes: the facilitator opens one (201); commenters vote; viewers 403; hidden counts are null in every answer", async () => {
    expect((await call(votes.POST, "POST", { as: people.commenter, params: { workshopId: wid }, body: { title: "MVP", scope: { kind: "board" } } })).status).toBe(403);
    expect((await call(votes.POST, "POST", { as: people.editor, params: { workshopId: "not an id!" }, body: { title: "MVP", scope: { kind: "board" } } })).status).toBe(404);
    const opened = await call(votes.POST, "POST", { as: people.editor, params: { workshopId: wid }, body: { title: "MVP", scope: { kind: "selection", itemIds: items } } });
    expect(opened.status).toBe(201);
    voteId = opened.json.workshop.vote.id;
    const ballot = (as: UserId, body: unknown, extra: Partial<Call> = {}) => call(ballots.POST, "POST", { as, params: { workshopId: wid, voteId }, body, ...extra });
    const cast = await ballot(people.commenter, { itemId: items[0], delta: 1 });
    expect(cast.status).toBe(200);
    expect(cast.json.workshop.mine).toEqual({ votes: { [items[0]!]: 1 }, remaining: 2 });
    expect(cast.json.workshop.vote.counts).toBeNull();
    expect((await ballot(people.commenter, { itemId: items[0], delta: 1 })).status).toBe(409);
    expect((await ballot(people.viewer, { itemId: items[1], delta: 1 })).status).toBe(403);
    expect((await ballot(people.stranger, { itemId: items[1], delta: 1 })).status).toBe(404);
    expect((await ballot(people.owner, { itemId: items[1], delta: 2 })).status).toBe(422);
    expect((await ballot(people.owner, { itemId: items[1], delta: 1, pad: "z".repeat(5_000) })).status).toBe(422);
    expect((await ballot(people.owner, { itemId: items[1], delta: 1 }, { params: { workshopId: wid, voteId: "vt-missing" } })).status).toBe(404);
    const facilitator = await call(workshop.GET, "GET", { as: people.editor });
    expect(facilitator.json.workshop.vote).toMatchObject({ counts: null, voters: 1 });
    expect(facilitator.json.workshop.mine).toEqual({ votes: {}, remaining: 3 });
    expect((await call(voteState.POST, "POST", { as: people.commenter, params: { workshopId: wid, voteId }, body: { state: "revealed" } })).status).toBe(403);
    const shown = await call(voteState.POST, "POST", { as: people.editor, params: { workshopId: wid, voteId }, body: { state: "revealed" } });
    expect(shown.json.workshop.vote.counts).toEqual({ [items[0]!]: 1, [items[1]!]: 0, [items[2]!]: 0 });
  });

  it("junk vote and draft ids are the route head's 404, answered before the body is read", async () => {
    const junk = "not an id!";
    const answers = [
      await call(ballots.POST, "POST", { as: people.owner, params: { workshopId: wid, voteId: junk }, raw: "not json" }),
      await call(voteState.POST, "POST", { as: people.editor, params: { workshopId: wid, voteId: junk }, raw: "not json" }),
      await call(draft.PATCH, "PATCH", { as: people.commenter, params: { workshopId: wid, draftId: junk }, raw: "not json" }),
      await call(draft.DELETE, "DELETE", { as: people.commenter, params: { workshopId: wid, draftId: junk } }),
    ];
    for (const answer of answers) expect([answer.status, answer.json]).toEqual([404, { error: "not found" }]);
    // Signed out is a 401 whatever the ids: the caller comes first.
    expect((await call(ballots.POST, "POST", { as: null, params: { workshopId: junk, voteId: junk }, raw: "not json" })).status).toBe(401);
  });

  it("drafts: 409 before the drafting step; 201 then; another's draft is a 404; the author deletes with 204; the facilitator reveals", async () => {
    expect((await call(drafts.POST, "POST", { as: people.commenter, params: { workshopId: wid }, body: { title: "Early" } })).status).toBe(409);
    expect((await call(actions.POST, "POST", { as: people.editor, params: { workshopId: wid }, body: { action: "next-step" } })).status).toBe(200);
    const created = await call(drafts.POST, "POST", { as: people.commenter, params: { workshopId: wid }, body: { title: "Portal", size: "S" } });
    expect(created.status).toBe(201);
    const id = created.json.draft.id;
    const second = await call(drafts.POST, "POST", { as: people.commenter, params: { workshopId: wid }, body: { title: "Scrap me" } });
    expect((await call(drafts.GET, "GET", { as: people.owner, params: { workshopId: wid } })).json.drafts).toEqual([]);
    expect((await call(draft.PATCH, "PATCH", { as: people.owner, params: { workshopId: wid, draftId: id }, body: { title: "Taken" } })).status).toBe(404);
    expect((await call(draft.DELETE, "DELETE", { as: people.owner, params: { workshopId: wid, draftId: id } })).status).toBe(404);
    expect((await call(draft.PATCH, "PATCH", { as: people.commenter, params: { workshopId: wid, draftId: id }, body: { title: "Customer portal" } })).json.draft.title).toBe("Customer portal");
    expect((await call(draft.DELETE, "DELETE", { as: people.commenter, params: { workshopId: wid, draftId: second.json.draft.id } })).status).toBe(204);
    expect((await call(reveal.POST, "POST", { as: people.commenter, params: { workshopId: wid }, body: { target: { kind: "tray" } } })).status).toBe(403);
    const revealed = await call(reveal.POST, "POST", { as: people.editor, params: { workshopId: wid }, body: { target: { kind: "tray" } } });
    expect(revealed.status).toBe(200);
    expect(revealed.json.itemIds).toHaveLength(1);
    expect((await call(drafts.GET, "GET", { as: people.viewer, params: { workshopId: wid } })).json.drafts.map((d: { title: string }) => d.title)).toEqual(["Customer portal"]);
  });

  it("the record: 409 while running; once ended, JSON for every member and Markdown", async () => {
    expect((await call(record.GET, "GET", { as: people.viewer, params: { workshopId: wid } })).status).toBe(409);
    expect((await call(actions.POST, "POST", { as: people.commenter, params: { workshopId: wid }, body: { action: "end" } })).status).toBe(403);
    const ended = await call(actions.POST, "POST", { as: people.owner, params: { workshopId: wid }, body: { action: "end" } });
    expect(ended.status).toBe(200);
    expect(ended.json.workshop.endedAt).not.toBeNull();
    const json = await call(record.GET, "GET", { as: people.viewer, params: { workshopId: wid } });
    expect(json.status).toBe(200);
    expect(json.json.record).toMatchObject({ id: wid, title: "Routes workshop", drafts: [{ title: "Customer portal" }] });
    expect(json.json.record.votes[0].ranked).toEqual([{ itemId: items[0], title: "One", votes: 1 }]);
    const md = await call(recordMd.GET, "GET", { as: people.viewer, params: { workshopId: wid } });
    expect(md.status).toBe(200);
    expect(md.type).toMatch(/^text\/markdown/);
    expect(md.text).toContain("# Routes workshop");
    expect((await call(recordMd.GET, "GET", { as: people.stranger, params: { workshopId: wid } })).status).toBe(404);
    const list = await call(workshops.GET, "GET", { as: people.commenter });
    expect(list.json.workshops.map((w: { id: string }) => w.id)).toEqual([wid]);
  });
});
