import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { POINTER_GAP_MS, PresencePublisher, VIEWPORT_DELAY_MS, type PublisherClock } from "../../../components/collab/presencePublisher";

/** A hand-driven clock: timers fire only when the test advances time. */
function fakeClock(): PublisherClock & { advance(ms: number): void } {
  let now = 1_000;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++next;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = until;
    },
  };
}

function setup() {
  const clock = fakeClock();
  const awareness = new Awareness(new Y.Doc());
  const sent: Record<string, unknown>[] = [];
  awareness.on("update", () => sent.push({ ...(awareness.getLocalState() ?? {}) }));
  const publisher = new PresencePublisher(clock);
  publisher.attach(awareness);
  sent.length = 0;
  return { clock, awareness, sent, publisher };
}

const at = (day: number) => ({ day, lane: "lDesign", y: 0.5 });

describe("presence publisher", () => {
  it("a pointer moving at 120 Hz for a second is sent at most ~15 times, ending where it stopped", () => {
    const { clock, sent, publisher } = setup();
    for (let i = 0; i < 120; i++) {
      publisher.setPointer(at(20_000 + i / 10));
      clock.advance(1000 / 120);
    }
    clock.advance(500);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(1000 / POINTER_GAP_MS) + 1);
    expect(sent.length).toBeGreaterThanOrEqual(10);
    expect(sent.at(-1)?.pointer).toEqual(at(20_000 + 119 / 10));
  });

  it("the first move after a pause is sent at once", () => {
    const { clock, sent, publisher } = setup();
    clock.advance(1_000);
    publisher.setPointer(at(20_001));
    expect(sent).toHaveLength(1);
  });

  it("leaving the timeline is sent at once, even right after a move", () => {
    const { sent, publisher } = setup();
    publisher.setPointer(at(20_001));
    publisher.setPointer(at(20_002));
    publisher.setPointer(null);
    expect(sent.at(-1)?.pointer).toBeNull();
  });

  it("scrolling sends the viewport once it has waited, with the latest value", () => {
    const { clock, sent, publisher } = setup();
    for (let i = 0; i < 30; i++) {
      publisher.setViewport({ scale: "weeks", day: 20_000 + i, lane: "lDesign", y: 0 });
      clock.advance(5);
    }
    expect(sent).toHaveLength(0);
    clock.advance(VIEWPORT_DELAY_MS);
    expect(sent).toHaveLength(1);
    expect((sent[0]?.viewport as { day: number }).day).toBe(20_029);
  });

  it("changes waiting together go out in one message", () => {
    const { clock, sent, publisher } = setup();
    clock.advance(1_000);
    publisher.setViewport({ scale: "months", day: 20_000, lane: "", y: 0 });
    publisher.setPointer(at(20_010));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ pointer: at(20_010), viewport: { scale: "months" } });
    clock.advance(VIEWPORT_DELAY_MS * 2);
    expect(sent).toHaveLength(1);
  });

  it("a drag's start and end are sent at once, its progress at the pointer's rate", () => {
    const { clock, sent, publisher } = setup();
    const drag = (days: number) => ({ item: "iA", mode: "move" as const, days, lane: "lDesign" });
    publisher.setDragging(drag(0));
    expect(sent).toHaveLength(1);
    publisher.setDragging(drag(1));
    publisher.setDragging(drag(2));
    expect(sent).toHaveLength(1);
    clock.advance(POINTER_GAP_MS);
    expect(sent.at(-1)?.dragging).toEqual(drag(2));
    publisher.setDragging(null);
    expect(sent.at(-1)?.dragging).toBeNull();
  });

  it("a laser held while the mouse moves at 120 Hz rides in the pointer's messages: no more of them than the pointer alone", () => {
    const { clock, sent, publisher } = setup();
    const trail: ReturnType<typeof at>[] = [];
    for (let i = 0; i < 120; i++) {
      const point = at(20_000 + i / 10);
      trail.push(point);
      publisher.setPointer(point);
      publisher.setLaser(trail.slice(-20));
      clock.advance(1000 / 120);
    }
    clock.advance(500);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(1000 / POINTER_GAP_MS) + 1);
    expect(sent.at(-1)?.laser).toEqual(trail.slice(-20));
  });

  it("letting go of the laser key is sent at once, even right after a move", () => {
    const { sent, publisher } = setup();
    publisher.setLaser([at(20_001)]);
    publisher.setLaser([at(20_001), at(20_002)]);
    const before = sent.length;
    publisher.setLaser(null);
    expect(sent.length).toBe(before + 1);
    expect(sent.at(-1)?.laser).toBeNull();
  });

  it("bringing everyone here is sent at once, with the view", () => {
    const { sent, publisher } = setup();
    const viewport = { scale: "months" as const, day: 20_100, lane: "lDesign", y: 0 };
    publisher.setBringHere({ id: "b1", viewport });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.bringHere).toEqual({ id: "b1", viewport });
  });

  it("an unchanged value sends nothing", () => {
    const { sent, publisher } = setup();
    publisher.setSelection("iA");
    publisher.setSelection("iA");
    expect(sent).toHaveLength(1);
  });

  it("keeps fields others set on the same awareness (the text caret of the description editor)", () => {
    const { awareness, sent, publisher } = setup();
    awareness.setLocalStateField("cursor", { anchor: {}, head: {} });
    publisher.setSelection("iA");
    expect(sent.at(-1)).toMatchObject({ selection: "iA", cursor: { anchor: {}, head: {} } });
  });

  it("a new connection starts with everything announced so far", () => {
    const { publisher } = setup();
    publisher.setSelection("iA");
    publisher.setFollowMe({ id: "req1" });
    const next = new Awareness(new Y.Doc());
    publisher.attach(next);
    expect(next.getLocalState()).toMatchObject({ selection: "iA", followMe: { id: "req1" } });
  });
});
