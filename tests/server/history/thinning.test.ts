import { describe, expect, it } from "vitest";
import type { BoardId } from "../../../lib/model/ids";
import { versionsToThin } from "../../../server/history/thinning";
import type { VersionRecord } from "../../../server/storage/versionStore";

const NOW = new Date("2030-06-30T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function auto(id: string, ageMs: number, name: string | null = null): VersionRecord {
  const createdAt = new Date(NOW.getTime() - ageMs).toISOString();
  return { id, boardId: "b" as BoardId, name, note: null, reason: name ? "named" : "quiet", authorId: null, createdAt, seq: 0, bytes: 1 };
}

describe("automatic versions thin out with age; named ones and the baseline stay", () => {
  it("keeps every automatic version of the last 7 days", () => {
    const versions = Array.from({ length: 40 }, (_, i) => auto(`v${i}`, i * 4 * HOUR));
    expect(versionsToThin(versions, NOW, null)).toEqual([]);
  });

  it("then keeps the newest of each day, until 8 weeks", () => {
    const versions = [auto("d10-late", 10 * DAY), auto("d10-early", 10 * DAY + 2 * HOUR), auto("d11", 11 * DAY)];
    expect(versionsToThin(versions, NOW, null)).toEqual(["d10-early"]);
  });

  it("then the newest of each week", () => {
    // 2030-03-25 is a Monday: 97 days before NOW's Sunday 30 June at noon is a Monday in one ISO week.
    const monday = NOW.getTime() - Date.parse("2030-03-25T12:00:00Z");
    const versions = [auto("w-sun", monday - 6 * DAY + HOUR), auto("w-wed", monday - 2 * DAY), auto("w-mon", monday), auto("prev-sun", monday + DAY)];
    expect(versionsToThin(versions, NOW, null)).toEqual(["w-wed", "w-mon"]);
  });

  it("never thins a named version or the baseline", () => {
    const versions = [auto("late", 10 * DAY), auto("named", 10 * DAY + HOUR, "Kick-off"), auto("base", 10 * DAY + 2 * HOUR)];
    expect(versionsToThin(versions, NOW, "base")).toEqual([]);
  });

  it("never thins a workshop's start or end version: its record compares them", () => {
    const versions = [auto("late", 10 * DAY), { ...auto("workshop-end", 10 * DAY + HOUR), reason: "workshop" as const }, auto("early", 10 * DAY + 2 * HOUR)];
    expect(versionsToThin(versions, NOW, null)).toEqual(["early"]);
  });

  it("never thins a scenario's fork: its compare and adopt read it (docs/teams.md)", () => {
    const versions = [auto("late", 10 * DAY), { ...auto("fork", 10 * DAY + HOUR), reason: "scenario" as const }, auto("early", 10 * DAY + 2 * HOUR)];
    expect(versionsToThin(versions, NOW, null)).toEqual(["early"]);
  });
});
