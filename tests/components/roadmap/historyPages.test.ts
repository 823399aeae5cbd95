import { describe, expect, it } from "vitest";
import { collectNewestFirst, MAX_HISTORY_PAGES, type HistoryPageReader } from "../../../components/roadmap/versions/historyPages";
import type { BoardChange } from "../../../components/roadmap/versions/historySteps";
import type { UserId } from "../../../lib/model/ids";

const START = Date.parse("2030-01-01T00:00:00.000Z");
const HOUR = 3_600_000;

/** `count` changes an hour apart from START. */
function changes(count: number): BoardChange[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    at: new Date(START + i * HOUR).toISOString(),
    user: { id: "u1" as UserId, name: "Ana" },
    objectKind: "item" as const,
    objectId: "i1",
    objectTitle: "Pilot",
    kind: "moved" as const,
    fields: [],
  }));
}

/** The history route over `all`: the oldest `limit` in [from, to), and whether more are left; counts its calls. */
function route(all: BoardChange[], limit: number) {
  const calls = { count: 0 };
  const read: HistoryPageReader = async (from, to) => {
    calls.count++;
    const inside = all.filter((c) => c.at >= from && c.at < to);
    return { entries: inside.slice(0, limit), more: inside.length > limit };
  };
  return { read, calls };
}

const FROM = new Date(START).toISOString();
const TO = new Date(START + 1_000 * HOUR).toISOString();

describe("the replay reads the board's history newest first", () => {
  it("takes a quiet range in one page", async () => {
    const { read, calls } = route(changes(20), 50);
    const got = await collectNewestFirst(read, FROM, TO);
    expect(got.changes.map((c) => c.id)).toEqual(changes(20).map((c) => c.id));
    expect(got).toMatchObject({ available: true, truncated: false });
    expect(calls.count).toBe(1);
  });

  it("splits a busy range and still gets every change, oldest first, none twice", async () => {
    const all = changes(300);
    const { read } = route(all, 50);
    const got = await collectNewestFirst(read, FROM, TO);
    expect(got.changes.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(got.truncated).toBe(false);
  });

  it("past its bounds keeps the newest changes and drops the oldest", async () => {
    const all = changes(900);
    const { read, calls } = route(all, 10);
    const got = await collectNewestFirst(read, FROM, TO);
    expect(got.truncated).toBe(true);
    expect(calls.count).toBeLessThanOrEqual(MAX_HISTORY_PAGES);
    // Everything from some moment on, up to the newest: no hole.
    const ids = got.changes.map((c) => Number(c.id));
    expect(ids[ids.length - 1]).toBe(900);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => 901 - ids.length + i));
  });

  it("says so when the server has no board-wide history", async () => {
    const got = await collectNewestFirst(async () => null, FROM, TO);
    expect(got).toEqual({ changes: [], available: false, truncated: false });
  });
});
