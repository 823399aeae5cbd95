import { describe, expect, it } from "vitest";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { PresenceFeed, type FeedScheduler } from "../../../components/collab/presenceFeed";

/** Frames run when the test says so; `pending` counts frames asked for. */
function manualFrames(): FeedScheduler & { run(): void; pending: number; clock: number } {
  let queued: (() => void) | null = null;
  const s = {
    pending: 0,
    clock: 0,
    request: (fn: () => void) => {
      queued = fn;
      s.pending++;
      return s.pending;
    },
    cancel: () => {
      queued = null;
    },
    now: () => s.clock,
    run: () => {
      const fn = queued;
      queued = null;
      fn?.();
    },
  };
  return s;
}

/** A remote person as the server relays them: the state with the server's `user`. */
function person(id: number, name: string) {
  // Awareness uses the doc's client id; tests pick their own to keep them readable.
  const doc = new Y.Doc();
  doc.clientID = id;
  const awareness = new Awareness(doc);
  const user = { id: `u${id}`, name, color: "#336699" };
  return {
    set(state: Record<string, unknown>, into: Awareness) {
      awareness.setLocalState({ ...state, user });
      applyAwarenessUpdate(into, encodeAwarenessUpdate(awareness, [id]), "server");
    },
  };
}

function setup() {
  const local = new Awareness(new Y.Doc());
  const frames = manualFrames();
  const feed = new PresenceFeed(local.clientID, frames);
  feed.attach(local);
  return { local, frames, feed };
}

describe("presence feed", () => {
  it("40 people moving within one frame update the stores once, in that frame", () => {
    const { local, frames, feed } = setup();
    const people = Array.from({ length: 40 }, (_, i) => person(100 + i, `P${i}`));
    let motionUpdates = 0;
    let peerUpdates = 0;
    feed.motion.subscribe(() => motionUpdates++);
    feed.peers.subscribe(() => peerUpdates++);
    for (const p of people) p.set({ pointer: { day: 20_000, lane: "l1", y: 0.5 } }, local);
    for (const p of people) p.set({ pointer: { day: 20_001, lane: "l1", y: 0.5 } }, local);
    expect(motionUpdates).toBe(0);
    frames.run();
    expect(motionUpdates).toBe(1);
    expect(peerUpdates).toBe(1);
    expect(feed.motion.get()).toHaveLength(40);
    expect(feed.motion.get().every((m) => m.pointer?.day === 20_001)).toBe(true);
  });

  it("pointer moves do not touch the people store, so the timeline does not re-render", () => {
    const { local, frames, feed } = setup();
    const ana = person(7, "Ana");
    ana.set({ selection: "iA", pointer: { day: 20_000, lane: "l1", y: 0.1 } }, local);
    frames.run();
    const peers = feed.peers.get();
    ana.set({ selection: "iA", pointer: { day: 20_003, lane: "l1", y: 0.4 } }, local);
    frames.run();
    expect(feed.peers.get()).toBe(peers);
    expect(feed.motion.get()[0]?.pointer?.day).toBe(20_003);
  });

  it("a still pointer keeps the time it last moved; a moved one gets the new time", () => {
    const { local, frames, feed } = setup();
    const ana = person(7, "Ana");
    frames.clock = 100;
    ana.set({ pointer: { day: 20_000, lane: "l1", y: 0.1 } }, local);
    frames.run();
    frames.clock = 5_000;
    ana.set({ pointer: { day: 20_000, lane: "l1", y: 0.1 }, selection: "iB" }, local);
    frames.run();
    expect(feed.motion.get()[0]?.movedAt).toBe(100);
    ana.set({ pointer: { day: 20_001, lane: "l1", y: 0.1 }, selection: "iB" }, local);
    frames.run();
    expect(feed.motion.get()[0]?.movedAt).toBe(5_000);
  });

  it("malformed fields read as absent; a state without the server's user is nobody", () => {
    const { local, frames, feed } = setup();
    person(7, "Ana").set({ pointer: { day: "soon" }, dragging: { item: "iA" }, followMe: { id: "" } }, local);
    const anonymous = new Awareness(new Y.Doc());
    anonymous.setLocalState({ pointer: { day: 1, lane: "l1", y: 0 } });
    applyAwarenessUpdate(local, encodeAwarenessUpdate(anonymous, [anonymous.clientID]), "server");
    frames.run();
    expect(feed.peers.get().map((p) => p.name)).toEqual(["Ana"]);
    expect(feed.motion.get()[0]).toMatchObject({ pointer: null, dragging: null });
    expect(feed.peers.get()[0]?.followMe).toBeNull();
  });

  it("a facilitator's bring-here is read into the people store, their laser into the motion store only", () => {
    const { local, frames, feed } = setup();
    const ana = person(7, "Ana");
    const viewport = { scale: "months", day: 20_100, lane: "l2", y: 0.25 };
    ana.set({ bringHere: { id: "b1", viewport } }, local);
    frames.run();
    expect(feed.peers.get()[0]?.bringHere).toEqual({ id: "b1", viewport });
    const peers = feed.peers.get();
    const laser = [
      { day: 20_000, lane: "l1", y: 0.1 },
      { day: 20_001, lane: "l1", y: 0.2 },
    ];
    ana.set({ bringHere: { id: "b1", viewport }, laser }, local);
    frames.run();
    expect(feed.peers.get()).toBe(peers);
    expect(feed.motion.get()[0]?.laser).toEqual(laser);
    ana.set({ bringHere: null, laser: [{ day: "x" }] }, local);
    frames.run();
    expect(feed.peers.get()[0]?.bringHere).toBeNull();
    expect(feed.motion.get()[0]?.laser).toBeNull();
  });

  it("viewports are kept per person, and someone leaving takes theirs away", () => {
    const { local, frames, feed } = setup();
    const ana = person(7, "Ana");
    const viewport = { scale: "quarters", day: 20_100, lane: "l2", y: 0.25 };
    ana.set({ viewport }, local);
    frames.run();
    expect(feed.viewports.get().get(7)).toEqual(viewport);
    applyAwarenessUpdate(local, removal(7), "server");
    frames.run();
    expect(feed.viewports.get().has(7)).toBe(false);
    expect(feed.peers.get()).toEqual([]);
  });
});

/** The awareness update that says client `id` left (null state at a later clock). */
function removal(id: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = id;
  const awareness = new Awareness(doc);
  for (let i = 0; i < 5; i++) awareness.setLocalState({ i });
  awareness.setLocalState(null);
  return encodeAwarenessUpdate(awareness, [id]);
}
