import { describe, expect, it } from "vitest";
import { cleanPresence, EDITOR_FIELDS, MAX_LASER_POINTS, MAX_PRESENCE_STATE_CHARS } from "../../../lib/protocol/presence";

const viewport = { scale: "months", day: 20_480, lane: "lDesign", y: 0.25 };
const bringHere = { id: "b1c2d3", viewport };
const point = (i: number) => ({ day: 20_500 + i / 10, lane: "lDesign", y: 0.5 });
const laser = Array.from({ length: 5 }, (_, i) => point(i));

describe("presence: leading a workshop (bring everyone here, laser pointer)", () => {
  it("owners and editors may bring everyone to their view and point a laser", () => {
    expect(cleanPresence({ bringHere, laser }, { mayEdit: true })).toEqual({ bringHere, laser });
  });

  it("people without the right to lead (viewers, commenters, share-link guests) announce neither; the rest of their state stays", () => {
    expect(cleanPresence({ bringHere, laser, pointer: point(0), viewport }, { mayEdit: false })).toEqual({ pointer: point(0), viewport });
    // Not even a clearing null: nothing of these fields comes from them.
    expect(cleanPresence({ bringHere: null, laser: null }, { mayEdit: false })).toEqual({});
    expect(EDITOR_FIELDS.has("bringHere") && EDITOR_FIELDS.has("laser")).toBe(true);
  });

  it("cleared (null) fields pass for those who may lead", () => {
    expect(cleanPresence({ bringHere: null, laser: null }, { mayEdit: true })).toEqual({ bringHere: null, laser: null });
  });

  it.each([
    ["a bring-here without a view", { bringHere: { id: "b1" } }],
    ["a bring-here with an id that is not a request id", { bringHere: { ...bringHere, id: "../../x" } }],
    ["a bring-here with an oversized id", { bringHere: { ...bringHere, id: "b".repeat(33) } }],
    ["a bring-here to a view at an unknown zoom", { bringHere: { ...bringHere, viewport: { ...viewport, scale: "decades" } } }],
    ["a bring-here to a view far outside any calendar", { bringHere: { ...bringHere, viewport: { ...viewport, day: 1e9 } } }],
    [`a laser of ${MAX_LASER_POINTS + 1} points`, { laser: Array.from({ length: MAX_LASER_POINTS + 1 }, (_, i) => point(i)) }],
    ["a laser of 10,000 points", { laser: Array.from({ length: 10_000 }, (_, i) => point(i)) }],
    ["an empty laser (cleared is null)", { laser: [] }],
    ["a laser point below its lane", { laser: [point(0), { ...point(1), y: 1.5 }] }],
    ["a laser point far outside any calendar", { laser: [{ ...point(0), day: -1e7 }] }],
    ["a laser point that is not a number", { laser: [{ ...point(0), day: Number.NaN }] }],
    ["a laser point in a lane with a script for an id", { laser: [{ ...point(0), lane: "<img onerror=x>" }] }],
    ["a laser that is an object", { laser: { 0: point(0) } }],
  ])("%s is dropped", (_what, fields) => {
    expect(cleanPresence(fields, { mayEdit: true })).toEqual({});
  });

  it("unknown keys inside a bring-here and a laser's points are dropped, the rest passes", () => {
    const clean = cleanPresence({ bringHere: { ...bringHere, html: "<b>" }, laser: [{ ...point(0), color: "red" }] }, { mayEdit: true });
    expect(clean).toEqual({ bringHere, laser: [point(0)] });
  });

  it(`a full laser with the longest lane ids leaves an honest state under the ${MAX_PRESENCE_STATE_CHARS}-character limit`, () => {
    const lane = "l".repeat(64);
    const at = { day: -999_999.125, lane, y: 0.125 };
    const state = {
      selection: "i".repeat(64),
      pointer: at,
      viewport: { scale: "quarters", day: -999_999.125, lane, y: 0.125 },
      dragging: { item: "i".repeat(64), mode: "resize", days: -99_999, lane },
      followMe: { id: "f".repeat(32) },
      bringHere: { id: "b".repeat(32), viewport: { scale: "quarters", day: -999_999.125, lane, y: 0.125 } },
      laser: Array.from({ length: MAX_LASER_POINTS }, () => at),
      cursor: { anchor: { type: { client: 4_294_967_295, clock: 999_999 }, tname: null, item: { client: 4_294_967_295, clock: 999_999 }, assoc: 0 }, head: { type: null, tname: null, item: { client: 4_294_967_295, clock: 999_999 }, assoc: -1 } },
      user: { id: "u".repeat(40), name: "n".repeat(60), color: "#123456", readOnly: false, canComment: true },
    };
    expect(cleanPresence(state, { mayEdit: true })).toMatchObject({ laser: state.laser, bringHere: state.bringHere });
    expect(JSON.stringify(state).length).toBeLessThan(MAX_PRESENCE_STATE_CHARS);
  });
});
