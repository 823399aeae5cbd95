import { expect, it } from "vitest";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../lib/model/ids";
import type { Storage } from "../../../server/storage/storage";
import { roleOn } from "../../../server/auth/resolveAccess";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

async function user(store: Storage, name: string): Promise<UserId> {
  const id = newUserId();
  await store.createUser({ id, email: `${name.toLowerCase()}@test.dev`, name, passwordHash: null });
  return id;
}

const STATE = new Uint8Array([0, 0]);
const FORK = new Uint8Array([1, 2, 3]);

async function fork(store: Storage, planId: BoardId, by: UserId, name = "Faster", max = 50) {
  return store.createScenario({ id: newBoardId(), planId, name, purpose: "try it", baseVersionId: "v1", createdBy: by }, "Roadmap", FORK, max);
}

describeEachStorage("scenarios", (backend) => {
  const t = freshStoreEachTest(backend);

  it("creates the board row, its first state and the scenario row together; lists, reads, updates and deletes", async () => {
    const ana = await user(t.store, "Ana");
    const plan = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, STATE);
    const made = await fork(t.store, plan.id, ana);
    if (typeof made === "string") throw new Error(made);
    expect(made).toMatchObject({ planId: plan.id, name: "Faster", purpose: "try it", state: "active", baseVersionId: "v1", createdBy: ana });
    expect(await t.store.getBoard(made.id)).toMatchObject({ id: made.id });
    expect((await t.store.loadUpdates(made.id)).updates).toEqual([FORK]);
    const second = await fork(t.store, plan.id, ana, "Slower");
    if (typeof second === "string") throw new Error(second);

    const reopened = await t.reopen();
    expect((await reopened.listScenarios(plan.id)).map((s) => s.name)).toEqual(["Faster", "Slower"]);
    expect(await reopened.getScenario(made.id)).toEqual(made);
    expect(await reopened.getScenario(plan.id)).toBeNull();

    const renamed = await reopened.updateScenario(plan.id, made.id, { name: "Fastest", purpose: null, state: "archived" });
    expect(renamed).toMatchObject({ name: "Fastest", purpose: null, state: "archived" });
    expect(await reopened.updateScenario(plan.id, made.id, { state: "adopted" })).toMatchObject({ name: "Fastest", purpose: null, state: "adopted" });
    // Another plan's id does not reach it.
    const other = await reopened.createOwnedBoard({ id: newBoardId(), title: "Other", ownerId: ana }, STATE);
    expect(await reopened.updateScenario(other.id, made.id, { name: "x" })).toBeNull();
    expect(await reopened.deleteScenario(other.id, made.id)).toBe(false);

    expect(await reopened.deleteScenario(plan.id, made.id)).toBe(true);
    expect(await reopened.getScenario(made.id)).toBeNull();
    expect(await reopened.getBoard(made.id)).toBeNull();
    expect((await reopened.listScenarios(plan.id)).map((s) => s.id)).toEqual([second.id]);
  });

  it("refuses a fork of a missing plan or of a scenario, and past the cap of kept scenarios (adopted ones do not count)", async () => {
    const ana = await user(t.store, "Ana");
    const plan = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, STATE);
    expect(await fork(t.store, newBoardId(), ana)).toBe("no-plan");
    const first = await fork(t.store, plan.id, ana, "a", 2);
    if (typeof first === "string") throw new Error(first);
    expect(await fork(t.store, first.id, ana)).toBe("no-plan");
    const second = await fork(t.store, plan.id, ana, "b", 2);
    if (typeof second === "string") throw new Error(second);
    const boardsBefore = (await t.store.listBoards()).length;
    expect(await fork(t.store, plan.id, ana, "c", 2)).toBe("full");
    expect((await t.store.listBoards()).length).toBe(boardsBefore);
    await t.store.updateScenario(plan.id, second.id, { state: "archived" });
    expect(await fork(t.store, plan.id, ana, "c", 2)).toBe("full");
    await t.store.updateScenario(plan.id, second.id, { state: "adopted" });
    expect(typeof (await fork(t.store, plan.id, ana, "c", 2))).toBe("object");
    expect((await t.store.listScenarios(plan.id)).length).toBe(3);
  });

  it("answers the plan's role on a scenario, to the plan's members only; lists and share links leave it out", async () => {
    const ana = await user(t.store, "Ana");
    const ben = await user(t.store, "Ben");
    const eve = await user(t.store, "Eve");
    const plan = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, STATE);
    await t.store.setRole(plan.id, ben, "viewer");
    const made = await fork(t.store, plan.id, ana);
    if (typeof made === "string") throw new Error(made);
    expect(await t.store.roleOf(made.id, ana)).toBe("owner");
    expect(await t.store.roleOf(made.id, ben)).toBe("viewer");
    expect(await t.store.roleOf(made.id, eve)).toBeNull();
    await t.store.setRole(plan.id, ben, "editor");
    expect(await t.store.roleOf(made.id, ben)).toBe("editor");
    // A membership row written on the scenario itself gives nothing: only the plan's count.
    await t.store.setRole(made.id, eve, "owner");
    expect(await t.store.roleOf(made.id, eve)).toBeNull();
    expect((await t.store.listMembers(made.id)).map((m) => m.name)).toEqual(["Ana", "Ben"]);
    await t.store.removeMember(plan.id, ben);
    expect(await t.store.roleOf(made.id, ben)).toBeNull();

    expect((await t.store.listBoardsOf(ana)).map((b) => b.id)).toEqual([plan.id]);
    expect((await t.store.listBoardsOf(eve)).map((b) => b.id)).toEqual([]);
    expect((await t.store.listBoards()).map((b) => b.id)).toEqual([plan.id]);

    const link = { id: "link-1", boardId: plan.id, createdBy: ana, createdAt: new Date().toISOString(), revokedAt: null };
    await t.store.createShareLink(link, "hash-1");
    const guest = { kind: "guest" as const, shareLinkId: link.id, name: "Guest" };
    expect(await roleOn(t.store, guest, plan.id)).toBe("viewer");
    expect(await roleOn(t.store, guest, made.id)).toBeNull();
  });

  it("an archived or adopted scenario is read-only: its editors and owners comment at most, until it is reopened", async () => {
    const ana = await user(t.store, "Ana");
    const ben = await user(t.store, "Ben");
    const cat = await user(t.store, "Cat");
    const plan = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, STATE);
    await t.store.setRole(plan.id, ben, "editor");
    await t.store.setRole(plan.id, cat, "viewer");
    const made = await fork(t.store, plan.id, ana);
    if (typeof made === "string") throw new Error(made);
    await t.store.updateScenario(plan.id, made.id, { state: "archived" });
    expect([await t.store.roleOf(made.id, ana), await t.store.roleOf(made.id, ben), await t.store.roleOf(made.id, cat)]).toEqual([
      "commenter",
      "commenter",
      "viewer",
    ]);
    expect(await t.store.roleOf(plan.id, ana)).toBe("owner");
    await t.store.updateScenario(plan.id, made.id, { state: "active" });
    expect(await t.store.roleOf(made.id, ben)).toBe("editor");
    await t.store.updateScenario(plan.id, made.id, { state: "adopted" });
    expect(await t.store.roleOf(made.id, ana)).toBe("commenter");
  });

  it("a deleted plan takes its scenarios and their documents with it", async () => {
    const ana = await user(t.store, "Ana");
    const plan = await t.store.createOwnedBoard({ id: newBoardId(), title: "Roadmap", ownerId: ana }, STATE);
    const made = await fork(t.store, plan.id, ana);
    if (typeof made === "string") throw new Error(made);
    await t.store.deleteBoard(plan.id);
    expect(await t.store.getScenario(made.id)).toBeNull();
    expect(await t.store.getBoard(made.id)).toBeNull();
    expect(await t.store.listScenarios(plan.id)).toEqual([]);
  });
});
