import { describe, expect, it } from "vitest";
import { LASER_MIN_STEP_PX, LASER_TRAIL_MS, LaserTrail } from "../../../components/presence/laserTrail";
import { laserSchema, MAX_LASER_POINTS } from "../../../lib/protocol/presence";

const at = (x: number) => ({ day: 20_000 + x / 24, lane: "lDesign", y: 0.5 });

describe("the facilitator's laser trail", () => {
  it(`keeps the latest ${MAX_LASER_POINTS} points, oldest first, always within what the server accepts`, () => {
    const trail = new LaserTrail();
    let last = null;
    for (let i = 0; i < 200; i++) last = trail.add(i, i * 10, 0, at(i * 10)) ?? last;
    expect(last).toHaveLength(MAX_LASER_POINTS);
    expect(last![0]).toEqual(at(1_800));
    expect(last!.at(-1)).toEqual(at(1_990));
    expect(laserSchema.safeParse(last).success).toBe(true);
  });

  it(`a move under ${LASER_MIN_STEP_PX} px adds nothing (nothing new to send)`, () => {
    const trail = new LaserTrail();
    expect(trail.add(0, 100, 100, at(100))).toEqual([at(100)]);
    expect(trail.add(5, 101, 102, at(101))).toBeNull();
    expect(trail.add(10, 100, 100 + LASER_MIN_STEP_PX, at(102))).toEqual([at(100), at(102)]);
  });

  it(`points fade out of the trail after ${LASER_TRAIL_MS} ms; the head (where the mouse rests) stays`, () => {
    const trail = new LaserTrail();
    trail.add(0, 0, 0, at(0));
    trail.add(100, 50, 0, at(50));
    trail.add(200, 100, 0, at(100));
    expect(trail.trim(LASER_TRAIL_MS + 50)).toEqual([at(50), at(100)]);
    expect(trail.trim(10_000)).toEqual([at(100)]);
  });

  it("cleared, it is empty", () => {
    const trail = new LaserTrail();
    trail.add(0, 0, 0, at(0));
    trail.clear();
    expect(trail.trim(1)).toBeNull();
  });
});
