import { describe, expect, it } from "vitest";
import { edgeMarkers } from "../../../components/roadmap/timeline/edgeMarkers";
import type { BarBox, LaneBand } from "../../../components/roadmap/timeline/geometry";

const band = (id: string, collapsed = false): LaneBand => ({ id, name: id, color: "#000000", top: 0, height: 52, orphan: false, collapsed, itemCount: 0 });
const box = (itemId: string, bandId: string, left: number, width: number): BarBox => ({ itemId, bandId, left, top: 12, width, labelOutside: false });

describe("edgeMarkers: items out of sight stay findable", () => {
  const bars = new Map(
    [box("old", "ops", 0, 100), box("older", "ops", -500, 100), box("seen", "ops", 850, 100), box("late", "dev", 5000, 50), box("later", "dev", 9000, 50), box("edge", "dev", 950, 100)].map((b) => [b.itemId, b]),
  );

  it("counts, per lane, the bars wholly before and wholly after the view, and points at the nearest", () => {
    expect(edgeMarkers([band("ops"), band("dev")], bars, 1000, 2000).map((m) => [m.bandId, m.side, m.count, m.nearest.itemId])).toEqual([
      ["ops", "before", 3, "seen"],
      ["dev", "after", 2, "late"],
    ]);
  });

  it("leaves out a bar that reaches into the view, and lanes folded away", () => {
    expect(edgeMarkers([band("ops"), band("dev", true)], bars, 950, 2000).map((m) => [m.bandId, m.side, m.count, m.nearest.itemId])).toEqual([["ops", "before", 2, "old"]]);
  });
});
