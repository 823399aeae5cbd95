import type { FollowRequest } from "../../lib/protocol/presence";
import type { Peer } from "../collab/presenceFeed";
import { ValueStore } from "../collab/store";
import { BringHereController } from "./bringHere";
import { newRequestId } from "./requestId";

/** The person whose view this browser mirrors. */
export interface Following {
  clientId: number;
  name: string;
  color: string;
  /** Set when following because they asked everyone to (their request's id), null when chosen here. */
  requestId: string | null;
}

/** Why following ended, for the one-line notice after it. */
export type FollowEnd = "stopped" | "moved" | "left" | "ended";

/**
 * Whom this browser follows, and the rules of a facilitator's "follow me": a new request is
 * followed once (stopping is respected until they ask again), following ends when the request
 * ends or the person leaves. Framework-free: the header and the timeline share one instance.
 */
export class FollowController {
  readonly state = new ValueStore<Following | null>(null);
  /** Set when following last ended, so the UI can say why ("Ana left"). */
  readonly ended = new ValueStore<{ name: string; why: FollowEnd } | null>(null);
  /** This person's own "follow me" request while they lead (owners and editors only). */
  readonly leading = new ValueStore<FollowRequest | null>(null);
  /** "Bring everyone here", the one-off pull beside "follow me"; shares this screen's following. */
  readonly gather = new BringHereController({
    followingClientId: () => this.state.get()?.clientId ?? null,
    stopFollowing: () => this.stop("moved"),
  });
  /** Follow-me requests already acted on: each pulls people in once. */
  private readonly seenRequests = new Set<string>();

  follow(peer: Pick<Peer, "clientId" | "name" | "color">, requestId: string | null = null): void {
    this.ended.set(null);
    this.state.set({ clientId: peer.clientId, name: peer.name, color: peer.color, requestId });
  }

  /** Stop following; `why` says whether the person chose to or something ended it. */
  stop(why: FollowEnd = "stopped"): void {
    const current = this.state.get();
    if (!current) return;
    this.state.set(null);
    this.ended.set({ name: current.name, why });
  }

  /** Asks everyone to follow this person's view; a fresh id, so people who stopped before are asked again. */
  lead(): void {
    this.stop();
    this.leading.set({ id: newRequestId() });
  }

  endLead(): void {
    this.leading.set(null);
  }

  /** Brings the rules up to date with who is on the board now (call on every change of peers). */
  reconcile(peers: readonly Peer[]): void {
    const current = this.state.get();
    if (current) {
      const leader = peers.find((p) => p.clientId === current.clientId);
      if (!leader) this.stop("left");
      else if (current.requestId !== null && leader.followMe?.id !== current.requestId) this.stop("ended");
    }
    for (const peer of peers) {
      const request = peer.followMe;
      if (peer.isLocal || !request || this.seenRequests.has(request.id)) continue;
      this.seenRequests.add(request.id);
      this.follow(peer, request.id);
    }
  }
}

/** The person asking everyone to follow them right now (the first, if several do), if any. */
export function activeRequest(peers: readonly Peer[]): Peer | null {
  return peers.find((p) => !p.isLocal && p.followMe !== null) ?? null;
}
