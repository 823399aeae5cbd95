import type { BringHereRequest, PresenceViewport } from "../../lib/protocol/presence";
import type { Peer } from "../collab/presenceFeed";
import { ValueStore } from "../collab/store";
import { newRequestId } from "./requestId";

/**
 * How long a "bring everyone here" stays announced. Long enough for everyone connected (and a
 * dropped connection coming back) to see it; short enough that someone opening the board a
 * minute later is not thrown to where the facilitator looked then.
 */
export const BRING_HERE_HOLD_MS = 5_000;

/** The last time this browser was brought to someone's view: what the notice says, and the way back. */
export interface BroughtHere {
  requestId: string;
  name: string;
  color: string;
  /** The view this person had before (null when their timeline had not been shown yet). */
  back: PresenceViewport | null;
}

export interface GatherClock {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: GatherClock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the rules need to know of following (FollowController), without depending on it. */
export interface FollowState {
  followingClientId(): number | null;
  stopFollowing(): void;
}

/**
 * "Bring everyone here": a facilitator's one-off pull of everyone's view to theirs. Unlike
 * "follow me", nobody is kept there: each browser moves once per request id, says so, offers
 * the way back, and scrolls freely afterwards. Framework-free; the timeline applies `jump`.
 */
export class BringHereController {
  /** This person's own request while it is announced (owners and editors only). */
  readonly request = new ValueStore<BringHereRequest | null>(null);
  /** Set after being brought somewhere, until the notice is dismissed. */
  readonly brought = new ValueStore<BroughtHere | null>(null);
  /** A view to show once (where someone brought us, or the way back); the timeline applies and clears it. */
  readonly jump = new ValueStore<PresenceViewport | null>(null);
  private readonly seen = new Set<string>();
  private holdTimer: unknown = null;

  constructor(
    private readonly follow: FollowState,
    private readonly clock: GatherClock = realClock,
  ) {}

  /** Brings everyone on the board to `viewport` (this person's view now), once. */
  bring(viewport: PresenceViewport): void {
    if (this.holdTimer !== null) this.clock.clearTimeout(this.holdTimer);
    this.request.set({ id: newRequestId(), viewport });
    this.holdTimer = this.clock.setTimeout(() => {
      this.holdTimer = null;
      this.request.set(null);
    }, BRING_HERE_HOLD_MS);
  }

  /**
   * Acts on requests not seen before (call on every change of peers). `ownView` is the view
   * this person has now, kept as the way back.
   */
  reconcile(peers: readonly Peer[], ownView: () => PresenceViewport | null): void {
    for (const peer of peers) {
      const request = peer.bringHere;
      if (peer.isLocal || !request || this.seen.has(request.id)) continue;
      this.seen.add(request.id);
      // Following the very person who brings everyone: the view is theirs already.
      const followed = this.follow.followingClientId();
      if (followed === peer.clientId) continue;
      // Being moved elsewhere ends following anyone else, or their next scroll would pull us back.
      if (followed !== null) this.follow.stopFollowing();
      this.brought.set({ requestId: request.id, name: peer.name, color: peer.color, back: ownView() });
      this.jump.set(request.viewport);
    }
  }

  /** Back to the view this person had before they were brought. */
  goBack(): void {
    const back = this.brought.get()?.back;
    this.brought.set(null);
    if (back) this.jump.set(back);
  }

  dismiss(): void {
    this.brought.set(null);
  }

  /** The timeline showed the view asked for. */
  jumped(): void {
    this.jump.set(null);
  }
}
