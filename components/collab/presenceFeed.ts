import type { Awareness } from "y-protocols/awareness";
import { z } from "zod";
import {
  bringHereSchema,
  draggingSchema,
  followRequestSchema,
  laserSchema,
  pointerSchema,
  viewportSchema,
  type BringHereRequest,
  type FollowRequest,
  type PresenceDragging,
  type PresenceLaser,
  type PresencePointer,
  type PresenceViewport,
} from "../../lib/protocol/presence";
import { ValueStore } from "./store";
import { timed } from "./timing";

/**
 * The identity the server writes into every awareness state (name and colour of the account
 * or share link); clients cannot set it, so it is the only one worth showing.
 */
const peerUserSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  readOnly: z.boolean().optional(),
  canComment: z.boolean().optional(),
});

/** Someone on the board, as the server vouches for them. Changes rarely: the whole UI may read it. */
export interface Peer {
  clientId: number;
  /** The account id (or `guest:<link>`): one person in two tabs has one id. */
  id: string;
  name: string;
  color: string;
  /** They can follow the board but not change it. */
  readOnly: boolean;
  /** They can comment (a commenter is read-only on the roadmap, yet not a mere viewer). */
  canComment: boolean;
  /** The item they have selected, if any. */
  selection: string | null;
  /** Set while they ask everyone to follow their view. */
  followMe: FollowRequest | null;
  /** Set for a while after they brought everyone to their view (once per request id). */
  bringHere: BringHereRequest | null;
  isLocal: boolean;
}

/**
 * What someone's hand is doing: changes up to 15 times a second per person, so only the
 * cursor layer reads it, never the timeline.
 */
export interface PeerMotion {
  clientId: number;
  name: string;
  color: string;
  pointer: PresencePointer | null;
  dragging: PresenceDragging | null;
  /** Their laser trail while they hold the laser key (facilitators only), oldest point first. */
  laser: PresenceLaser | null;
  /** When (this browser's `performance.now()`) the pointer last moved: still pointers fade. */
  movedAt: number;
}

interface Parsed {
  peer: Peer;
  motion: PeerMotion;
  viewport: PresenceViewport | null;
}

export interface FeedScheduler {
  /** Runs `fn` once, soon (the next animation frame in a browser). */
  request: (fn: () => void) => number;
  cancel: (handle: number) => void;
  now: () => number;
}

