import { expect, it } from "vitest";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../lib/model/ids";
import type { ProposalRecord } from "../../../server/storage/proposalStore";
import type { Storage } from "../../../server/storage/storage";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

async function user(store: Storage, name: string): Promise<UserId> {
  const id = newUserId();
  await store.createUser({ id, email: `${name.toLowerCase()}@test.dev`, name, passwordHash: null });
  return id;
}

let seq = 0;
function proposal(boardId: BoardId, authorId: UserId, over: Partial<ProposalRecord> = {}): ProposalRecord {
  seq++;
  return {
    id: `pr-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    boardId,
    laneId: "lane-a",
    itemId: "item-1",
    change: { kind: "change", itemId: "item-1" as never, fields: { start: "2030-01-14" as never } },
    base: { exists: true, start: "2030-01-07" },
    reason: "The gateway waits for the audit",
    authorId,
    createdAt: `2030-01-01T00:00:${String(seq % 60).padStart(2, "0")}.000Z`,
    state: "open",
    answeredBy: null,
    answeredAt: null,
    answerNote: null,
    counterOf: null,
    threadId: "t1",
    appliedItemId: null,
    ...over,
  };
}

const caps = { board: 500, person: 50 };

describeEachStorage("proposals", (backend) => {
  const t = freshStoreEachTest(backend);

  async function setup() {
    const ana = await user(t.store, "Ana");
    const ben = await user(t.store, "Ben");
    const board = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, new Uint8Array([0, 0]));
    const other = await t.store.createOwnedBoard({ id: newBoardId(), title: "Other", ownerId: ana }, new Uint8Array([0, 0]));
    return { ana, ben, board: board.id, other: other.id };
  }

  it("keeps a proposal as written, per board; lists open ones and answered ones", async () => {
    const { ana, ben, board, other } = await setup();
    const first = proposal(board, ben);
    const second = proposal(board, ben, { change: { kind: "create", laneId: "lane-a" as never, item: { title: "New", start: "2030-02-01" as never } }, itemId: null, base: { exists: false } });
    expect(await t.store.createProposal(first, caps)).toBe("created");
    expect(await t.store.createProposal(second, caps)).toBe("created");
    const reopened = await t.reopen();
    expect(await reopened.getProposal(board, first.id)).toEqual(first);
    expect(await reopened.getProposal(other, first.id)).toBeNull();
    expect((await reopened.listProposals(board, "open")).map((p) => p.id)).toEqual([first.id, second.id]);
    expect(await reopened.listProposals(other, "all")).toEqual([]);
    const answer = { state: "accepted" as const, by: ana, at: "2030-01-02T00:00:00.000Z", note: "Fine", appliedItemId: "item-9" };
    expect(await reopened.answerProposal(board, second.id, answer)).toBe(true);
    expect((await reopened.listProposals(board, "open")).map((p) => p.id)).toEqual([first.id]);
    const all = await reopened.listProposals(board, "all");
    expect(all.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(all[1]).toMatchObject({ state: "accepted", answeredBy: ana, answerNote: "Fine", appliedItemId: "item-9" });
    await reopened.setProposalAppliedItem(board, second.id, "item-10");
    await reopened.setProposalAppliedItem(other, second.id, "item-11");
    expect((await reopened.getProposal(board, second.id))!.appliedItemId).toBe("item-10");
  });

  it("an answer moves a proposal from open only: of two answers at once one wins", async () => {
    const { ana, ben, board, other } = await setup();
    const p = proposal(board, ben);
    await t.store.createProposal(p, caps);
    const at = "2030-01-02T00:00:00.000Z";
    expect(await t.store.answerProposal(other, p.id, { state: "declined", by: ana, at, note: "no" })).toBe(false);
    const both = await Promise.all([
      t.store.answerProposal(board, p.id, { state: "accepted", by: ana, at, note: null }),
      t.store.answerProposal(board, p.id, { state: "declined", by: ana, at, note: "no" }),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const stored = await t.store.getProposal(board, p.id);
    expect(stored!.state).toBe(both[0] ? "accepted" : "declined");
    expect(await t.store.answerProposal(board, p.id, { state: "withdrawn", by: ben, at, note: null })).toBe(false);
  });

  it("holds the caps per board and per author, counting open ones only", async () => {
    const { ana, ben, board, other } = await setup();
    const small = { board: 3, person: 2 };
    expect(await t.store.createProposal(proposal(board, ben), small)).toBe("created");
    expect(await t.store.createProposal(proposal(board, ben), small)).toBe("created");
    expect(await t.store.createProposal(proposal(board, ben), small)).toBe("person-full");
    expect(await t.store.createProposal(proposal(other, ben), small)).toBe("created");
    expect(await t.store.createProposal(proposal(board, ana), small)).toBe("created");
    expect(await t.store.createProposal(proposal(board, ana), small)).toBe("board-full");
    const open = await t.store.listProposals(board, "open");
    expect(open).toHaveLength(3);
    await t.store.answerProposal(board, open[0]!.id, { state: "withdrawn", by: ben, at: "2030-01-02T00:00:00.000Z", note: null });
    expect(await t.store.createProposal(proposal(board, ben), small)).toBe("created");
  });

  it("concurrent proposals cannot pass a cap together", async () => {
    const { ben, board } = await setup();
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => t.store.createProposal(proposal(board, ben), { board: 500, person: 3 })));
    expect(outcomes.filter((o) => o === "created")).toHaveLength(3);
    expect(await t.store.listProposals(board, "open")).toHaveLength(3);
  });

  it("a counter marks the one it answers countered with it, and is refused whole when that one is no longer open", async () => {
    const { ana, ben, board } = await setup();
    const p = proposal(board, ben);
    await t.store.createProposal(p, caps);
    const at = "2030-01-02T00:00:00.000Z";
    const counter = proposal(board, ana, { counterOf: p.id });
    expect(await t.store.createProposal(counter, caps, { id: p.id, answer: { state: "countered", by: ana, at, note: null } })).toBe("created");
    expect((await t.store.getProposal(board, p.id))!.state).toBe("countered");
    const late = proposal(board, ana, { counterOf: p.id });
    expect(await t.store.createProposal(late, caps, { id: p.id, answer: { state: "countered", by: ana, at, note: null } })).toBe("not-open");
    expect(await t.store.getProposal(board, late.id)).toBeNull();
    // A counter the cap refuses leaves the proposal it answers open.
    const q = proposal(board, ben);
    await t.store.createProposal(q, caps);
    const full = proposal(board, ana, { counterOf: q.id });
    expect(await t.store.createProposal(full, { board: 1, person: 50 }, { id: q.id, answer: { state: "countered", by: ana, at, note: null } })).toBe("board-full");
    expect((await t.store.getProposal(board, q.id))!.state).toBe("open");
  });

  it("a deleted board takes its proposals with it", async () => {
    const { ben, board } = await setup();
    const p = proposal(board, ben);
    await t.store.createProposal(p, caps);
    await t.store.deleteBoard(board);
    expect(await t.store.getProposal(board, p.id)).toBeNull();
  });
});
