import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BoardId, UserId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { commentBodyFromText } from "../../lib/model/commentBody";
import type { LiveEvent } from "../../lib/protocol/events";
import { guestActor } from "../../lib/protocol/guestReaders";
import type { Role } from "../../lib/protocol/roles";
import { DRAFT_SIZE_DAYS, MAX_DRAFTS_PER_PERSON, type WorkshopView } from "../../lib/protocol/workshops";
import { createLogger } from "../../server/log";
import { MAX_VOTES_PER_WORKSHOP, MAX_WORKSHOPS_PER_BOARD, workshopServices } from "../../server/services/workshopServices";
import { connectClient, eventually, type TestClient } from "../helpers/syncClient";
import { describeEachStorage } from "../helpers/storageBackends";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

/**
 * Workshops end to end through the services the routes call: the real sync server on SQLite and
 * on PostgreSQL, stock y-websocket clients in the board's room, live events caught with a
 * subscriber.
 */
describeEachStorage("workshops", (backend) => {
  let s: TestServer;
  let board: TestBoard;
  let people: Record<"owner" | "editor" | "editor2" | "commenter" | "viewer" | "stranger", UserId>;
  const clients: TestClient[] = [];
  const events: LiveEvent[] = [];
  let unsubscribe: () => void;

  beforeEach(async () => {
    s = await startTestServer(backend.serverConfig());
    board = await s.boards.createBoard({ title: "Workshop board" });
    people = { owner: board.ownerId } as typeof people;
    const roles: [keyof typeof people, Role | null][] = [
      ["editor", "editor"],
      ["editor2", "editor"],
      ["commenter", "commenter"],
      ["viewer", "viewer"],
      ["stranger", null],
    ];
    for (const [who, role] of roles) {
      people[who] = await s.createUser(who);
      if (role) await s.store.setRole(board.id, people[who], role);
    }
    events.length = 0;
    // What a viewer's event stream on the board would receive.
    unsubscribe = s.live.subscribe({ userId: people.viewer, send: (e) => events.push(e), end: () => undefined }, board.id);
  });
  afterEach(async () => {
    unsubscribe();
    for (const c of clients.splice(0)) c.destroy();
    await s.close();
    removeDataDir(s.dataDir);
  });

  function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }
  const kindOf = (result: { ok: boolean; error?: { kind: string } }) => (result.ok ? "ok" : result.error!.kind);
  const room = () => s.sync.registry.loaded(board.id)!;
  const liveDoc = async () => s.sync.withLiveBoard(board.id, (r) => r.doc);
  const workshopEvents = () => events.filter((e): e is Extract<LiveEvent, { type: "workshop" }> => e.type === "workshop");

  async function connect(user: UserId): Promise<TestClient> {
    const client = connectClient(s.wsUrl, board.id, { token: s.tokenFor(user, board.id) });
    clients.push(client);
    await client.synced;
    return client;
  }

  const AGENDA = [
    { title: "Warm-up", minutes: 5, kind: "discuss" as const },
    { title: "Silent drafting", minutes: 10, kind: "draft" as const },
    { title: "Dot vote", minutes: 8, kind: "vote" as const },
  ];

  async function start(actor = people.editor, boardId: BoardId = board.id): Promise<WorkshopView> {
    return value(await s.services.startWorkshop(actor, boardId, { title: "MVP cut", agenda: AGENDA })).workshop;
  }

  async function addItems(titles: string[]): Promise<string[]> {
    const doc = await liveDoc();
    const origin = createOrigin("server", "test");
    return titles.map((title) => {
      const id = createItem(doc, origin, { title, duration: 3 });
      if (!id.ok) throw new Error(id.error);
      return id.value;
    });
  }

  describe("starting a workshop", () => {
    it("an editor starts one: a workshop version is saved first; everyone on the board hears of it; only one runs at a time", async () => {
      const w = await start();
      expect(w).toMatchObject({ title: "MVP cut", step: 0, facilitator: { id: people.editor, name: "editor" }, endedAt: null, mine: null });
      expect(w.agenda[0]).toMatchObject({ title: "Warm-up", startedAt: w.startedAt, endedAt: null });
      expect(w.timer).toEqual({ state: "idle", endsAt: null, remainingMs: 5 * 60_000 });
      const version = await s.store.getVersion(board.id, w.startVersionId!);
      expect(version).toMatchObject({ reason: "workshop", authorId: people.editor });
      expect(workshopEvents().at(-1)).toMatchObject({ boardId: board.id, workshop: { id: w.id } });
      expect(kindOf(await s.services.startWorkshop(people.owner, board.id, { title: "Second", agenda: AGENDA }))).toBe("conflict");
      const starts = await Promise.all([people.owner, people.editor2].map((p) => s.services.startWorkshop(p, board.id, { title: "Race", agenda: AGENDA })));
      expect(starts.map(kindOf)).toEqual(["conflict", "conflict"]);
      for (const who of ["owner", "editor", "commenter", "viewer"] as const)
        expect(value(await s.services.currentWorkshop(people[who], board.id)).workshop?.id).toBe(w.id);
    });

    it("commenters and viewers may not start one; strangers see nothing; bad agendas are refused", async () => {
      expect(kindOf(await s.services.startWorkshop(people.commenter, board.id, { title: "x", agenda: AGENDA }))).toBe("forbidden");
      expect(kindOf(await s.services.startWorkshop(people.viewer, board.id, { title: "x", agenda: AGENDA }))).toBe("forbidden");
      expect(kindOf(await s.services.startWorkshop(people.stranger, board.id, { title: "x", agenda: AGENDA }))).toBe("not-found");
      expect(kindOf(await s.services.currentWorkshop(people.stranger, board.id))).toBe("not-found");
      expect(kindOf(await s.services.startWorkshop(people.owner, board.id, { title: "x", agenda: [] }))).toBe("invalid");
      expect(kindOf(await s.services.startWorkshop(people.owner, board.id, { title: "x", agenda: [{ title: "Long", minutes: 10_000 }] }))).toBe("invalid");
      expect(kindOf(await s.services.startWorkshop(people.owner, board.id, { title: "x", agenda: AGENDA, extra: 1 }))).toBe("invalid");
      expect(value(await s.services.currentWorkshop(people.owner, board.id)).workshop).toBeNull();
    });
  });

  describe("running it", () => {
    it("the facilitator and owners use the controls; other editors and commenters may not; hand-over goes to an owner or editor only", async () => {
      const w = await start();
      const act = (actor: UserId, input: unknown) => s.services.workshopAction(actor, board.id, w.id, input);
      expect(kindOf(await act(people.editor2, { action: "start-timer" }))).toBe("forbidden");
      expect(kindOf(await act(people.commenter, { action: "next-step" }))).toBe("forbidden");
      expect(kindOf(await act(people.viewer, { action: "end" }))).toBe("forbidden");
      expect(kindOf(await act(people.stranger, { action: "end" }))).toBe("not-found");
      expect(value(await act(people.owner, { action: "next-step" })).workshop.step).toBe(1);
      expect(kindOf(await act(people.editor, { action: "hand-over", userId: people.commenter }))).toBe("invalid");
      expect(kindOf(await act(people.editor, { action: "hand-over", userId: people.stranger }))).toBe("invalid");
      expect(value(await act(people.editor, { action: "hand-over", userId: people.editor2 })).workshop.facilitator).toEqual({ id: people.editor2, name: "editor2" });
      expect(kindOf(await act(people.editor, { action: "next-step" }))).toBe("forbidden");
      expect(value(await act(people.editor2, { action: "go-to-step", step: 2 })).workshop.step).toBe(2);
      expect(kindOf(await act(people.editor2, { action: "next-step" }))).toBe("conflict");
      expect(kindOf(await act(people.editor2, { action: "go-to-step", step: 7 }))).toBe("invalid");
      expect(kindOf(await act(people.editor2, { action: "explode" }))).toBe("invalid");
    });

    it("the countdown is the server's clock only: start, pause, add minutes, next step", async () => {
      let clock = new Date("2030-05-06T09:00:00.000Z");
      const { services, tasks } = workshopServices({
        storage: s.store,
        roleOf: async (actor, boardId) => ((await s.store.getBoard(boardId)) ? s.store.roleOf(boardId, actor) : null),
        withLiveBoard: (boardId, run) => s.sync.withLiveBoard(boardId, run),
        readSnapshot: (boardId) => s.sync.readSnapshot(boardId),
        live: s.live,
        roomPeople: (boardId) => s.sync.roomPeople(boardId),
        now: () => clock,
        log: createLogger("silent"),
      });
      const w = value(await services.startWorkshop(people.owner, board.id, { title: "Timed", agenda: AGENDA })).workshop;
      expect(w.startedAt).toBe("2030-05-06T09:00:00.000Z");
      const act = async (input: unknown) => value(await services.workshopAction(people.owner, board.id, w.id, input)).workshop;
      expect((await act({ action: "start-timer" })).timer).toEqual({ state: "running", endsAt: "2030-05-06T09:05:00.000Z", remainingMs: 300_000 });
      clock = new Date("2030-05-06T09:02:00.000Z");
      expect(value(await services.currentWorkshop(people.viewer, board.id)).workshop!.timer).toMatchObject({ state: "running", remainingMs: 180_000 });
      expect(value(await services.currentWorkshop(people.viewer, board.id)).serverNow).toBe("2030-05-06T09:02:00.000Z");
      expect((await act({ action: "pause-timer" })).timer).toEqual({ state: "paused", endsAt: null, remainingMs: 180_000 });
      clock = new Date("2030-05-06T09:10:00.000Z");
      expect((await act({ action: "add-minutes", minutes: 2 })).timer).toEqual({ state: "paused", endsAt: null, remainingMs: 300_000 });
      expect((await act({ action: "start-timer" })).timer.endsAt).toBe("2030-05-06T09:15:00.000Z");
      expect((await act({ action: "add-minutes", minutes: -10 })).timer).toEqual({ state: "running", endsAt: "2030-05-06T09:10:00.000Z", remainingMs: 0 });
      clock = new Date("2030-05-06T09:11:00.000Z");
      const next = await act({ action: "next-step" });
      expect(next.agenda[0]!.endedAt).toBe("2030-05-06T09:11:00.000Z");
      expect(next.agenda[1]!.startedAt).toBe("2030-05-06T09:11:00.000Z");
      expect(next.timer).toEqual({ state: "running", endsAt: "2030-05-06T09:21:00.000Z", remainingMs: 600_000 });
      // What the live event carried is the same endsAt, with the server's time beside it.
      const last = workshopEvents().at(-1)!;
      expect(last.serverNow).toBe("2030-05-06T09:11:00.000Z");
      expect(last.workshop?.timer.endsAt).toBe("2030-05-06T09:21:00.000Z");
      tasks.stopWorkshops();
    });

    it("participants are who was in the board's room, from the server's connections; guests are not named", async () => {
      await connect(people.commenter);
      const editorClient = await connect(people.editor);
      const link = value(await s.services.createShareLink(people.owner, board.id));
      const guest = await s.services.resolveShareLink(link.secret);
      const token = value(await s.services.mintSyncToken(guest!.principal, board.id)).token;
      const guestClient = connectClient(s.wsUrl, board.id, { token });
      clients.push(guestClient);
      await guestClient.synced;
      const w = await start();
      expect(w.participants.map((p) => [p.name, p.present]).sort()).toEqual([
        ["commenter", true],
        ["editor", true],
      ]);
      editorClient.destroy();
      await eventually(() => expect(s.sync.roomPeople(board.id)).toEqual([people.commenter]));
      await s.services.sampleWorkshops();
      const after = workshopEvents().at(-1)!.workshop!;
      expect(after.participants.map((p) => [p.name, p.present]).sort()).toEqual([
        ["commenter", true],
        ["editor", false],
      ]);
    });
  });

  describe("dot voting", () => {
    let w: WorkshopView;
    let items: string[];
    beforeEach(async () => {
      w = await start();
      items = await addItems(["Alpha", "Beta", "Gamma", "Delta"]);
    });
    const open = (input: Record<string, unknown> = {}) =>
      s.services.openVote(people.editor, board.id, w.id, { title: "MVP", scope: { kind: "selection", itemIds: items }, ...input });
    const ballot = (actor: UserId, voteId: string, itemId: string, delta: 1 | -1 = 1) => s.services.castBallot(actor, board.id, w.id, voteId, { itemId, delta });

    it("opens over items resolved from the live board; unknown ids and a second open vote are refused", async () => {
      expect(kindOf(await open({ scope: { kind: "selection", itemIds: [items[0], "iNotOnTheBoard"] } }))).toBe("not-found");
      expect(kindOf(await open({ scope: { kind: "lane", laneId: "lNoSuchLane" } }))).toBe("not-found");
      expect(kindOf(await s.services.openVote(people.commenter, board.id, w.id, { title: "Mine", scope: { kind: "board" } }))).toBe("forbidden");
      const opened = value(await open({ scope: { kind: "board" } })).workshop.vote!;
      const onBoard = readSnapshot(await liveDoc()).items.map((i) => i.id);
      expect([...opened.itemIds].sort()).toEqual([...onBoard].sort());
      expect(opened).toMatchObject({ state: "open", visibility: "hidden", votesPerPerson: 3, stacking: false, counts: null, voters: 0 });
      expect(kindOf(await open())).toBe("conflict");
    });

    it("owners, editors and commenters vote within their budget, one per item; viewers and strangers may not; closed means closed", async () => {
      const vote = value(await open({ votesPerPerson: 2 })).workshop.vote!;
      expect(value(await ballot(people.commenter, vote.id, items[0]!)).workshop.mine).toEqual({ votes: { [items[0]!]: 1 }, remaining: 1 });
      expect(kindOf(await ballot(people.commenter, vote.id, items[0]!))).toBe("conflict");
      value(await ballot(people.commenter, vote.id, items[1]!));
      expect(kindOf(await ballot(people.commenter, vote.id, items[2]!))).toBe("conflict");
      value(await ballot(people.commenter, vote.id, items[1]!, -1));
      expect(value(await ballot(people.commenter, vote.id, items[2]!)).workshop.mine).toEqual({ votes: { [items[0]!]: 1, [items[2]!]: 1 }, remaining: 0 });
      value(await ballot(people.owner, vote.id, items[0]!));
      value(await ballot(people.editor2, vote.id, items[0]!));
      expect(kindOf(await ballot(people.viewer, vote.id, items[0]!))).toBe("forbidden");
      expect(kindOf(await ballot(people.stranger, vote.id, items[0]!))).toBe("not-found");
      // A share-link guest, as the guest-aware routes name one, is no one the workshop services know.
      const link = value(await s.services.createShareLink(people.owner, board.id));
      expect(kindOf(await ballot(guestActor(link.id), vote.id, items[0]!))).toBe("not-found");
      expect(kindOf(await ballot(people.owner, vote.id, "iNotInTheVote"))).toBe("invalid");
      expect(kindOf(await ballot(people.owner, "vt-unknown", items[0]!))).toBe("not-found");
      expect(kindOf(await s.services.castBallot(people.owner, board.id, w.id, vote.id, { itemId: items[0], delta: 5 }))).toBe("invalid");
      expect(kindOf(await s.services.setVoteState(people.editor2, board.id, w.id, vote.id, { state: "closed" }))).toBe("forbidden");
      value(await s.services.setVoteState(people.editor, board.id, w.id, vote.id, { state: "closed" }));
      expect(kindOf(await ballot(people.owner, vote.id, items[1]!))).toBe("conflict");
      const revealed = value(await s.services.setVoteState(people.editor, board.id, w.id, vote.id, { state: "revealed" })).workshop.vote!;
      expect(revealed.counts).toEqual({ [items[0]!]: 3, [items[1]!]: 0, [items[2]!]: 1, [items[3]!]: 0 });
      expect(revealed.voters).toBe(3);
    });

    it("a vote runs within its step: moving on closes it, it can still be revealed, and the next vote may open", async () => {
      const vote = value(await open()).workshop.vote!;
      value(await ballot(people.commenter, vote.id, items[0]!));
      const moved = value(await s.services.workshopAction(people.editor, board.id, w.id, { action: "next-step" })).workshop;
      expect(moved.vote).toMatchObject({ id: vote.id, state: "closed", counts: null });
      expect(kindOf(await ballot(people.owner, vote.id, items[1]!))).toBe("conflict");
      const revealed = value(await s.services.setVoteState(people.editor, board.id, w.id, vote.id, { state: "revealed" })).workshop.vote!;
      expect(revealed.counts![items[0]!]).toBe(1);
      expect(value(await open({ title: "Second" })).workshop.vote).toMatchObject({ title: "Second", state: "open" });
    });

    it("stacking lets one person put several votes on one item", async () => {
      const vote = value(await open({ stacking: true, votesPerPerson: 3 })).workshop.vote!;
      for (let i = 0; i < 3; i++) value(await ballot(people.commenter, vote.id, items[0]!));
      expect(kindOf(await ballot(people.commenter, vote.id, items[0]!))).toBe("conflict");
    });

    it("many ballots at once from one person spend exactly their budget", async () => {
      const vote = value(await open({ stacking: true, votesPerPerson: 4 })).workshop.vote!;
      const results = await Promise.all(Array.from({ length: 12 }, () => ballot(people.commenter, vote.id, items[0]!)));
      expect(results.filter((r) => r.ok)).toHaveLength(4);
      expect(await s.store.ballotsOf(vote.id, people.commenter)).toEqual({ [items[0]!]: 4 });
    });

    it("hidden votes: no count reaches anyone before the reveal, in any answer or live event, not even the facilitator; `mine` is only mine", async () => {
      const vote = value(await open()).workshop.vote!;
      value(await ballot(people.commenter, vote.id, items[0]!));
      value(await ballot(people.owner, vote.id, items[1]!));
      const asFacilitator = value(await ballot(people.editor, vote.id, items[1]!)).workshop;
      expect(asFacilitator.vote!.counts).toBeNull();
      expect(asFacilitator.mine).toEqual({ votes: { [items[1]!]: 1 }, remaining: 2 });
      for (const who of ["owner", "editor", "commenter", "viewer"] as const) {
        const seen = value(await s.services.currentWorkshop(people[who], board.id)).workshop!;
        expect(seen.vote!.counts).toBeNull();
        expect(seen.vote!.voters).toBe(3);
      }
      expect(value(await s.services.currentWorkshop(people.commenter, board.id)).workshop!.mine!.votes).toEqual({ [items[0]!]: 1 });
      expect(value(await s.services.currentWorkshop(people.viewer, board.id)).workshop!.mine).toBeNull();
      value(await s.services.setVoteState(people.editor, board.id, w.id, vote.id, { state: "closed" }));
      await new Promise((r) => setTimeout(r, 250));
      const before = workshopEvents().filter((e) => e.workshop?.vote);
      expect(before.length).toBeGreaterThan(0);
      for (const e of before) {
        expect(e.workshop!.vote!.counts).toBeNull();
        // Nobody's ballots travel in the public part in any form.
        expect(JSON.stringify(e)).not.toContain('"mine"');
      }
      value(await s.services.setVoteState(people.editor, board.id, w.id, vote.id, { state: "revealed" }));
      expect(workshopEvents().at(-1)!.workshop!.vote!.counts).toMatchObject({ [items[0]!]: 1, [items[1]!]: 2 });
    });

    it("open votes show live counts to everyone", async () => {
      const vote = value(await open({ visibility: "open" })).workshop.vote!;
      value(await ballot(people.commenter, vote.id, items[2]!));
      await eventually(() => expect(workshopEvents().at(-1)!.workshop!.vote!.counts?.[items[2]!]).toBe(1));
      expect(value(await s.services.currentWorkshop(people.viewer, board.id)).workshop!.vote!.counts![items[2]!]).toBe(1);
    });

    it("a voter clicking in a loop is told to wait, at no cost to others; the last event holds the final counts", async () => {
      const vote = value(await open({ stacking: true, votesPerPerson: 20, visibility: "open" })).workshop.vote!;
      const results = [];
      for (let i = 0; i < 30; i++) results.push(await ballot(people.commenter, vote.id, items[0]!));
      expect(results.some((r) => kindOf(r) === "too-many")).toBe(true);
      const cast = results.filter((r) => r.ok).length;
      expect(value(await ballot(people.owner, vote.id, items[1]!)).workshop.mine!.remaining).toBe(19);
      await eventually(() => expect(workshopEvents().at(-1)!.workshop!.vote!.counts).toMatchObject({ [items[0]!]: cast, [items[1]!]: 1 }));
      expect(workshopEvents().at(-1)!.workshop!.vote!.voters).toBe(2);
    });
  });

  describe("private drafting", () => {
    let w: WorkshopView;
    beforeEach(async () => {
      w = await start();
    });
    const draft = (actor: UserId, input: Record<string, unknown>) => s.services.createDraft(actor, board.id, w.id, input);
    const toDraftStep = () => s.services.workshopAction(people.editor, board.id, w.id, { action: "next-step" });

    it("opens only in a drafting step; drafts are their author's alone until the reveal", async () => {
      expect(kindOf(await draft(people.commenter, { title: "Too early" }))).toBe("conflict");
      expect(value(await toDraftStep()).workshop.drafting).toEqual({ state: "open", count: 0 });
      const lanes = readSnapshot(await liveDoc()).lanes;
      const mine = value(await draft(people.commenter, { title: "Self-service portal", laneId: lanes[0]!.id, size: "L" })).draft;
      expect(mine).toMatchObject({ author: { id: people.commenter, name: "commenter" }, title: "Self-service portal", size: "L", itemId: null });
      value(await draft(people.editor2, { title: "Editor's idea" }));
      expect(kindOf(await draft(people.viewer, { title: "Viewer idea" }))).toBe("forbidden");
      expect(kindOf(await draft(people.stranger, { title: "Stranger idea" }))).toBe("not-found");
      expect(kindOf(await draft(people.commenter, { title: "Nowhere", laneId: "lNoSuchLane" }))).toBe("invalid");
      expect(value(await s.services.listDrafts(people.commenter, board.id, w.id)).drafts.map((d) => d.title)).toEqual(["Self-service portal"]);
      for (const who of ["owner", "editor", "viewer"] as const) expect(value(await s.services.listDrafts(people[who], board.id, w.id)).drafts).toEqual([]);
      expect(kindOf(await s.services.updateDraft(people.owner, board.id, w.id, mine.id, { title: "Owner's now" }))).toBe("not-found");
      expect(kindOf(await s.services.deleteDraft(people.editor2, board.id, w.id, mine.id))).toBe("not-found");
      // A title-only change leaves the lane and the size as they were.
      expect(value(await s.services.updateDraft(people.commenter, board.id, w.id, mine.id, { title: "Customer portal" })).draft).toMatchObject({
        title: "Customer portal",
        laneId: lanes[0]!.id,
        size: "L",
      });
      expect(kindOf(await s.services.updateDraft(people.commenter, board.id, w.id, mine.id, { title: "" }))).toBe("invalid");
      expect(value(await s.services.currentWorkshop(people.viewer, board.id)).workshop!.drafting).toEqual({ state: "open", count: 2 });
      // Not in the shared document before the reveal.
      expect(JSON.stringify((await liveDoc()).toJSON())).not.toContain("Customer portal");
      for (const e of events) expect(JSON.stringify(e)).not.toContain("Customer portal");
    });

    it("the reveal writes every draft into the board as items in one transaction, with authors as owners, in the tray", async () => {
      value(await toDraftStep());
      const snapshot = readSnapshot(await liveDoc());
      const [lane, phase] = [snapshot.lanes[1]!, snapshot.phases[0]!];
      value(await draft(people.commenter, { title: "Portal", laneId: lane.id, phaseId: phase.id, size: "XL" }));
      value(await draft(people.editor2, { title: "Chatbot", size: "S" }));
      value(await draft(people.commenter, { title: "Mobile app" }));
      expect(kindOf(await s.services.revealDrafts(people.editor2, board.id, w.id, { target: { kind: "tray" } }))).toBe("forbidden");
      const client = await connect(people.viewer);
      const doc = room().doc;
      let transactions = 0;
      const count = (tr: Y.Transaction) => {
        if ((tr.origin as { kind?: string } | null)?.kind === "server") transactions++;
      };
      doc.on("afterTransaction", count);
      const revealed = value(await s.services.revealDrafts(people.editor, board.id, w.id, { target: { kind: "tray" } }));
      doc.off("afterTransaction", count);
      expect(transactions).toBe(1);
      expect(revealed.itemIds).toHaveLength(3);
      expect(revealed.workshop.drafting).toEqual({ state: "revealed", count: 3 });
      const after = readSnapshot(doc).items.filter((i) => revealed.itemIds.includes(i.id));
      const byTitle = Object.fromEntries(after.map((i) => [i.title, i]));
      expect(byTitle.Portal).toMatchObject({ laneId: lane.id, phaseId: phase.id, start: null, duration: DRAFT_SIZE_DAYS.XL, owners: ["commenter"] });
      expect(byTitle.Chatbot).toMatchObject({ laneId: null, start: null, duration: DRAFT_SIZE_DAYS.S, owners: ["editor2"] });
      expect(readSnapshot(doc).dependencies.filter((d) => revealed.itemIds.includes(d.fromId) || revealed.itemIds.includes(d.toId))).toEqual([]);
      // Everyone's replica gets them, and everyone may now read every draft.
      await eventually(() => expect(readSnapshot(client.doc).items.map((i) => i.title)).toEqual(expect.arrayContaining(["Portal", "Chatbot", "Mobile app"])));
      const seen = value(await s.services.listDrafts(people.viewer, board.id, w.id)).drafts;
      expect(seen.map((d) => [d.title, d.author.name, d.itemId !== null])).toEqual([
        ["Portal", "commenter", true],
        ["Chatbot", "editor2", true],
        ["Mobile app", "commenter", true],
      ]);
      expect(kindOf(await draft(people.commenter, { title: "Late" }))).toBe("conflict");
    });

    it("revealing into one lane puts every draft there; a person's drafts are capped", async () => {
      value(await toDraftStep());
      const lane = readSnapshot(await liveDoc()).lanes[2]!;
      const stored = (i: number) => ({
        id: `dr-cap-${i}`,
        workshopId: w.id,
        boardId: board.id,
        authorId: people.editor2,
        title: `Idea ${i}`,
        laneId: null,
        phaseId: null,
        size: "M" as const,
        createdAt: new Date().toISOString(),
        itemId: null,
        revealedAt: null,
      });
      for (let i = 0; i < MAX_DRAFTS_PER_PERSON; i++) expect(await s.store.createDraft(stored(i), MAX_DRAFTS_PER_PERSON)).toBe(true);
      expect(kindOf(await draft(people.editor2, { title: "One too many" }))).toBe("conflict");
      const revealed = value(await s.services.revealDrafts(people.owner, board.id, w.id, { target: { kind: "lane", laneId: lane.id } }));
      const placed = readSnapshot(await liveDoc()).items.filter((i) => revealed.itemIds.includes(i.id));
      expect(placed).toHaveLength(MAX_DRAFTS_PER_PERSON);
      expect(new Set(placed.map((i) => i.laneId))).toEqual(new Set([lane.id]));
    });
  });

  describe("what a board and a person may pile up", () => {
    it("a board keeps its 200 newest workshops: starting one more forgets the oldest ended one and its automatic versions", async () => {
      const at = (i: number) => new Date(Date.UTC(2029, 0, 1) + i * 60_000).toISOString();
      const ids: string[] = [];
      for (let i = 0; i < MAX_WORKSHOPS_PER_BOARD; i++) {
        const id = `w-old-${String(i).padStart(3, "0")}`;
        ids.push(id);
        const startVersionId = `v-00000000-0000-0000-0000-${String(i).padStart(12, "0")}`;
        if (i < 2)
          await s.store.saveVersion({ id: startVersionId, boardId: board.id, name: i === 1 ? "Kept by name" : null, note: null, reason: "workshop", authorId: people.owner, createdAt: at(i), seq: 0 }, new Uint8Array([1]));
        const created = await s.store.createWorkshop({
          id,
          boardId: board.id,
          title: `Old ${i}`,
          facilitatorId: people.owner,
          startedAt: at(i),
          endedAt: null,
          agenda: [{ title: "Step", minutes: 5, kind: "discuss", startedAt: at(i), endedAt: null }],
          step: 0,
          timer: { state: "idle", endsAt: null, remainingMs: 300_000 },
          startVersionId: i < 2 ? startVersionId : null,
          endVersionId: null,
        });
        expect(created).toBe("created");
        const stored = (await s.store.getWorkshop(board.id, id))!;
        await s.store.saveWorkshop({ ...stored, endedAt: at(i) });
      }
      await start(people.owner);
      const left = value(await s.services.listWorkshops(people.viewer, board.id)).workshops;
      expect(left).toHaveLength(MAX_WORKSHOPS_PER_BOARD);
      expect(left.map((w) => w.id)).not.toContain(ids[0]);
      expect(left.map((w) => w.id)).toContain(ids[1]);
      expect(await s.store.getVersion(board.id, "v-00000000-0000-0000-0000-000000000000")).toBeNull();
      expect(await s.store.getVersion(board.id, "v-00000000-0000-0000-0000-000000000001")).not.toBeNull();
    });

    it("a workshop holds at most 100 votes; a facilitator clicking in a loop is told to wait", async () => {
      const w = await start();
      const [item] = await addItems(["Only"]);
      for (let i = 0; i < MAX_VOTES_PER_WORKSHOP; i++) {
        expect(
          await s.store.openVote({
            id: `vt-${i}`,
            workshopId: w.id,
            boardId: board.id,
            title: `Vote ${i}`,
            scope: "board",
            itemIds: [item!],
            votesPerPerson: 1,
            stacking: false,
            visibility: "open",
            state: "open",
            openedAt: new Date(Date.UTC(2029, 0, 1) + i).toISOString(),
            closedAt: null,
            revealedAt: null,
          }),
        ).toBe(true);
        await s.store.setVoteState(w.id, `vt-${i}`, "closed", new Date().toISOString());
      }
      expect(kindOf(await s.services.openVote(people.editor, board.id, w.id, { title: "One more", scope: { kind: "board" } }))).toBe("conflict");
      const results = [];
      for (let i = 0; i < 40; i++) results.push(await s.services.workshopAction(people.editor, board.id, w.id, { action: i % 2 ? "pause-timer" : "start-timer" }));
      expect(results.some((r) => kindOf(r) === "too-many")).toBe(true);
      expect((await s.services.workshopAction(people.owner, board.id, w.id, { action: "pause-timer" })).ok).toBe(true);
    });
  });

  describe("the record", () => {
    it("holds the people, the agenda as run, the votes, the changes, the drafts and the decisions; exported as Markdown", async () => {
      await connect(people.commenter);
      const [alpha, beta, gamma] = await addItems(["Alpha", "Beta", "Gamma"]);
      const thread = value(await s.services.createThread(people.commenter, board.id, { anchor: { kind: "item", id: alpha! }, body: commentBodyFromText("Is it MVP?") }));
      const before = value(await s.services.createThread(people.owner, board.id, { anchor: { kind: "board" }, body: commentBodyFromText("Resolved before") }));
      value(await s.services.setThreadResolved(people.owner, board.id, before.id, true));
      const w = await start();
      expect(kindOf(await s.services.workshopRecord(people.viewer, board.id, w.id))).toBe("conflict");
      const act = (input: unknown) => s.services.workshopAction(people.editor, board.id, w.id, input);
      value(await act({ action: "next-step" }));
      value(await s.services.createDraft(people.commenter, board.id, w.id, { title: "Drafted item" }));
      value(await s.services.revealDrafts(people.editor, board.id, w.id, { target: { kind: "tray" } }));
      value(await act({ action: "next-step" }));
      const scope = { kind: "selection", itemIds: [alpha, beta, gamma] };
      const v1 = value(await s.services.openVote(people.editor, board.id, w.id, { title: "MVP", scope })).workshop.vote!;
      value(await s.services.castBallot(people.commenter, board.id, w.id, v1.id, { itemId: beta, delta: 1 }));
      value(await s.services.castBallot(people.owner, board.id, w.id, v1.id, { itemId: beta, delta: 1 }));
      value(await s.services.castBallot(people.owner, board.id, w.id, v1.id, { itemId: alpha, delta: 1 }));
      value(await s.services.setVoteState(people.editor, board.id, w.id, v1.id, { state: "revealed" }));
      const v2 = value(await s.services.openVote(people.editor, board.id, w.id, { title: "Secret", scope })).workshop.vote!;
      value(await s.services.castBallot(people.commenter, board.id, w.id, v2.id, { itemId: gamma, delta: 1 }));
      // A decision: the item's thread is settled during the workshop.
      value(await s.services.reply(people.editor, board.id, thread.id, { body: commentBodyFromText("Yes, it is in the MVP.") }));
      value(await s.services.setThreadResolved(people.editor, board.id, thread.id, true));
      const [delta] = await addItems(["Delta"]);
      const ended = value(await act({ action: "end" })).workshop;
      expect(ended.endedAt).not.toBeNull();
      expect(workshopEvents().at(-1)).toMatchObject({ type: "workshop", workshop: null });
      expect(value(await s.services.currentWorkshop(people.viewer, board.id)).workshop).toBeNull();
      expect(kindOf(await s.services.castBallot(people.commenter, board.id, w.id, v2.id, { itemId: alpha, delta: 1 }))).toBe("conflict");

      const { record } = value(await s.services.workshopRecord(people.viewer, board.id, w.id));
      expect(record).toMatchObject({ id: w.id, boardId: board.id, boardTitle: "Workshop board", title: "MVP cut", facilitator: { name: "editor" }, participants: 1 });
      expect(record.people).toEqual([expect.objectContaining({ id: people.commenter, name: "commenter", minutes: 0 })]);
      expect(record.agenda.map((s) => [s.title, s.startedAt !== null, s.endedAt !== null])).toEqual([
        ["Warm-up", true, true],
        ["Silent drafting", true, true],
        ["Dot vote", true, true],
      ]);
      expect(record.votes[0]!.ranked).toEqual([
        { itemId: beta, title: "Beta", votes: 2 },
        { itemId: alpha, title: "Alpha", votes: 1 },
      ]);
      expect(record.votes[1]).toMatchObject({ title: "Secret", state: "closed", counts: null, ranked: [], voters: 1 });
      const added = record.changes!.items.filter((c) => c.change === "added").map((c) => c.title).sort();
      expect(added).toEqual(["Delta", "Drafted item"]);
      expect(record.drafts).toEqual([expect.objectContaining({ title: "Drafted item", author: { id: people.commenter, name: "commenter" } })]);
      expect(record.decisions).toEqual([
        expect.objectContaining({ threadId: thread.id, itemId: alpha, itemTitle: "Alpha", text: "Yes, it is in the MVP.", resolvedBy: { id: people.editor, name: "editor" } }),
      ]);
      expect(record.endVersionId).not.toBeNull();
      expect((await s.store.getVersion(board.id, record.endVersionId!))?.reason).toBe("workshop");

      const md = value(await s.services.workshopRecordMarkdown(people.viewer, board.id, w.id));
      expect(md).toContain("# MVP cut");
      expect(md).toContain(`1. [Beta](/boards/${board.id}?item=${beta}): 2 votes`);
      expect(md).toContain("Not revealed.");
      expect(md).toContain(`[Delta](/boards/${board.id}?item=${delta})`);
      expect(md).toContain(`[Thread](/boards/${board.id}?thread=${thread.id}) on [Alpha](/boards/${board.id}?item=${alpha}): Yes, it is in the MVP.`);
      expect(md).toContain("- commenter: 0 minutes");

      const list = value(await s.services.listWorkshops(people.viewer, board.id)).workshops;
      expect(list).toEqual([expect.objectContaining({ id: w.id, title: "MVP cut", participants: 1, endedAt: ended.endedAt })]);
      expect(kindOf(await s.services.workshopRecord(people.stranger, board.id, w.id))).toBe("not-found");
      expect(kindOf(await s.services.workshopRecord(people.viewer, board.id, "w-unknown"))).toBe("not-found");
      // Another workshop may start now.
      expect((await start(people.owner)).id).not.toBe(w.id);
    });

    it("Markdown escapes what people typed", async () => {
      const w = value(await s.services.startWorkshop(people.owner, board.id, { title: "[click](http://evil.example) <script>", agenda: AGENDA })).workshop;
      value(await s.services.workshopAction(people.owner, board.id, w.id, { action: "end" }));
      const md = value(await s.services.workshopRecordMarkdown(people.owner, board.id, w.id));
      expect(md).toContain("# \\[click\\](http://evil.example) \\<script\\>");
      expect(md).not.toContain("<script>");
    });

    it("deleting the board deletes its workshops", async () => {
      const w = await start();
      value(await s.services.deleteBoard(people.owner, board.id));
      expect(await s.store.getWorkshop(board.id, w.id)).toBeNull();
    });
  });
});
