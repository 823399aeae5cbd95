import { describe, expect, it } from "vitest";
import type { Peer } from "../../../components/collab/presenceFeed";
import { BRING_HERE_HOLD_MS, BringHereController, type GatherClock } from "../../../components/presence/bringHere";
import { FollowController } from "../../../components/presence/followController";
import type { PresenceViewport } from "../../../lib/protocol/presence";

const there: PresenceViewport = { scale: "months", day: 20_400, lane: "lDev", y: 0.5 };
const mine: PresenceViewport = { scale: "weeks", day: 20_010, lane: "lDesign", y: 0 };

const peer = (clientId: number, name: string, bring: { id: string; viewport?: PresenceViewport } | null = null, isLocal = false): Peer => ({
  clientId,
  id: `u${clientId}`,
  name,
  color: "#336699",
  readOnly: false,
  canComment: true,
  selection: null,
  followMe: null,
  bringHere: bring && { id: bring.id, viewport: bring.viewport ?? there },
  isLocal,
});

/** Timers that fire only when the test says so. */
function manualClock(): GatherClock & { fire(): void } {
  let pending: (() => void) | null = null;
  return {
    setTimeout: (fn) => {
      pending = fn;
      return 1;
    },
    clearTimeout: () => {
      pending = null;
    },
    fire: () => {
      const fn = pending;
      pending = null;
      fn?.();
    },
  };
}

describe("bring everyone here", () => {
  it("moves this view once to the facilitator's, says whose, keeps the view it had, and does not follow", () => {
    const follow = new FollowController();
    const { gather } = follow;
    gather.reconcile([peer(1, "Ana", { id: "b1" })], () => mine);
    expect(gather.jump.get()).toEqual(there);
    expect(gather.brought.get()).toEqual({ requestId: "b1", name: "Ana", color: "#336699", back: mine });
    expect(follow.state.get()).toBeNull();
    gather.jumped();
    expect(gather.jump.get()).toBeNull();
  });

  it("the same request moves nobody twice (it stays announced a while); a new one does", () => {
    const { gather } = new FollowController();
    gather.reconcile([peer(1, "Ana", { id: "b1" })], () => mine);
    gather.jumped();
    gather.dismiss();
    gather.reconcile([peer(1, "Ana", { id: "b1" }), peer(2, "Ben")], () => mine);
    expect(gather.jump.get()).toBeNull();
    expect(gather.brought.get()).toBeNull();
    gather.reconcile([peer(1, "Ana", { id: "b2", viewport: mine })], () => there);
    expect(gather.jump.get()).toEqual(mine);
  });

  it("Back returns to the view this person had; the notice goes", () => {
    const { gather } = new FollowController();
    gather.reconcile([peer(1, "Ana", { id: "b1" })], () => mine);
    gather.jumped();
    gather.goBack();
    expect(gather.jump.get()).toEqual(mine);
    expect(gather.brought.get()).toBeNull();
  });

  it("without a view of its own yet (the timeline never shown), there is no way back to offer, and Back moves nothing", () => {
    const { gather } = new FollowController();
    gather.reconcile([peer(1, "Ana", { id: "b1" })], () => null);
    gather.jumped();
    expect(gather.brought.get()?.back).toBeNull();
    gather.goBack();
    expect(gather.jump.get()).toBeNull();
  });

  it("one's own request (or one's own tab) moves nothing here", () => {
    const { gather } = new FollowController();
    gather.reconcile([peer(1, "Me", { id: "b1" }, true)], () => mine);
    expect(gather.jump.get()).toBeNull();
    expect(gather.brought.get()).toBeNull();
  });

  it("following someone else ends when brought elsewhere; following the one who brings changes nothing", () => {
    const follow = new FollowController();
    follow.follow(peer(2, "Ben"));
    follow.gather.reconcile([peer(1, "Ana", { id: "b1" }), peer(2, "Ben")], () => mine);
    expect(follow.state.get()).toBeNull();
    expect(follow.gather.jump.get()).toEqual(there);

    const other = new FollowController();
    other.follow(peer(1, "Ana"));
    other.gather.reconcile([peer(1, "Ana", { id: "b2" })], () => mine);
    expect(other.state.get()).toMatchObject({ clientId: 1 });
    expect(other.gather.jump.get()).toBeNull();
    expect(other.gather.brought.get()).toBeNull();
  });

  it(`the facilitator's request carries a fresh id each time and is withdrawn after ${BRING_HERE_HOLD_MS} ms`, () => {
    const clock = manualClock();
    const gather = new BringHereController({ followingClientId: () => null, stopFollowing: () => {} }, clock);
    gather.bring(mine);
    const first = gather.request.get();
    expect(first).toMatchObject({ viewport: mine });
    expect(first?.id).toMatch(/^[a-z0-9]{9}$/);
    gather.bring(there);
    expect(gather.request.get()?.id).not.toBe(first?.id);
    expect(gather.request.get()?.viewport).toEqual(there);
    clock.fire();
    expect(gather.request.get()).toBeNull();
  });
});
