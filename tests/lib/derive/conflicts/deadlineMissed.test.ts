import { describe, expect, it } from "vitest";
import { updatePhase } from "../../../../lib/model/phaseCommands";
import { alice, unwrap } from "../../helpers/docs";
import { ConflictBoard } from "./helpers/conflictBoard";

describe("deadline-missed: an item finishes after the milestone it is tied to", () => {
  it("a pinned item tied to a release: 'release missed', fix moves it to finish on the release date", () => {
    const b = new ConflictBoard();
    const release = b.milestone("Beta release", "2027-05-14", "release");
    const item = b.item("Notifications", { start: "2027-05-10", duration: 10, deadline: "Beta release" });
    expect(b.conflicts("deadline-missed")).toEqual([
      {
        id: `deadline-missed:${item}:${release}`,
        kind: "deadline-missed",
        severity: "error",
        objectIds: [item, release],
        message:
          "Release missed: “Notifications” finishes on Fri, May 21, 2027, 5 working days after the release “Beta release” on Fri, May 14, 2027. " +
          "Move “Notifications” to start Mon, May 3, 2027 so it finishes on Fri, May 14, 2027, shorten it, or move the release.",
        fix: { kind: "move-item", itemId: item, start: "2027-05-03" },
      },
    ]);
  });

  it("a deadline milestone reads 'deadline missed'; a deadline on a Sunday means the Friday before", () => {
    const b = new ConflictBoard();
    b.milestone("Budget freeze", "2027-05-16");
    b.item("Cost model", { start: "2027-05-10", duration: 10, deadline: "Budget freeze" });
    const [missed] = b.conflicts("deadline-missed");
    expect(missed?.message).toMatch(/^Deadline missed: “Cost model” finishes on Fri, May 21, 2027, 5 working days after the deadline “Budget freeze” on Sun, May 16, 2027\./);
    expect(missed?.fix).toEqual({ kind: "move-item", itemId: b.id("Cost model"), start: "2027-05-03" });
  });

  it("finishing on the milestone's date meets it", () => {
    const b = new ConflictBoard();
    b.milestone("Beta release", "2027-05-21", "release");
    b.item("Notifications", { start: "2027-05-10", duration: 10, deadline: "Beta release" });
    expect(b.conflicts("deadline-missed")).toEqual([]);
  });

  it("an item is also tied to the release its phase ends in", () => {
    const b = new ConflictBoard();
    const release = b.milestone("MVP release", "2027-05-14", "release");
    unwrap(updatePhase(b.doc, alice, b.phases.MVP, { milestoneId: release }));
    const item = b.item("Payments", { start: "2027-05-10", duration: 10, phase: "MVP" });
    const [missed] = b.conflicts("deadline-missed");
    expect(missed?.id).toBe(`deadline-missed:${item}:${release}`);
    expect(missed?.message).toContain("after the release “MVP release” on Fri, May 14, 2027 (the release its phase “MVP” ends in)");
  });

  it("an item missing both its own deadline and its phase's release gets one conflict for each", () => {
    const b = new ConflictBoard();
    const release = b.milestone("MVP release", "2027-05-14", "release");
    const own = b.milestone("Demo day", "2027-05-12");
    unwrap(updatePhase(b.doc, alice, b.phases.MVP, { milestoneId: release }));
    const item = b.item("Payments", { start: "2027-05-10", duration: 10, phase: "MVP", deadline: "Demo day" });
    expect(b.conflicts("deadline-missed").map((c) => c.id).sort()).toEqual([`deadline-missed:${item}:${own}`, `deadline-missed:${item}:${release}`].sort());
  });

  it("an unpinned item pushed late by its dependencies has no move to suggest", () => {
    const b = new ConflictBoard();
    b.milestone("Beta release", "2027-05-14", "release");
    b.item("Backend", { start: "2027-05-03", duration: 10 });
    b.item("Frontend", { duration: 5, deadline: "Beta release" });
    b.link("Backend", "Frontend");
    const [missed] = b.conflicts("deadline-missed");
    expect(missed?.fix).toBeNull();
    expect(missed?.message).toContain("Its dependencies place it this late");
  });

  it("no move when finishing on time would start it before the horizon", () => {
    const b = new ConflictBoard();
    b.milestone("Kick-off", "2027-01-06");
    b.item("Hiring", { start: "2027-01-04", duration: 10, deadline: "Kick-off" });
    const [missed] = b.conflicts("deadline-missed");
    expect(missed?.fix).toBeNull();
    expect(missed?.message).toContain("cannot finish in time");
  });

  it("no move when finishing on time would start it before its own predecessor allows", () => {
    const b = new ConflictBoard();
    b.milestone("Beta release", "2027-05-14", "release");
    b.item("Backend", { start: "2027-04-26", duration: 5 }); // finishes Fri 2027-04-30
    b.item("Frontend", { start: "2027-05-10", duration: 10, deadline: "Beta release" }); // would need to start 2027-05-03 … fine
    b.link("Backend", "Frontend", 2); // … but the lag makes 2027-05-05 the earliest start
    expect(b.conflicts("deadline-missed")[0]?.fix).toBeNull();
  });

  it.each([
    ["done", { status: "done" as const }],
    ["won't have", { priority: "wont" as const }],
  ])("a %s item is not reported", (_what, extra) => {
    const b = new ConflictBoard();
    b.milestone("Beta release", "2027-05-14", "release");
    b.item("Notifications", { start: "2027-05-10", duration: 10, deadline: "Beta release", ...extra });
    expect(b.conflicts("deadline-missed")).toEqual([]);
  });
});
