import { describe, expect, it } from "vitest";
import { laneAudience, mayAnswerForLane, mayEditLane } from "../../../lib/protocol/teams";

describe("who may edit a lane (docs/teams.md)", () => {
  const team = ["ana", "ben"];

  it("board owners edit every lane under either policy", () => {
    expect(mayEditLane("owner", "zoe", team, "propose")).toBe(true);
    expect(mayEditLane("owner", "zoe", team, "open")).toBe(true);
  });

  it("under the open policy any editor edits any lane, as before owners existed", () => {
    expect(mayEditLane("editor", "zoe", team, "open")).toBe(true);
  });

  it("under the propose policy an editor edits lanes they own and lanes without owners, and proposes elsewhere", () => {
    expect(mayEditLane("editor", "ana", team, "propose")).toBe(true);
    expect(mayEditLane("editor", "zoe", [], "propose")).toBe(true);
    expect(mayEditLane("editor", "zoe", team, "propose")).toBe(false);
  });

  it("commenters, viewers and strangers never edit, owners of the lane or not", () => {
    for (const role of ["commenter", "viewer", null] as const) {
      expect(mayEditLane(role, "ana", team, "open")).toBe(false);
      expect(mayEditLane(role, "ana", [], "open")).toBe(false);
    }
  });
});

describe("who answers for a lane", () => {
  it("the lane's owners while editors, board owners, and any editor of a lane without owners", () => {
    expect(mayAnswerForLane("editor", "ana", ["ana"])).toBe(true);
    expect(mayAnswerForLane("editor", "zoe", ["ana"])).toBe(false);
    expect(mayAnswerForLane("owner", "zoe", ["ana"])).toBe(true);
    expect(mayAnswerForLane("editor", "zoe", [])).toBe(true);
    // An owner of the lane downgraded to commenter no longer answers for it.
    expect(mayAnswerForLane("commenter", "ana", ["ana"])).toBe(false);
  });

  it("a lane's news goes to its owners, or to the board's owners when it has none", () => {
    expect(laneAudience(["ana"], ["olga"])).toEqual(["ana"]);
    expect(laneAudience([], ["olga"])).toEqual(["olga"]);
  });
});
