import { describe, expect, it } from "vitest";
import type { PeerMotion } from "../../../components/collab/presenceFeed";
import { IDLE_MS, overlayItems } from "../../../components/presence/overlayItems";
import { pointerAt, pointerXY, scrollFor, viewportOf } from "../../../components/presence/presenceGeometry";
import type { BarBox, LaneBand } from "../../../components/roadmap/timeline/geometry";

const bands: LaneBand[] = [
  { id: "lDesign", name: "Design", color: "#111111", top: 0, height: 52, orphan: false, collapsed: false, itemCount: 2 },
  { id: "lDev", name: "Dev", color: "#222222", top: 52, height: 88, orphan: false, collapsed: false, itemCount: 3 },
];
const axis = { startDay: 20_000, endDay: 20_400, major: [], minor: [] };
const weeks = { axis, pxPerDay: 24, bands };
/** The same board at another zoom: lanes pack into other heights there. */
const quarters = { axis: { ...axis, startDay: 19_950 }, pxPerDay: 2.5, bands: [{ ...bands[0]!, height: 44 }, { ...bands[1]!, top: 44, height: 120 }] };

describe("presence in document coordinates", () => {
  it("a pointer lands on the same day and the same place in its lane at another zoom", () => {
    const pointer = pointerAt(weeks, 24 * 30 + 12, 52 + 44)!;
    expect(pointer).toEqual({ day: 20_030.5, lane: "lDev", y: 0.5 });
    expect(pointerXY(weeks, pointer)).toEqual({ x: 24 * 30 + 12, y: 96 });
    expect(pointerXY(quarters, pointer)).toEqual({ x: (20_030.5 - 19_950) * 2.5, y: 44 + 60 });
  });

  it("outside every lane there is no pointer, and a lane deleted meanwhile shows none", () => {
    expect(pointerAt(weeks, 10, 500)).toBeNull();
    expect(pointerXY(weeks, { day: 20_010, lane: "lGone", y: 0.5 })).toBeNull();
  });

  it("a viewport round-trips through scroll positions, at any zoom", () => {
    const viewport = viewportOf(weeks, "weeks", 24 * 100, 52 + 22);
    expect(viewport).toEqual({ scale: "weeks", day: 20_100, lane: "lDev", y: 0.25 });
    expect(scrollFor(weeks, viewport)).toEqual({ left: 2_400, top: 74 });
    expect(scrollFor(quarters, viewport)).toEqual({ left: 150 * 2.5, top: 44 + 30 });
  });

  it("a viewport scrolled below the last lane holds the bottom of the last lane", () => {
    expect(viewportOf(weeks, "months", 0, 400)).toMatchObject({ lane: "lDev", y: 1 });
  });

  it("a viewport in a lane this board does not have keeps the vertical scroll", () => {
    expect(scrollFor(weeks, { scale: "weeks", day: 20_010, lane: "lGone", y: 0 }).top).toBeNull();
  });
});

describe("what the presence overlay draws", () => {
  const box: BarBox = { itemId: "iA", bandId: "lDesign", left: 48, top: 12, width: 120, labelOutside: false };
  const motion = (patch: Partial<PeerMotion>): PeerMotion => ({
    clientId: 1,
    name: "Ana",
    color: "#336699",
    pointer: { day: 20_002, lane: "lDesign", y: 0.5 },
    dragging: null,
    laser: null,
    movedAt: 1_000,
    ...patch,
  });
  const geometry = { ...weeks, bars: new Map([["iA", box]]) };

  it("draws a cursor that moved lately, hides one idle for longer than IDLE_MS", () => {
    expect(overlayItems([motion({})], geometry, 1_000 + IDLE_MS - 1).cursors).toEqual([{ clientId: 1, name: "Ana", color: "#336699", x: 48, y: 26 }]);
    expect(overlayItems([motion({})], geometry, 1_000 + IDLE_MS + 1).cursors).toEqual([]);
  });

  it("someone holding a dragged bar still is not idle", () => {
    const dragging = { item: "iA", mode: "move" as const, days: 2, lane: "lDev" };
    const { cursors, drags } = overlayItems([motion({ dragging })], geometry, 1_000 + IDLE_MS * 3);
    expect(cursors).toHaveLength(1);
    expect(drags).toEqual([{ clientId: 1, name: "Ana", color: "#336699", box, dragging, target: bands[1] }]);
  });

  it("a drag of an item this board no longer has draws nothing", () => {
    const dragging = { item: "iGone", mode: "move" as const, days: 2, lane: "lDev" };
    expect(overlayItems([motion({ dragging, pointer: null })], geometry, 1_000)).toEqual({ cursors: [], drags: [], lasers: [] });
  });

  it("a laser trail is drawn in canvas pixels at any zoom, oldest point first", () => {
    const laser = [
      { day: 20_001, lane: "lDesign", y: 0.5 },
      { day: 20_002, lane: "lDev", y: 0.5 },
    ];
    expect(overlayItems([motion({ laser })], geometry, 1_000).lasers).toEqual([
      { clientId: 1, name: "Ana", points: [{ x: 24, y: 26 }, { x: 48, y: 96 }] },
    ]);
    expect(overlayItems([motion({ laser })], { ...quarters, bars: new Map() }, 1_000).lasers[0]?.points).toEqual([
      { x: 51 * 2.5, y: 22 },
      { x: 52 * 2.5, y: 104 },
    ]);
  });

  it("a laser is not idleness-bound (its key is held), and points in lanes gone are left out", () => {
    const laser = [
      { day: 20_001, lane: "lGone", y: 0.5 },
      { day: 20_002, lane: "lDesign", y: 0 },
    ];
    const { cursors, lasers } = overlayItems([motion({ laser })], geometry, 1_000 + IDLE_MS * 3);
    expect(cursors).toEqual([]);
    expect(lasers).toEqual([{ clientId: 1, name: "Ana", points: [{ x: 48, y: 0 }] }]);
    expect(overlayItems([motion({ laser: [laser[0]!] })], geometry, 1_000).lasers).toEqual([]);
  });
});
