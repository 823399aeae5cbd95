import { beforeEach, describe, expect, it } from "vitest";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../lib/model/ids";
import type { StoredDraft, StoredVote, StoredWorkshop } from "../../../server/storage/workshopStore";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 9, minute)).toISOString();
const bytes = (...values: number[]) => new Uint8Array(values);

describeEachStorage("workshop store", (backend) => {
  const t = freshStoreEachTest(backend);
  let board: BoardId;
  let ana: UserId;
  let ben: UserId;

  beforeEach(async () => {
    ana = newUserId();
    ben = newUserId();
    await t.store.createUser({ id: ana, email: `${ana}@test.dev`, name: "Ana", passwordHash: null });
    await t.store.createUser({ id: ben, email: `${ben}@test.dev`, name: "Ben", passwordHash: null });
    board = newBoardId();
    await t.store.createOwnedBoard({ id: board, title: "Workshops", ownerId: ana }, bytes(0));
  });

  const workshop = (id: string, minute = 0, over: Partial<StoredWorkshop> = {}): StoredWorkshop => ({
    id,
    boardId: board,
    title: `Workshop ${id}`,
    facilitatorId: ana,
    startedAt: at(minute),
    endedAt: null,
    agenda: [
      { title: "Intro", minutes: 5, kind: "discuss", startedAt: at(minute), endedAt: null },
      { title: "Draft", minutes: 10, kind: "draft", startedAt: null, endedAt: null },
    ],
    step: 0,
    timer: { state: "idle", endsAt: null, remainingMs: 300_000 },
    startVersionId: "v-start",
    endVersionId: null,
    ...over,
  });
  const vote = (id: string, workshopId: string, over: Partial<StoredVote> = {}): StoredVote => ({
    id,
    workshopId,
    boardId: board,
    title: "MVP",
    scope: "selection",
    itemIds: ["i-a", "i-b", "i-c"],
    votesPerPerson: 2,
    stacking: false,
    visibility: "hidden",
    state: "open",
    openedAt: at(1),
    closedAt: null,
    revealedAt: null,
    ...over,
  });
  const draft = (id: string, workshopId: string, authorId: UserId, minute = 2): StoredDraft => ({
    id,
    workshopId,
    boardId: board,
    authorId,
    title: `Draft ${id}`,
    laneId: null,
    phaseId: null,
    size: "M",
    createdAt: at(minute),
    itemId: null,
    revealedAt: null,
  });

  describe("workshops", () => {
    it("stores a running workshop, reads it back from a reopened store; one running per board", async () => {
      expect(await t.store.createWorkshop(workshop("w-1"))).toBe("created");
      expect(await t.store.createWorkshop(workshop("w-2", 1))).toBe("running");
      const reopened = await t.reopen();
      expect(await reopened.runningWorkshop(board)).toEqual(workshop("w-1"));
      expect(await reopened.getWorkshop(board, "w-1")).toEqual(workshop("w-1"));
      expect(await t.store.createWorkshop({ ...workshop("w-3"), boardId: newBoardId() })).toBe("no-board");
    });

    it("saves the running workshop's changes; once ended it is no longer saved and another may start", async () => {
      await t.store.createWorkshop(workshop("w-1"));
      const moved = { ...workshop("w-1"), step: 1, facilitatorId: ben, timer: { state: "running" as const, endsAt: at(20), remainingMs: 600_000 } };
      expect(await t.store.saveWorkshop(moved)).toBe(true);
      expect(await t.store.getWorkshop(board, "w-1")).toEqual(moved);
      const ended = { ...moved, endedAt: at(30), endVersionId: "v-end" };
      expect(await t.store.saveWorkshop(ended)).toBe(true);
      expect(await t.store.saveWorkshop({ ...ended, title: "Changed after the end" })).toBe(false);
      expect(await t.store.runningWorkshop(board)).toBeNull();
      expect(await t.store.createWorkshop(workshop("w-2", 40))).toBe("created");
      expect((await t.store.listWorkshops(board, 10)).map((w) => w.id)).toEqual(["w-2", "w-1"]);
      expect(await t.store.countWorkshops(board)).toBe(2);
    });

    it("a workshop is only found on its own board; only ended ones are deleted", async () => {
      const other = newBoardId();
      await t.store.createOwnedBoard({ id: other, title: "Other", ownerId: ana }, bytes(0));
      await t.store.createWorkshop(workshop("w-1"));
      expect(await t.store.getWorkshop(other, "w-1")).toBeNull();
      expect(await t.store.saveWorkshop({ ...workshop("w-1"), boardId: other, title: "Hijack" })).toBe(false);
      await t.store.deleteWorkshops(board, ["w-1"]);
      expect(await t.store.getWorkshop(board, "w-1")).not.toBeNull();
      await t.store.saveWorkshop({ ...workshop("w-1"), endedAt: at(9) });
      await t.store.deleteWorkshops(other, ["w-1"]);
      expect(await t.store.getWorkshop(board, "w-1")).not.toBeNull();
      await t.store.deleteWorkshops(board, ["w-1"]);
      expect(await t.store.getWorkshop(board, "w-1")).toBeNull();
    });

    it("deleting the board deletes its workshops, participants, votes, ballots and drafts", async () => {
      await t.store.createWorkshop(workshop("w-1"));
      await t.store.recordPresence("w-1", [ana], at(0));
      await t.store.openVote(vote("vt-1", "w-1"));
      await t.store.castBallot("vt-1", ana, "i-a", 1);
      await t.store.createDraft(draft("dr-1", "w-1", ana), 5);
      await t.store.deleteBoard(board);
      expect(await t.store.listWorkshops(board, 10)).toEqual([]);
      expect(await t.store.listParticipants("w-1")).toEqual([]);
      expect(await t.store.listVotes("w-1")).toEqual([]);
      expect(await t.store.tally("vt-1")).toEqual({ counts: {}, voters: 0 });
      expect(await t.store.listDrafts("w-1")).toEqual([]);
    });
  });

  describe("participants", () => {
    it("joins, leaves and comes back: minutes add up over the spans present", async () => {
      await t.store.createWorkshop(workshop("w-1"));
      await t.store.recordPresence("w-1", [ana, ben], at(0));
      await t.store.recordPresence("w-1", [ana], at(10));
      await t.store.recordPresence("w-1", [ana, ben], at(20));
      await t.store.recordPresence("w-1", [], at(25));
      const people = await t.store.listParticipants("w-1");
      expect(people.map((p) => [p.userId, p.joinedAt, p.minutes, p.presentSince])).toEqual(
        [
          [ana, at(0), 25, null],
          [ben, at(0), 15, null],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
    });
  });

  describe("participants seen from two instances", () => {
    it("an instance's sample closes only the spans of people in its scope", async () => {
      await t.store.createWorkshop(workshop("w-1"));
      await t.store.recordPresence("w-1", [ana], at(0), [ana]);
      // Another instance, where Ben is connected and Ana is not, says nothing about Ana.
      await t.store.recordPresence("w-1", [ben], at(1), [ben]);
      expect((await t.store.listParticipants("w-1")).every((p) => p.presentSince !== null)).toBe(true);
      await t.store.recordPresence("w-1", [], at(6), [ana]);
      const people = Object.fromEntries((await t.store.listParticipants("w-1")).map((p) => [p.userId, p]));
      expect(people[ana]).toMatchObject({ minutes: 6, presentSince: null });
      expect(people[ben]).toMatchObject({ minutes: 0, presentSince: at(1) });
      await t.store.recordPresence("w-1", [], at(11));
      expect((await t.store.listParticipants("w-1")).find((p) => p.userId === ben)).toMatchObject({ minutes: 10, presentSince: null });
    });
  });

  describe("votes and ballots", () => {
    beforeEach(async () => {
      await t.store.createWorkshop(workshop("w-1"));
    });

    it("one open vote per workshop; closed, then revealed; no way back", async () => {
      expect(await t.store.openVote(vote("vt-1", "w-1"))).toBe(true);
      expect(await t.store.openVote(vote("vt-2", "w-1"))).toBe(false);
      expect(await t.store.setVoteState("w-1", "vt-1", "closed", at(5))).toBe(true);
      expect(await t.store.setVoteState("w-1", "vt-1", "closed", at(6))).toBe(false);
      expect(await t.store.openVote(vote("vt-2", "w-1", { openedAt: at(7) }))).toBe(true);
      expect(await t.store.setVoteState("w-1", "vt-1", "revealed", at(8))).toBe(true);
      expect(await t.store.setVoteState("w-1", "vt-1", "revealed", at(9))).toBe(false);
      expect(await t.store.getVote("w-1", "vt-1")).toMatchObject({ state: "revealed", closedAt: at(5), revealedAt: at(8) });
      expect((await t.store.listVotes("w-1")).map((v) => v.id)).toEqual(["vt-1", "vt-2"]);
      expect(await t.store.getVote("w-other", "vt-1")).toBeNull();
    });

    it("enforces the budget and stacking; takes votes back; tallies per item and counts voters", async () => {
      await t.store.openVote(vote("vt-1", "w-1"));
      expect(await t.store.castBallot("vt-1", ana, "i-a", 1)).toBe("ok");
      expect(await t.store.castBallot("vt-1", ana, "i-a", 1)).toBe("no-stacking");
      expect(await t.store.castBallot("vt-1", ana, "i-b", 1)).toBe("ok");
      expect(await t.store.castBallot("vt-1", ana, "i-c", 1)).toBe("no-budget");
      expect(await t.store.castBallot("vt-1", ana, "i-c", -1)).toBe("nothing-to-take-back");
      expect(await t.store.castBallot("vt-1", ana, "i-b", -1)).toBe("ok");
      expect(await t.store.castBallot("vt-1", ana, "i-c", 1)).toBe("ok");
      expect(await t.store.castBallot("vt-1", ben, "i-a", 1)).toBe("ok");
      expect(await t.store.tally("vt-1")).toEqual({ counts: { "i-a": 2, "i-b": 0, "i-c": 1 }, voters: 2 });
      expect(await t.store.ballotsOf("vt-1", ana)).toEqual({ "i-a": 1, "i-c": 1 });
      await t.store.setVoteState("w-1", "vt-1", "closed", at(5));
      expect(await t.store.castBallot("vt-1", ben, "i-b", 1)).toBe("not-open");
      expect(await t.store.castBallot("vt-1", ben, "i-a", -1)).toBe("not-open");
    });

    it("stacking lets one person put several votes on one item, within the budget", async () => {
      await t.store.openVote(vote("vt-1", "w-1", { stacking: true, votesPerPerson: 3 }));
      for (let i = 0; i < 3; i++) expect(await t.store.castBallot("vt-1", ana, "i-a", 1)).toBe("ok");
      expect(await t.store.castBallot("vt-1", ana, "i-a", 1)).toBe("no-budget");
      expect(await t.store.ballotsOf("vt-1", ana)).toEqual({ "i-a": 3 });
    });

    it("twenty ballots at once from one person, also through a second store on the same database, spend the budget exactly", async () => {
      await t.store.openVote(vote("vt-1", "w-1", { stacking: true, votesPerPerson: 5 }));
      const second = await t.reopen();
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? second : t.store).castBallot("vt-1", ana, "i-a", 1)));
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(5);
      expect(outcomes.filter((o) => o === "no-budget")).toHaveLength(15);
      expect(await t.store.ballotsOf("vt-1", ana)).toEqual({ "i-a": 5 });
    });
  });

  describe("drafts", () => {
    beforeEach(async () => {
      await t.store.createWorkshop(workshop("w-1"));
    });

    it("stores, lists per author, changes and deletes only the author's unrevealed drafts", async () => {
      expect(await t.store.createDraft(draft("dr-1", "w-1", ana, 1), 5)).toBe(true);
      expect(await t.store.createDraft(draft("dr-2", "w-1", ben, 2), 5)).toBe(true);
      expect((await t.store.listDrafts("w-1", ana)).map((d) => d.id)).toEqual(["dr-1"]);
      expect((await t.store.listDrafts("w-1")).map((d) => d.id)).toEqual(["dr-1", "dr-2"]);
      expect(await t.store.updateDraft("w-1", "dr-1", ben, { title: "Not mine" })).toBeNull();
      expect(await t.store.updateDraft("w-1", "dr-1", ana, { title: "Pilot", size: "L" })).toMatchObject({ title: "Pilot", size: "L", laneId: null });
      expect(await t.store.deleteDraft("w-1", "dr-1", ben)).toBe(false);
      await t.store.markDraftsRevealed("w-1", [{ draftId: "dr-1", itemId: "i-new" }], at(9));
      expect(await t.store.getDraft("w-1", "dr-1")).toMatchObject({ title: "Pilot", itemId: "i-new", revealedAt: at(9) });
      expect(await t.store.updateDraft("w-1", "dr-1", ana, { title: "After" })).toBeNull();
      expect(await t.store.deleteDraft("w-1", "dr-1", ana)).toBe(false);
      expect(await t.store.deleteDraft("w-1", "dr-2", ben)).toBe(true);
      expect((await t.store.listDrafts("w-1")).map((d) => d.id)).toEqual(["dr-1"]);
    });

    it("a person's draft count is capped, also when they add many at once", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => t.store.createDraft(draft(`dr-${i}`, "w-1", ana, i), 3)));
      expect(results.filter(Boolean)).toHaveLength(3);
      expect(await t.store.createDraft(draft("dr-ben", "w-1", ben), 3)).toBe(true);
    });

    it("no drafts, votes or ballots once the workshop has ended", async () => {
      await t.store.openVote(vote("vt-1", "w-1"));
      await t.store.setVoteState("w-1", "vt-1", "closed", at(3));
      await t.store.saveWorkshop({ ...workshop("w-1"), endedAt: at(4) });
      expect(await t.store.createDraft(draft("dr-1", "w-1", ana), 5)).toBe(false);
      expect(await t.store.openVote(vote("vt-2", "w-1"))).toBe(false);
    });
  });
});
