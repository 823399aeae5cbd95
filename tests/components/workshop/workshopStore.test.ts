import { describe, expect, it } from "vitest";
import { WorkshopStore } from "../../../components/workshop/workshopStore";
import type { TimedWorkshop } from "../../../components/workshop/workshopClient";
import type { ApiResult } from "../../../components/ui/apiRequest";
import type { WorkshopPublic, WorkshopView } from "../../../lib/protocol/workshops";

const pub = (over: Partial<WorkshopPublic> = {}): WorkshopPublic => ({
  id: "w1",
  boardId: "b1",
  title: "MVP cut",
  facilitator: { id: "u1", name: "Ann" },
  startedAt: "2026-12-07T10:00:00.000Z",
  endedAt: null,
  agenda: [],
  step: 0,
  timer: { state: "idle", endsAt: null, remainingMs: 60_000 },
  participants: [],
  vote: null,
  drafting: { state: "closed", count: 0 },
  startVersionId: null,
  ...over,
});
const vote = { id: "v1", title: "MVP", scope: "board" as const, itemIds: ["i1"], votesPerPerson: 3, stacking: false, visibility: "hidden" as const, state: "open" as const, counts: null, voters: 0, openedAt: "", revealedAt: null };

function answering(views: (WorkshopView | null)[]) {
  let calls = 0;
  const load = async (): Promise<ApiResult<TimedWorkshop>> => {
    const workshop = views[Math.min(calls++, views.length - 1)]!;
    const now = Date.now();
    return { ok: true, status: 200, value: { workshop, serverNow: new Date(now + 5_000).toISOString(), sentAt: now, receivedAt: now } };
  };
  return { load, calls: () => calls };
}

describe("WorkshopStore", () => {
  it("learns the server's clock from its GET and holds my part", async () => {
    const api = answering([{ ...pub({ vote }), mine: { votes: {}, remaining: 3 } }]);
    const store = new WorkshopStore(api.load);
    await store.refresh();
    expect(store.get().loaded).toBe(true);
    expect(store.get().held.workshop?.mine?.remaining).toBe(3);
    expect(store.clock.offset()).toBeGreaterThan(4_000);
  });

  it("asks again when an event brings a vote it does not know my part of, and not otherwise", async () => {
    const api = answering([{ ...pub(), mine: null }, { ...pub({ vote }), mine: { votes: {}, remaining: 3 } }]);
    const store = new WorkshopStore(api.load);
    await store.refresh();
    store.onEvent(pub({ step: 1 }), new Date().toISOString());
    expect(api.calls()).toBe(1);
    store.onEvent(pub({ vote }), new Date().toISOString());
    await new Promise((r) => setTimeout(r, 0));
    expect(api.calls()).toBe(2);
    expect(store.get().held.workshop?.mine?.remaining).toBe(3);
  });

  it("for a guest (no routes) holds what the events say and never asks", async () => {
    const store = new WorkshopStore(null);
    await store.refresh();
    store.onEvent(pub({ vote }), new Date().toISOString());
    expect(store.get().held.workshop?.vote?.id).toBe("v1");
    expect(store.get().held.workshop?.mine).toBeNull();
    store.onEvent(null, new Date().toISOString());
    expect(store.get().held.workshop).toBeNull();
  });

  it("keeps what it showed when a GET fails, with the reason", async () => {
    let first = true;
    const store = new WorkshopStore(async () => {
      if (first) {
        first = false;
        const now = Date.now();
        return { ok: true, status: 200, value: { workshop: { ...pub(), mine: null }, serverNow: new Date(now).toISOString(), sentAt: now, receivedAt: now } };
      }
      return { ok: false, status: 0, error: "Could not reach the server." };
    });
    await store.refresh();
    await store.refresh();
    expect(store.get().held.workshop?.id).toBe("w1");
    expect(store.get().error).toBe("Could not reach the server.");
  });
});
