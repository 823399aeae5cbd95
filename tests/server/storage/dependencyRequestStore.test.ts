import { expect, it } from "vitest";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../lib/model/ids";
import type { DependencyRequestRecord } from "../../../server/storage/dependencyRequestStore";
import type { Storage } from "../../../server/storage/storage";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

async function user(store: Storage, name: string): Promise<UserId> {
  const id = newUserId();
  await store.createUser({ id, email: `${name.toLowerCase()}@test.dev`, name, passwordHash: null });
  return id;
}

let serial = 0;
function request(boardId: BoardId, requesterId: UserId, from: string, to: string, at = "2027-01-04T09:00:00.000Z"): DependencyRequestRecord {
  serial++;
  return {
    id: `dr-${serial}`,
    boardId,
    fromItemId: from,
    toItemId: to,
    fromLaneId: "lane-a",
    toLaneId: "lane-b",
    neededBy: "2027-03-01",
    note: "for the launch",
    requesterId,
    createdAt: at,
    state: "requested",
    committedFinish: null,
    counterDate: null,
    answeredBy: null,
    answeredAt: null,
    answerNote: null,
    threadId: null,
    dependencyId: null,
  };
}

describeEachStorage("dependency requests", (backend) => {
  const t = freshStoreEachTest(backend);

  async function board(store: Storage) {
    const ana = await user(store, "Ana");
    const b = await store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, new Uint8Array([0, 0]));
    return { ana, boardId: b.id };
  }

  it("stores a request and lists it per board, oldest first; get finds it only on its board", async () => {
    const { ana, boardId } = await board(t.store);
    const other = (await t.store.createOwnedBoard({ id: newBoardId(), title: "Other", ownerId: ana }, new Uint8Array([0, 0]))).id;
    const second = request(boardId, ana, "i-c", "i-d", "2027-01-05T09:00:00.000Z");
    const first = request(boardId, ana, "i-a", "i-b", "2027-01-04T09:00:00.000Z");
    expect(await t.store.createDependencyRequest(second, 10)).toBe("created");
    expect(await t.store.createDependencyRequest(first, 10)).toBe("created");
    expect(await t.store.createDependencyRequest(request(other, ana, "i-a", "i-b"), 10)).toBe("created");
    const reopened = await t.reopen();
    expect((await reopened.listDependencyRequests(boardId)).map((r) => r.id)).toEqual([first.id, second.id]);
    expect(await reopened.getDependencyRequest(boardId, first.id)).toEqual(first);
    expect(await reopened.getDependencyRequest(other, first.id)).toBeNull();
    expect(await t.store.createDependencyRequest(request(newBoardId(), ana, "i-a", "i-b"), 10)).toBe("no-board");
  });

  it("keeps the open requests of a board to the cap; closed ones do not count", async () => {
    const { ana, boardId } = await board(t.store);
    const a = request(boardId, ana, "i-1", "i-2");
    expect(await t.store.createDependencyRequest(a, 2)).toBe("created");
    expect(await t.store.createDependencyRequest(request(boardId, ana, "i-3", "i-4"), 2)).toBe("created");
    expect(await t.store.createDependencyRequest(request(boardId, ana, "i-5", "i-6"), 2)).toBe("full");
    await t.store.updateDependencyRequest(boardId, a.id, ["requested"], { state: "withdrawn" });
    expect(await t.store.createDependencyRequest(request(boardId, ana, "i-5", "i-6"), 2)).toBe("created");
    expect(await t.store.listDependencyRequests(boardId)).toHaveLength(3);
  });

  it("refuses a second open request between the same two items, either way round, but not after the first closed", async () => {
    const { ana, boardId } = await board(t.store);
    const a = request(boardId, ana, "i-1", "i-2");
    await t.store.createDependencyRequest(a, 10);
    expect(await t.store.createDependencyRequest(request(boardId, ana, "i-1", "i-2"), 10)).toBe("duplicate");
    expect(await t.store.createDependencyRequest(request(boardId, ana, "i-2", "i-1"), 10)).toBe("duplicate");
    await t.store.updateDependencyRequest(boardId, a.id, ["requested"], { state: "declined", answerNote: "no" });
    expect(await t.store.createDependencyRequest(request(boardId, ana, "i-1", "i-2"), 10)).toBe("created");
  });

  it("applies an answer only from the state it expects: two answers at once, one wins", async () => {
    const { ana, boardId } = await board(t.store);
    const ben = await user(t.store, "Ben");
    const a = request(boardId, ana, "i-1", "i-2");
    await t.store.createDependencyRequest(a, 10);
    const other = await t.reopen();
    const [commit, decline] = await Promise.all([
      t.store.updateDependencyRequest(boardId, a.id, ["requested", "countered"], {
        state: "committed",
        committedFinish: "2027-02-26",
        answeredBy: ben,
        answeredAt: "2027-01-06T10:00:00.000Z",
        answerNote: null,
      }),
      other.updateDependencyRequest(boardId, a.id, ["requested", "countered"], { state: "declined", answeredBy: ana, answerNote: "no" }),
    ]);
    expect([commit, decline].filter((r) => r !== null)).toHaveLength(1);
    const stored = await t.store.getDependencyRequest(boardId, a.id);
    expect(stored!.state).toBe(commit ? "committed" : "declined");
    if (commit) expect(commit).toEqual(stored);
    // Only the fields named change; a board that is not the request's changes nothing.
    const set = await t.store.updateDependencyRequest(boardId, a.id, [stored!.state], { dependencyId: "d-1" });
    expect(set).toEqual({ ...stored, dependencyId: "d-1" });
    expect(await t.store.updateDependencyRequest(newBoardId(), a.id, [stored!.state], { dependencyId: "d-2" })).toBeNull();
    expect(await t.store.updateDependencyRequest(boardId, a.id, [], { dependencyId: "d-2" })).toBeNull();
    expect((await t.store.getDependencyRequest(boardId, a.id))!.dependencyId).toBe("d-1");
  });

  it("a deleted board takes its requests with it", async () => {
    const { ana, boardId } = await board(t.store);
    await t.store.createDependencyRequest(request(boardId, ana, "i-1", "i-2"), 10);
    await t.store.deleteBoard(boardId);
    expect(await t.store.listDependencyRequests(boardId)).toEqual([]);
  });
});
