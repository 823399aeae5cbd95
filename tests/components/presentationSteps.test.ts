import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { layoutBoard } from "../../lib/derive/boardLayout";
import { date, toDayNumber } from "../../lib/model/dates";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { buildTemplate } from "../../lib/model/templates/buildTemplate";
import { SAAS_LAUNCH } from "../../lib/model/templates/gallery";
import { fraction, presentationSteps } from "../../components/roadmap/present/presentationSteps";

describe("presentation steps", () => {
  it("start with the whole plan, then fit each phase with work, in phase order, around its bars", () => {
    const doc = new Y.Doc();
    buildTemplate(doc, createOrigin("server", "t"), SAAS_LAUNCH, { title: "SaaS", monday: date("2027-01-04") });
    const snapshot = readSnapshot(doc);
    const layout = layoutBoard(snapshot);
    const steps = presentationSteps(snapshot, layout);
    expect(steps.map((s) => s.label)).toEqual(["Overview", ...SAAS_LAUNCH.phases]);
    const overview = steps[0]!;
    expect(overview.from).toBe(toDayNumber(snapshot.board.horizonStart));
    for (const [i, phase] of snapshot.phases.entries()) {
      const step = steps[i + 1]!;
      const bars = snapshot.items.filter((item) => item.phaseId === phase.id).map((item) => layout.spans.get(item.id)!);
      for (const bar of bars) {
        expect(fraction(step, bar.startDay)).toBeGreaterThanOrEqual(0);
        expect(fraction(step, bar.finishDay + 1)).toBeLessThanOrEqual(1);
      }
      // Zoomed in: a phase's window is narrower than the whole plan.
      expect(step.to - step.from).toBeLessThan(overview.to - overview.from);
    }
  });

  it("is just the overview on a board without scheduled work", () => {
    const doc = new Y.Doc();
    buildTemplate(doc, createOrigin("server", "t"), { ...SAAS_LAUNCH, items: [], links: [], milestones: [] }, { title: "Empty", monday: date("2027-01-04") });
    const snapshot = readSnapshot(doc);
    expect(presentationSteps(snapshot, layoutBoard(snapshot)).map((s) => s.label)).toEqual(["Overview"]);
  });
});
