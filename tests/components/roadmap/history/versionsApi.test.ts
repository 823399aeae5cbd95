import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchComparison, fetchVersions, fetchVersionSnapshot, putBaseline } from "../../../../components/roadmap/history/versionsApi";
import { compareSnapshots } from "../../../../lib/history/compareSnapshots";
import { board } from "../../../lib/derive/boardBuilder";

/** The client side of the versions API: every answer parsed before the UI draws it. */
const VERSION = { id: "v-1", name: "Workshop plan", note: null, kind: "named", reason: "named", authorId: "u1", authorName: "Ana", createdAt: "2026-12-07T16:00:00.000Z", bytes: 120 };

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("versionsApi", () => {
  it("reads the list of versions and the baseline", async () => {
    answer(200, { versions: [VERSION], baselineId: "v-1" });
    const result = await fetchVersions("b1");
    expect(result.ok && result.value.versions[0]!.name).toBe("Workshop plan");
    expect(result.ok && result.value.baselineId).toBe("v-1");
  });

  it("turns an answer it cannot read into a sentence, not a crash later", async () => {
    answer(200, { versions: "nope" });
    expect(await fetchVersions("b1")).toMatchObject({ ok: false, error: expect.stringMatching(/cannot read/) });
    const snapshot = board().item("A", { start: "2027-01-04" }).snapshot();
    answer(200, { version: VERSION, snapshot: { ...snapshot, items: [{ ...snapshot.items[0], start: "2027-02-30" }] } });
    expect(await fetchVersionSnapshot("b1", "v-1")).toMatchObject({ ok: false });
  });

  it("reads a version's snapshot and a comparison as lib/history wrote them", async () => {
    const a = board().item("A", { start: "2027-01-04" }).snapshot();
    const b = board().item("A", { start: "2027-01-06" }).snapshot();
    answer(200, { version: VERSION, snapshot: JSON.parse(JSON.stringify(b)) });
    const read = await fetchVersionSnapshot("b1", "v-1");
    expect(read.ok && read.value.items[0]!.start).toBe("2027-01-06");
    const comparison = compareSnapshots(a, b);
    const fetch = answer(200, { comparison: JSON.parse(JSON.stringify(comparison)) });
    expect(await fetchComparison("b 1", "v-1", "now")).toEqual({ ok: true, status: 200, value: comparison });
    expect(fetch).toHaveBeenCalledWith("/api/boards/b%201/compare?from=v-1&to=now", expect.anything());
  });

  it("sets the baseline with PUT and passes the server's refusal on", async () => {
    const fetch = answer(403, { error: "only owners can set the baseline" });
    expect(await putBaseline("b1", "v-1")).toEqual({ ok: false, status: 403, error: "Only owners can set the baseline." });
    expect(fetch).toHaveBeenCalledWith("/api/boards/b1/baseline", expect.objectContaining({ method: "PUT", body: JSON.stringify({ versionId: "v-1" }) }));
  });
});
