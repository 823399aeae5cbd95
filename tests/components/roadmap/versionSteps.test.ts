import { describe, expect, it } from "vitest";
import { buildSteps, describeChange, stepMoment, stepOfVersion, stepSummary, type BoardChange } from "../../../components/roadmap/versions/historySteps";
import { AUTOMATIC_REASONS, restoredMessage, restoreWarning, versionByline, versionTitle } from "../../../components/roadmap/versions/versionWords";
import type { UserId } from "../../../lib/model/ids";
import type { FieldChange } from "../../../lib/protocol/history";
import type { VersionReason, VersionView } from "../../../lib/protocol/versions";

const field = (name: string): FieldChange => ({ field: name, before: null, after: null });

const version = (id: string, createdAt: string, name: string | null = null, reason: VersionReason = name ? "named" : "quiet"): VersionView => ({
  id,
  name,
  note: null,
  kind: name ? "named" : "auto",
  reason,
  authorId: "u1",
  authorName: "Ana Owner",
  createdAt,
  bytes: 100,
});

const change = (id: string, at: string, who = "Ben", over: Partial<BoardChange> = {}): BoardChange => ({
  id,
  at,
  user: { id: `u-${who}` as UserId, name: who },
  objectKind: "item",
  objectId: "i1",
  objectTitle: "Pilot signage",
  kind: "moved",
  fields: [field("start")],
  ...over,
});

describe("versions are named in words", () => {
  it("a named version by its name, an automatic one by why it was taken", () => {
    expect(versionTitle(version("v1", "2030-01-01T10:00:00Z", "Workshop plan"))).toBe("Workshop plan");
    expect(versionTitle(version("v2", "2030-01-01T10:00:00Z", null, "quiet"))).toBe("Automatic · after 30 min of quiet");
    expect(versionTitle(version("v3", "2030-01-01T10:00:00Z", null, "daily"))).toBe("Automatic · first edit of the day");
    expect(versionTitle(version("v4", "2030-01-01T10:00:00Z", null, "restore"))).toBe("Automatic · before a restore");
    expect(versionTitle(version("v5", "2030-01-01T10:00:00Z", null, "import"))).toBe("Automatic · before an import");
  });

  it("every automatic reason has its words", () => {
    for (const reason of ["quiet", "daily", "restore", "import"] as const) expect(AUTOMATIC_REASONS[reason]).toMatch(/^Automatic · /);
  });

  it("the byline says who and how long ago", () => {
    expect(versionByline(version("v1", "2030-01-01T10:00:00Z"), new Date("2030-01-01T10:05:00Z"))).toBe("Ana Owner · 5 minutes ago");
    expect(versionByline({ authorName: null, createdAt: "2030-01-01T10:00:00Z" }, new Date("2030-01-01T10:00:10Z"))).toBe("now");
  });

  it("the restore warning says a version is saved first and that it can be undone", () => {
    expect(restoreWarning("Plan A")).toMatch(/saved first.*undo/);
    expect(restoreWarning("Plan A", "Pilot")).toMatch(/^“Pilot” goes back to how it was in “Plan A”/);
  });

  it("the toast counts the changes, or says nothing changed", () => {
    expect(restoredMessage("Plan A", 3)).toBe("Restored the board to “Plan A” (3 changes).");
    expect(restoredMessage("Plan A", 1, "Pilot")).toBe("Restored “Pilot” to “Plan A” (1 change).");
    expect(restoredMessage("Plan A", 0)).toBe("The board already matches “Plan A”: nothing changed.");
  });
});

describe("the replay's steps", () => {
  it("are versions and changes together, oldest first", () => {
    const steps = buildSteps(
      [version("v2", "2030-01-01T12:00:00Z", "Later"), version("v1", "2030-01-01T09:00:00Z", "Earlier")],
      [change("c1", "2030-01-01T10:00:00Z"), change("c2", "2030-01-01T13:00:00Z")],
    );
    expect(steps.map((s) => s.key)).toEqual(["v:v1", "c:c1", "v:v2", "c:c2"]);
  });

  it("put an automatic version before the change at the same moment (it is the board before that change)", () => {
    const steps = buildSteps([version("v1", "2030-01-01T10:00:00.000Z")], [change("c1", "2030-01-01T10:00:00Z")]);
    expect(steps.map((s) => s.kind)).toEqual(["version", "change"]);
  });

  it("join one person's changes at one moment into one step, but not two people's", () => {
    const at = "2030-01-01T10:00:00Z";
    const steps = buildSteps([], [change("c1", at, "Ben"), change("c2", at, "Ben", { objectTitle: "Launch" }), change("c3", at, "Chen")]);
    expect(steps).toHaveLength(2);
    expect(steps[0]!.kind === "change" && steps[0]!.changes.map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(stepSummary(steps[0]!)).toBe("Ben moved item “Pilot signage” (start) and 1 more change");
  });

  it("drop a change repeated by overlapping pages", () => {
    expect(buildSteps([], [change("c1", "2030-01-01T10:00:00Z"), change("c1", "2030-01-01T10:00:00Z")])).toHaveLength(1);
  });

  it("show a version at its own moment and a change until just before the next step", () => {
    const now = new Date("2030-01-02T00:00:00Z");
    const steps = buildSteps([version("v1", "2030-01-01T09:00:00.000Z", "Plan")], [change("c1", "2030-01-01T10:00:00.000Z"), change("c2", "2030-01-01T11:00:00.000Z")]);
    expect(stepMoment(steps, 0, now)).toBe("2030-01-01T09:00:00.000Z");
    expect(stepMoment(steps, 1, now)).toBe("2030-01-01T10:59:59.999Z");
    expect(stepMoment(steps, 2, now)).toBe(now.toISOString());
  });

  it("open at the version asked for, else at the newest step", () => {
    const steps = buildSteps([version("v1", "2030-01-01T09:00:00Z", "Plan")], [change("c1", "2030-01-01T10:00:00Z")]);
    expect(stepOfVersion(steps, "v1")).toBe(0);
    expect(stepOfVersion(steps, null)).toBe(1);
    expect(stepOfVersion(steps, "gone")).toBe(1);
  });

  it("say what changed in words", () => {
    expect(describeChange(change("c1", "2030-01-01T10:00:00Z", "Ben", { kind: "edited", fields: [field("laneId"), field("status")] }))).toBe(
      "changed item “Pilot signage” (lane, status)",
    );
    expect(describeChange(change("c1", "2030-01-01T10:00:00Z", "Ben", { kind: "added", objectKind: "milestone", objectTitle: "Go-live" }))).toBe("added milestone “Go-live”");
    expect(describeChange(change("c1", "2030-01-01T10:00:00Z", "Ben", { kind: "edited", objectKind: "board", fields: [field("holidays")] }))).toBe(
      "changed the board settings (holidays)",
    );
  });
});