const frameScheduler: FeedScheduler = {
  request: (fn) => requestAnimationFrame(fn),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

function parseField<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Everyone else's presence, read from awareness into three stores of different speeds: the
 * people (rare changes), their pointers and drags (many a second), their viewports (for
 * following). Awareness changes are only noted as they arrive; states are parsed and stores
 * updated once per animation frame, so 40 people moving at 10 Hz cost one update a frame.
 */
export class PresenceFeed {
  readonly peers = new ValueStore<Peer[]>([]);
  readonly motion = new ValueStore<PeerMotion[]>([]);
  readonly viewports = new ValueStore<ReadonlyMap<number, PresenceViewport>>(new Map());

  private awareness: Awareness | null = null;
  private readonly parsed = new Map<number, Parsed>();
  private readonly dirty = new Set<number>();
  private frame: number | null = null;

  constructor(
    private readonly localClientId: number,
    private readonly scheduler: FeedScheduler = frameScheduler,
  ) {}

  attach(awareness: Awareness): void {
    this.detach();
    this.awareness = awareness;
    awareness.on("change", this.onChange);
    for (const clientId of awareness.getStates().keys()) this.dirty.add(clientId);
    this.flush();
  }

  detach(): void {
    this.awareness?.off("change", this.onChange);
    this.awareness = null;
    if (this.frame !== null) this.scheduler.cancel(this.frame);
    this.frame = null;
    // Whoever was here is unknown until the next connection tells again.
    for (const clientId of this.parsed.keys()) this.dirty.add(clientId);
  }

  private readonly onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    for (const id of added) this.dirty.add(id);
    for (const id of updated) this.dirty.add(id);
    for (const id of removed) this.dirty.add(id);
    this.frame ??= this.scheduler.request(() => {
      this.frame = null;
      // Measured, so the presence benchmark can tell what reading 40 people costs a frame.
      timed("waymark:presence", () => this.flush());
    });
  };

  /** Re-reads the states that changed since the last flush and updates the stores that moved. */
  flush(): void {
    if (this.frame !== null) this.scheduler.cancel(this.frame);
    this.frame = null;
    const states = this.awareness?.getStates();
    let peersChanged = false;
    let motionChanged = false;
    let viewportsChanged = false;
    for (const clientId of this.dirty) {
      const before = this.parsed.get(clientId);
      const state = states?.get(clientId);
      const after = state ? this.parse(clientId, state, before) : null;
      if (after) this.parsed.set(clientId, after);
      else this.parsed.delete(clientId);
      peersChanged ||= !samePeer(before?.peer, after?.peer);
      motionChanged ||= before?.motion !== after?.motion;
      viewportsChanged ||= before?.viewport !== after?.viewport;
    }
    this.dirty.clear();
    const all = [...this.parsed.values()];
    if (peersChanged) {
      const peers = all.map((p) => p.peer);
      peers.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.clientId - b.clientId);
      this.peers.set(peers);
    }
    if (motionChanged) this.motion.set(all.filter((p) => !p.peer.isLocal).map((p) => p.motion));
    if (viewportsChanged) {
      const viewports = new Map<number, PresenceViewport>();
      for (const p of all) if (p.viewport && !p.peer.isLocal) viewports.set(p.peer.clientId, p.viewport);
      this.viewports.set(viewports);
    }
  }

  private parse(clientId: number, state: Record<string, unknown>, before: Parsed | undefined): Parsed | null {
    // The server writes `user` into every state it relays; a state without a valid one (our
    // own, which the server does not echo back) is not shown as a person.
    const user = peerUserSchema.safeParse(state.user);
    if (!user.success) return null;
    const selection = typeof state.selection === "string" ? state.selection : null;
    const peer: Peer = {
      clientId,
      id: user.data.id,
      name: user.data.name,
      color: user.data.color,
      readOnly: user.data.readOnly ?? false,
      // Servers from before this field: whoever may edit may comment.
      canComment: user.data.canComment ?? !(user.data.readOnly ?? false),
      selection,
      followMe: parseField(followRequestSchema, state.followMe),
      bringHere: parseField(bringHereSchema, state.bringHere),
      isLocal: clientId === this.localClientId,
    };
    const pointer = parseField(pointerSchema, state.pointer);
    const dragging = parseField(draggingSchema, state.dragging);
    const laser = parseField(laserSchema, state.laser);
    const prev = before?.motion;
    // Unchanged parts keep their identity, so stores (and React) can skip what did not move.
    const motion: PeerMotion =
      prev &&
      prev.name === peer.name &&
      prev.color === peer.color &&
      sameJson(prev.pointer, pointer) &&
      sameJson(prev.dragging, dragging) &&
      sameJson(prev.laser, laser)
        ? prev
        : {
            clientId,
            name: peer.name,
            color: peer.color,
            pointer,
            dragging,
            laser,
            movedAt: prev && sameJson(prev.pointer, pointer) ? prev.movedAt : this.scheduler.now(),
          };
    const viewportValue = parseField(viewportSchema, state.viewport);
    const viewport = before && sameJson(before.viewport, viewportValue) ? before.viewport : viewportValue;
    return { peer: before && samePeer(before.peer, peer) ? before.peer : peer, motion, viewport };
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function samePeer(a: Peer | undefined, b: Peer | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.clientId === b.clientId &&
    a.id === b.id &&
    a.name === b.name &&
    a.color === b.color &&
    a.readOnly === b.readOnly &&
    a.canComment === b.canComment &&
    a.selection === b.selection &&
    a.isLocal === b.isLocal &&
    a.followMe?.id === b.followMe?.id &&
    a.bringHere?.id === b.bringHere?.id
  );
}
