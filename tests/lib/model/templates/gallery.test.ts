import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deriveBoard } from "../../../../lib/derive/deriveBoard";
import { addCalendarDays, date, toDayNumber } from "../../../../lib/model/dates";
import { createOrigin } from "../../../../lib/model/origin";
import { readSnapshot } from "../../../../lib/model/snapshot";
import { buildTemplate } from "../../../../lib/model/templates/buildTemplate";
import { BUILT_IN_TEMPLATES, builtInTemplate } from "../../../../lib/model/templates/gallery";
import { expectOneTransaction } from "../../helpers/docs";

const origin = createOrigin("server", "template-test");
const monday = date("2027-01-04");

function build(id: string, on = monday) {
  const doc = new Y.Doc();
  buildTemplate(doc, origin, builtInTemplate(id)!, { title: "From a template", monday: on });
  return readSnapshot(doc);
}

describe("the template gallery", () => {
  it("offers at least five service-roadmap templates with distinct ids", () => {
    expect(BUILT_IN_TEMPLATES.length).toBeGreaterThanOrEqual(5);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(BUILT_IN_TEMPLATES.length);
    expect(builtInTemplate("no-such-template")).toBeUndefined();
  });

  for (const spec of BUILT_IN_TEMPLATES) {
    describe(spec.name, () => {
      it("builds in one transaction a readable board with its lanes, phases, milestones, items and links", () => {
        const doc = new Y.Doc();
        expectOneTransaction(doc, origin, () => buildTemplate(doc, origin, spec, { title: "Ours", monday }));
        const snap = readSnapshot(doc);
        expect(snap.problems).toEqual([]);
        expect(snap.board.title).toBe("Ours");
        expect(snap.lanes.map((l) => l.name)).toEqual(spec.lanes.map((l) => l.name));
        expect(snap.phases.map((p) => p.name)).toEqual(spec.phases);
        expect(snap.milestones).toHaveLength(spec.milestones.length);
        expect(snap.items).toHaveLength(spec.items.length);
        expect(snap.dependencies).toHaveLength(spec.links.length);
        expect(snap.items.length).toBeGreaterThanOrEqual(10);
      });

      it("schedules without conflicts and inside its horizon", () => {
        const snap = build(spec.id);
        const derived = deriveBoard(snap, { today: monday });
        expect(derived.conflicts.map((c) => c.message)).toEqual([]);
        expect(derived.schedule.unscheduled).toEqual([]);
      });

      it("includes communication and go-to-market work, not only design and development", () => {
        const snap = build(spec.id);
        const laneName = new Map(snap.lanes.map((l) => [l.id as string, l.name]));
        const lanesWithWork = new Set(snap.items.map((i) => laneName.get(i.laneId!)));
        expect(lanesWithWork).toContain("Communication");
        expect(lanesWithWork).toContain("Go-to-market");
        // Every phase holds work, and there is a release or go-live to aim at.
        expect(new Set(snap.items.map((i) => i.phaseId)).size).toBe(snap.phases.length);
        expect(snap.milestones.some((m) => m.kind === "release" || m.kind === "go_live")).toBe(true);
      });

      it("dates everything from the creation week's Monday", () => {
        const later = addCalendarDays(monday, 7 * 30);
        const a = build(spec.id);
        const b = build(spec.id, later);
        expect(b.board.horizonStart).toBe(later);
        const shift = (d: string) => toDayNumber(date(d)) - toDayNumber(monday);
        const shiftB = (d: string) => toDayNumber(date(d)) - toDayNumber(later);
        expect(b.milestones.map((m) => shiftB(m.date)).sort()).toEqual(a.milestones.map((m) => shift(m.date)).sort());
      });
    });
  }
});
