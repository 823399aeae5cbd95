import { expect, it } from "vitest";
import { newBoardId, newUserId, type UserId } from "../../../lib/model/ids";
import type { Storage } from "../../../server/storage/storage";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

async function user(store: Storage, name: string): Promise<UserId> {
  const id = newUserId();
  await store.createUser({ id, email: `${name.toLowerCase()}@test.dev`, name, passwordHash: null });
  return id;
}

describeEachStorage("lane owners and the lane policy", (backend) => {
  const t = freshStoreEachTest(backend);

  it("a board starts open, and keeps the policy its owner sets (per board)", async () => {
    const ana = await user(t.store, "Ana");
    const board = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, new Uint8Array([0, 0]));
    const other = await t.store.createOwnedBoard({ id: newBoardId(), title: "Other", ownerId: ana }, new Uint8Array([0, 0]));
    expect(await t.store.getLanePolicy(board.id)).toBe("open");
    await t.store.setLanePolicy(board.id, "propose");
    const reopened = await t.reopen();
    expect(await reopened.getLanePolicy(board.id)).toBe("propose");
    expect(await reopened.getLanePolicy(other.id)).toBe("open");
    expect(await reopened.getLanePolicy(newBoardId())).toBe("open");
  });

  it("replaces a lane's owners whole, per lane and per board, duplicates once", async () => {
    const ana = await user(t.store, "Ana");
    const ben = await user(t.store, "Ben");
    const cat = await user(t.store, "Cat");
    const board = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, new Uint8Array([0, 0]));
    const other = await t.store.createOwnedBoard({ id: newBoardId(), title: "Other", ownerId: ana }, new Uint8Array([0, 0]));
    await t.store.setLaneOwners(board.id, "lane-a", [ben, cat, ben]);
    await t.store.setLaneOwners(board.id, "lane-b", [ana]);
    await t.store.setLaneOwners(other.id, "lane-a", [ana]);
    const sorted = (rows: { laneId: string; userId: string }[]) => rows.map((r) => `${r.laneId}:${r.userId}`);
    expect(sorted(await t.store.listLaneOwners(board.id))).toEqual(
      ["lane-a:" + [ben, cat].sort()[0], "lane-a:" + [ben, cat].sort()[1], `lane-b:${ana}`],
    );
    await t.store.setLaneOwners(board.id, "lane-a", [cat]);
    expect(sorted(await t.store.listLaneOwners(board.id))).toEqual([`lane-a:${cat}`, `lane-b:${ana}`]);
    await t.store.setLaneOwners(board.id, "lane-b", []);
    const reopened = await t.reopen();
    expect(sorted(await reopened.listLaneOwners(board.id))).toEqual([`lane-a:${cat}`]);
    expect(sorted(await reopened.listLaneOwners(other.id))).toEqual([`lane-a:${ana}`]);
  });

  it("a deleted board takes its lane owners with it", async () => {
    const ana = await user(t.store, "Ana");
    const board = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, new Uint8Array([0, 0]));
    await t.store.setLaneOwners(board.id, "lane-a", [ana]);
    await t.store.deleteBoard(board.id);
    expect(await t.store.listLaneOwners(board.id)).toEqual([]);
  });
});
