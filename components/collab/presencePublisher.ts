import type { Awareness } from "y-protocols/awareness";
import type { BringHereRequest, FollowRequest, PresenceDragging, PresenceLaser, PresencePointer, PresenceViewport } from "../../lib/protocol/presence";

/** What this browser announces; the server adds who it is (`user`), clients never do. */
export interface LocalPresence {
  selection: string | null;
  pointer: PresencePointer | null;
  viewport: PresenceViewport | null;
  dragging: PresenceDragging | null;
  followMe: FollowRequest | null;
  bringHere: BringHereRequest | null;
  laser: PresenceLaser | null;
}

export const EMPTY_PRESENCE: LocalPresence = { selection: null, pointer: null, viewport: null, dragging: null, followMe: null, bringHere: null, laser: null };

/**
 * How long a change may wait before it is sent. Every awareness message carries the whole
 * state, so changes that wait are sent together: with 40 people in a workshop, each message
 * one person saves is 39 fewer for everyone else to receive.
 */
export const SEND_AT_ONCE = 0;
/** Pointer and drag progress: at most ~15 messages a second (coalesced with the last sent). */
export const POINTER_GAP_MS = 66;
/** Scrolling and zooming: the latest viewport, a fifth of a second after the first change. */
export const VIEWPORT_DELAY_MS = 200;

export interface PublisherClock {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: PublisherClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Coalesces this browser's presence changes into as few awareness messages as their urgency
 * allows. Fields other code sets on the same awareness (Tiptap's text caret) are kept: every
 * send merges into the current local state instead of replacing it.
 */
export class PresencePublisher {
  private wanted: LocalPresence = EMPTY_PRESENCE;
  private awareness: Awareness | null = null;
  private timer: unknown = null;
  private dueAt = Infinity;
  private lastSent = -Infinity;
  /** Awareness messages sent, for tests and the presence benchmark. */
  sent = 0;

  constructor(private readonly clock: PublisherClock = realClock) {}

  get current(): LocalPresence {
    return this.wanted;
  }

  /** A (new) connection's awareness: it starts with everything announced so far. */
  attach(awareness: Awareness): void {
    this.awareness = awareness;
    this.send();
  }

  detach(): void {
    this.cancelTimer();
    this.awareness = null;
  }

  setSelection(selection: string | null): void {
    this.update({ selection }, SEND_AT_ONCE);
  }

  /** Pointer moves are rate-limited; leaving the timeline is said at once so the arrow goes. */
  setPointer(pointer: PresencePointer | null): void {
    this.update({ pointer }, pointer === null ? SEND_AT_ONCE : this.throttled());
  }

  setViewport(viewport: PresenceViewport): void {
    this.update({ viewport }, VIEWPORT_DELAY_MS);
  }

  /** Starting and ending a drag are sent at once; its progress at the pointer's rate. */
  setDragging(dragging: PresenceDragging | null): void {
    const startsOrEnds = (dragging === null) !== (this.wanted.dragging === null);
    this.update({ dragging }, startsOrEnds ? SEND_AT_ONCE : this.throttled());
  }

  setFollowMe(followMe: FollowRequest | null): void {
    this.update({ followMe }, SEND_AT_ONCE);
  }

  setBringHere(bringHere: BringHereRequest | null): void {
    this.update({ bringHere }, SEND_AT_ONCE);
  }

  /**
   * The laser trail travels at the pointer's rate, in the same messages as the pointer (no
   * traffic of its own); letting go of the key is said at once so the trail goes.
   */
  setLaser(laser: PresenceLaser | null): void {
    this.update({ laser }, laser === null ? SEND_AT_ONCE : this.throttled());
  }

  private throttled(): number {
    return Math.max(0, this.lastSent + POINTER_GAP_MS - this.clock.now());
  }

  private update(patch: Partial<LocalPresence>, delay: number): void {
    const next = { ...this.wanted, ...patch };
    if ((Object.keys(patch) as (keyof LocalPresence)[]).every((k) => sameValue(next[k], this.wanted[k]))) return;
    this.wanted = next;
    if (!this.awareness) return;
    const at = this.clock.now() + delay;
    // An earlier send already planned carries this change too; never postpone one.
    if (at >= this.dueAt) return;
    this.cancelTimer();
    if (delay <= 0) return this.send();
    this.dueAt = at;
    this.timer = this.clock.setTimeout(() => this.send(), delay);
  }

  private send(): void {
    this.cancelTimer();
    const awareness = this.awareness;
    if (!awareness) return;
    this.lastSent = this.clock.now();
    this.sent++;
    awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...this.wanted });
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Infinity;
  }
}

/** Presence values are small plain JSON: comparing their text is exact and cheap enough. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
