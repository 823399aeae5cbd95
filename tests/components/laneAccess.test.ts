import { describe, expect, it } from "vitest";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { laneAccess } from "../../components/teams/laneAccess";

/** The page's mirror of the socket's lane rule (docs/teams.md): what it stops, and the words it says. */
const snapshot = {
  lanes: [
    { id: "l-dev", name: "Development" },
    { id: "l-design", name: "Service design" },
  ],
  items: [
    { id: "i-api", laneId: "l-dev" },
    { id: "i-map", laneId: "l-design" },
    { id: "i-free", laneId: null },
  ],
} as unknown as BoardSnapshot;
const teams = { policy: "propose" as const, laneOwners: { "l-dev": [{ id: "ben", name: "Ben" }] } };

describe("lane access on the page", () => {
  it("stops an editor's edits of another team's lane, with the owners named, and nothing else", () => {
    const cy = laneAccess(teams, "editor", "cy", snapshot);
    expect(cy.mayEditItem("i-api")).toBe(false);
    expect(cy.refusalFor({ itemId: "i-api" })).toBe("Development is owned by Ben: propose the change instead of making it.");
    // Moving her own item into the owned lane is stopped too.
    expect(cy.refusalFor({ itemId: "i-map", laneId: "l-dev" })).toMatch(/^Development is owned by Ben/);
    expect(cy.refusalFor({ itemId: "i-map" })).toBeNull();
    expect(cy.refusalFor({ itemId: "i-free" })).toBeNull();
    expect(cy.refusalFor({ laneId: "l-design" })).toBeNull();
  });

  it("lets the lane's owner, board owners, the open policy and a page without answers yet through", () => {
    expect(laneAccess(teams, "editor", "ben", snapshot).refusalFor({ itemId: "i-api" })).toBeNull();
    expect(laneAccess(teams, "owner", "olga", snapshot).refusalFor({ itemId: "i-api" })).toBeNull();
    expect(laneAccess({ ...teams, policy: "open" }, "editor", "cy", snapshot).refusalFor({ itemId: "i-api" })).toBeNull();
    expect(laneAccess(null, "editor", "cy", snapshot).refusalFor({ itemId: "i-api" })).toBeNull();
  });
});
