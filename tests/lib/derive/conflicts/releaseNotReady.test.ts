import { describe, expect, it } from "vitest";
import { ConflictBoard, type ItemInput } from "./helpers/conflictBoard";

function release(items: [string, ItemInput][], on = "2027-05-14") {
  const b = new ConflictBoard();
  const m = b.milestone("Beta release", on, "release");
  b.item("Build features", { start: "2027-04-05", duration: 10, lane: "Development" });
  for (const [title, input] of items) b.item(title, input);
  return { b, m };
}

describe("release-not-ready: a release with no testing, communication or go-to-market work finishing before it", () => {
  it("a release with only development before it: a warning naming the release", () => {
    const { b, m } = release([]);
    expect(b.conflicts("release-not-ready")).toEqual([
      {
        id: `release-not-ready:${m}`,
        kind: "release-not-ready",
        severity: "warning",
        objectIds: [m],
        message:
          "Release “Beta release” on Fri, May 14, 2027 may not be ready: no testing, communication or go-to-market activity finishes on or before it. " +
          'Plan that work before the release, in the Testing, Communication or Go-to-market lane (or tag the items "testing", "communication" or "go-to-market").',
        fix: null,
      },
    ]);
  });

  it.each<[string, ItemInput, number]>([
    ["a Testing item finishing on the release date makes it ready", { start: "2027-05-10", duration: 5, lane: "Testing" }, 0],
    ["a Communication item finishing before it makes it ready", { start: "2027-05-03", lane: "Communication" }, 0],
    ["a Go-to-market item finishing before it makes it ready", { start: "2027-05-03", lane: "Go-to-market" }, 0],
    ["an item tagged QA in any lane counts", { start: "2027-05-03", lane: "Development", tags: ["QA"] }, 0],
    ["an item tagged marketing counts", { start: "2027-05-03", tags: ["Marketing"] }, 0],
    ["a Testing item finishing after the release does not count", { start: "2027-05-13", duration: 3, lane: "Testing" }, 1],
    ["a won't-have Testing item does not count", { start: "2027-05-03", lane: "Testing", priority: "wont" }, 1],
    ["an unscheduled Testing item does not count", { lane: "Testing" }, 1],
    ["an Operations item does not count", { start: "2027-05-03", lane: "Operations" }, 1],
  ])("%s", (_what, input, expected) => {
    const { b } = release([["Readiness work", input]]);
    expect(b.conflicts("release-not-ready")).toHaveLength(expected);
  });

  it("work before the previous release does not make a later release ready", () => {
    const b = new ConflictBoard();
    b.milestone("MVP release", "2027-03-31", "release");
    const beta = b.milestone("Beta release", "2027-06-30", "release");
    b.item("MVP test plan", { start: "2027-03-22", lane: "Testing" });
    const found = b.conflicts("release-not-ready");
    expect(found.map((c) => c.id)).toEqual([`release-not-ready:${beta}`]);
    expect(found[0]!.message).toContain("since the previous release “MVP release” on Wed, Mar 31, 2027");
  });

  it("work tied to the release counts, even when it finished before the previous release", () => {
    const b = new ConflictBoard();
    b.milestone("MVP release", "2027-03-31", "release");
    b.milestone("Beta release", "2027-06-30", "release");
    b.item("MVP test plan", { start: "2027-03-22", lane: "Testing" });
    b.item("Beta test plan", { start: "2027-03-22", lane: "Testing", deadline: "Beta release" });
    expect(b.conflicts("release-not-ready")).toEqual([]);
  });

  it("milestones other than releases are not checked", () => {
    const b = new ConflictBoard();
    b.milestone("Pilot start", "2027-05-14", "pilot_start");
    b.milestone("Launch event", "2027-05-20", "launch_event");
    expect(b.conflicts("release-not-ready")).toEqual([]);
  });
});
