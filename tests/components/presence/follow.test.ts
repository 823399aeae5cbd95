import { describe, expect, it } from "vitest";
import type { Peer } from "../../../components/collab/presenceFeed";
import { activeRequest, FollowController } from "../../../components/presence/followController";

const peer = (clientId: number, name: string, followMe: string | null = null): Peer => ({
  clientId,
  id: `u${clientId}`,
  name,
  color: "#336699",
  readOnly: false,
  canComment: true,
  selection: null,
  followMe: followMe ? { id: followMe } : null,
  bringHere: null,
  isLocal: false,
});

describe("following someone's view", () => {
  it("follows the person chosen until stopped, and says why it ended", () => {
    const follow = new FollowController();
    follow.follow(peer(1, "Ana"));
    expect(follow.state.get()).toMatchObject({ clientId: 1, name: "Ana", requestId: null });
    follow.stop("moved");
    expect(follow.state.get()).toBeNull();
    expect(follow.ended.get()).toEqual({ name: "Ana", why: "moved" });
  });

  it("stops when the person followed leaves the board", () => {
    const follow = new FollowController();
    follow.follow(peer(1, "Ana"));
    follow.reconcile([peer(2, "Ben")]);
    expect(follow.state.get()).toBeNull();
    expect(follow.ended.get()?.why).toBe("left");
  });

  it("a facilitator's request makes everyone follow them, once per request", () => {
    const follow = new FollowController();
    follow.reconcile([peer(1, "Ana", "req1"), peer(2, "Ben")]);
    expect(follow.state.get()).toMatchObject({ clientId: 1, requestId: "req1" });
    follow.stop("moved");
    follow.reconcile([peer(1, "Ana", "req1"), peer(2, "Ben")]);
    expect(follow.state.get()).toBeNull();
    // Asked again: a new request pulls in those who had stopped.
    follow.reconcile([peer(1, "Ana", "req2"), peer(2, "Ben")]);
    expect(follow.state.get()).toMatchObject({ clientId: 1, requestId: "req2" });
  });

  it("the request ending ends the following it caused, but not following chosen by hand", () => {
    const asked = new FollowController();
    asked.reconcile([peer(1, "Ana", "req1")]);
    asked.reconcile([peer(1, "Ana")]);
    expect(asked.state.get()).toBeNull();
    expect(asked.ended.get()?.why).toBe("ended");

    const chosen = new FollowController();
    chosen.follow(peer(1, "Ana"));
    chosen.reconcile([peer(1, "Ana")]);
    expect(chosen.state.get()?.clientId).toBe(1);
  });

  it("leading announces a fresh request each time, and stops following someone else", () => {
    const follow = new FollowController();
    follow.follow(peer(1, "Ana"));
    follow.lead();
    const first = follow.leading.get();
    expect(first?.id).toMatch(/^[a-z0-9]{9}$/);
    expect(follow.state.get()).toBeNull();
    follow.endLead();
    expect(follow.leading.get()).toBeNull();
    follow.lead();
    expect(follow.leading.get()?.id).not.toBe(first?.id);
  });

  it("this browser's own request is not a request to follow itself", () => {
    const follow = new FollowController();
    follow.reconcile([{ ...peer(1, "Me", "req1"), isLocal: true }]);
    expect(follow.state.get()).toBeNull();
    expect(activeRequest([{ ...peer(1, "Me", "req1"), isLocal: true }, peer(2, "Ben", "req2")])?.name).toBe("Ben");
  });
});
