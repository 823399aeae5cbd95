import { describe, expect, it } from "vitest";
import type { BoardId } from "../../lib/model/ids";
import type { LanePolicy } from "../../lib/protocol/teams";
import { LaneRules } from "../../server/sync/laneRules";

/**
 * The rooms' copy of each board's lane rules (server/sync/laneRules.ts). Reloads run whenever
 * owners, the policy or a role change; two in flight may finish in either order (Postgres
 * answers concurrent queries as they come), and the copy must end as the last one read it.
 */
describe("LaneRules", () => {
  it("keeps the newest read when two reloads finish out of order", async () => {
    const board = "b-plan" as BoardId;
    const pending: { policy: LanePolicy; resolve: (p: LanePolicy) => void }[] = [];
    let policyNow: LanePolicy = "open";
    const store = {
      getLanePolicy: () => new Promise<LanePolicy>((resolve) => pending.push({ policy: policyNow, resolve })),
      listLaneOwners: async () => [{ boardId: board, laneId: "l-platform", userId: "u-owner" }],
      listMembers: async () => [{ userId: "u-owner", role: "editor" }, { userId: "u-ed", role: "editor" }],
      getScenario: async () => null,
    };
    const rules = new LaneRules(store as unknown as ConstructorParameters<typeof LaneRules>[0]);
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const first = rules.load(board);
    await tick();
    pending[0]!.resolve(pending[0]!.policy);
    await first;
    expect(rules.restriction(board, "editor", "u-ed")).toBeNull();

    // The policy turns to "propose" while a reload that read "open" is still in flight.
    const stale = rules.reload(board);
    await tick();
    policyNow = "propose";
    const fresh = rules.reload(board);
    await tick();
    pending[2]!.resolve(pending[2]!.policy);
    await fresh;
    pending[1]!.resolve(pending[1]!.policy);
    await stale;
    expect(pending.map((p) => p.policy)).toEqual(["open", "open", "propose"]);
    expect(rules.restriction(board, "editor", "u-ed")?.("l-platform")).toBe(false);
  });
});
