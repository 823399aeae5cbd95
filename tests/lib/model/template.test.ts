import { describe, expect, it } from "vitest";
import { date, toDayNumber } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { initBoardFromTemplate, TEMPLATE_LANES, TEMPLATE_PHASES } from "../../../lib/model/template";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { moveItem } from "../../../lib/model/itemCommands";
import { expectOneTransaction, newDoc, unwrap } from "../helpers/docs";

const templateOrigin = createOrigin("template", "server");

describe("the service-roadmap template", () => {
  it("creates exactly the six method lanes and five phases, in order, in one transaction", () => {
    const doc = newDoc();
    const ids = expectOneTransaction(doc, templateOrigin, () =>
      initBoardFromTemplate(doc, templateOrigin, { title: "New roadmap", horizonStart: date("2027-01-04"), horizonEnd: date("2027-12-31") }),
    );
    const snap = readSnapshot(doc);
    expect(snap.lanes.map((l) => l.name)).toEqual(["Service design", "Development", "Testing", "Communication", "Go-to-market", "Operations"]);
    expect(snap.phases.map((p) => p.name)).toEqual(["MVP", "Pilot", "Beta", "Roll-out", "Enhancements"]);
    expect(snap.lanes.map((l) => l.id)).toEqual(TEMPLATE_LANES.map((l) => ids.lanes[l.name]));
    expect(snap.phases.map((p) => p.id)).toEqual(TEMPLATE_PHASES.map((p) => ids.phases[p]));
    expect(snap.items).toEqual([]);
    expect(snap.problems).toEqual([]);
  });

  it("sets the board's title, horizon and a Monday-to-Friday calendar", () => {
    const doc = newDoc();
    initBoardFromTemplate(doc, templateOrigin, { title: "New roadmap", horizonStart: date("2027-03-01"), horizonEnd: date("2027-09-30") });
    expect(readSnapshot(doc).board).toEqual({
      title: "New roadmap",
      goal: "",
      horizonStart: "2027-03-01",
      horizonEnd: "2027-09-30",
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
      timeScale: "months",
    });
  });

  it("gives every lane a distinct colour and a capacity", () => {
    const doc = newDoc();
    initBoardFromTemplate(doc, templateOrigin, { title: "x", horizonStart: date("2027-01-04"), horizonEnd: date("2027-12-31") });
    const lanes = readSnapshot(doc).lanes;
    expect(new Set(lanes.map((l) => l.color)).size).toBe(6);
    for (const lane of lanes) expect(lane.capacity).toBeGreaterThan(0);
  });
});

describe("the demo board", () => {
  const monday = date("2027-01-04");

  it("is written in one transaction and reads into a snapshot with no problems", () => {
    const doc = newDoc();
    expectOneTransaction(doc, templateOrigin, () => buildDemoBoard(doc, templateOrigin, monday));
    const snap = readSnapshot(doc);
    expect(snap.problems).toEqual([]);
    expect(snap.items).toHaveLength(15);
    expect(snap.dependencies).toHaveLength(10);
    expect(snap.milestones).toHaveLength(5);
    expect(snap.lanes).toHaveLength(6);
  });

  it("covers every lane of the method and puts each item in a real lane and phase", () => {
    const doc = newDoc();
    buildDemoBoard(doc, templateOrigin, monday);
    const snap = readSnapshot(doc);
    const lanes = new Set(snap.lanes.map((l) => l.id));
    const phases = new Set(snap.phases.map((p) => p.id));
    for (const item of snap.items) {
      expect(lanes.has(item.laneId!)).toBe(true);
      expect(phases.has(item.phaseId!)).toBe(true);
    }
    expect(new Set(snap.items.map((i) => i.laneId)).size).toBe(6);
  });

  it("anchors every date inside its horizon", () => {
    const doc = newDoc();
    buildDemoBoard(doc, templateOrigin, monday);
    const snap = readSnapshot(doc);
    const { board, milestones } = snap;
    const { schedule } = deriveBoard(snap, { today: monday });
    const [from, to] = [toDayNumber(board.horizonStart), toDayNumber(board.horizonEnd)];
    expect(board.horizonStart).toBe(monday);
    expect(schedule.unscheduled).toEqual([]);
    for (const d of [...schedule.items.flatMap((i) => [i.start, i.finish]), ...milestones.map((m) => m.date)]) {
      expect(toDayNumber(d)).toBeGreaterThanOrEqual(from);
      expect(toDayNumber(d)).toBeLessThanOrEqual(to);
    }
  });

  const titled = (doc: ReturnType<typeof newDoc>) => {
    const snap = readSnapshot(doc);
    return { snap, id: (title: string) => snap.items.find((i) => i.title === title)!.id };
  };

  it("pins only what a team places on purpose: the first item of each chain and work that waits on nothing", () => {
    const doc = newDoc();
    buildDemoBoard(doc, templateOrigin, monday);
    const { snap } = titled(doc);
    const pinned = snap.items.filter((i) => i.start !== null).map((i) => i.title).sort();
    expect(pinned).toEqual([
      "Partner & channel enablement",
      "Payments integration",
      "Pilot invitation campaign",
      "Pricing & packaging",
      "Self-service analytics",
      "Support desk & runbooks",
      "User research & service blueprint",
    ]);
    // Every auto-scheduled item waits on something: none lands in the unscheduled tray.
    const successors = new Set(snap.dependencies.map((d) => d.toId));
    for (const item of snap.items) if (item.start === null) expect(successors.has(item.id)).toBe(true);
  });

  it("derives a plan without conflicts in which each release and the pilot start are met", () => {
    const doc = newDoc();
    buildDemoBoard(doc, templateOrigin, monday);
    const { snap, id } = titled(doc);
    const derived = deriveBoard(snap, { today: monday });
    expect(derived.conflicts.map((c) => c.message)).toEqual([]);
    const entry = (title: string) => derived.schedule.items.find((e) => e.itemId === id(title))!;
    const milestone = (title: string) => snap.milestones.find((m) => m.title === title)!.date;
    expect(entry("MVP test plan & QA").finish < milestone("MVP release")).toBe(true);
    expect(entry("Pilot with two branches").start).toBe(milestone("Pilot start"));
    expect(entry("Beta usability testing").finish < milestone("Beta release")).toBe(true);
    expect(entry("Launch communication plan").finish < milestone("Go-live")).toBe(true);
  });

  it("moves what follows when the first item of a chain is dragged, instead of making a conflict", () => {
    const doc = newDoc();
    buildDemoBoard(doc, templateOrigin, monday);
    const { snap, id } = titled(doc);
    const before = deriveBoard(snap, { today: monday }).schedule;
    // The research runs a week late.
    unwrap(moveItem(doc, templateOrigin, id("User research & service blueprint"), { start: date("2027-01-11") }));
    const after = deriveBoard(readSnapshot(doc), { today: monday });
    const startOf = (s: typeof before, title: string) => s.items.find((e) => e.itemId === id(title))!.start;
    for (const title of ["Define MVP feature set", "Online booking (core)", "MVP test plan & QA", "Pilot with two branches", "Launch communication plan"])
      expect(toDayNumber(startOf(after.schedule, title)) - toDayNumber(startOf(before, title))).toBe(7);
    expect(after.conflicts.filter((c) => c.kind === "dependency-violated")).toEqual([]);
  });
});
