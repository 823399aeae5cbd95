"use client";

import type { WorkshopPublic, WorkshopView } from "../../lib/protocol/workshops";
import { coalesced, ExternalStore } from "../live/externalStore";
import type { ApiResult } from "../ui/apiRequest";
import { ServerClock } from "./serverClock";
import type { TimedWorkshop } from "./workshopClient";
import { fromAnswer, fromEvent, NO_WORKSHOP, type HeldWorkshop } from "./workshopState";

export interface WorkshopState {
  held: HeldWorkshop;
  /** False until the first answer: the session bar waits rather than flash "no workshop". */
  loaded: boolean;
  error: string | null;
}

const INITIAL: WorkshopState = { held: NO_WORKSHOP, loaded: false, error: null };

/**
 * The board's running workshop for useSyncExternalStore, fed by three sources: GET workshop (on
 * load, on reconnect, when an event says this person's part is unknown), live events, and the
 * answers to this person's own requests. Its clock learns the server's time from all of them.
 * GETs never overlap (one asked for during another runs once more after it).
 */
export class WorkshopStore extends ExternalStore<WorkshopState> {
  readonly clock = new ServerClock();
  static readonly initial = INITIAL;

  /** `load` is null for a guest, who may not call the routes: events alone then. */
  constructor(private readonly load: (() => Promise<ApiResult<TimedWorkshop>>) | null) {
    super(INITIAL);
  }

  private readonly fetch = coalesced(async () => {
    const result = await this.load!();
    if (result.ok) {
      this.clock.fromRequest(result.value.serverNow, result.value.sentAt, result.value.receivedAt);
      this.set({ held: fromAnswer(result.value.workshop), loaded: true, error: null });
    } else this.set({ ...this.state, loaded: true, error: result.error });
  });

  async refresh(): Promise<void> {
    if (this.load) await this.fetch();
  }

  /** A live event: everyone's part, and a lower bound on the clock offset. */
  onEvent(workshop: WorkshopPublic | null, serverNow: string): void {
    this.clock.fromEvent(serverNow, Date.now());
    const next = fromEvent(this.state.held, workshop);
    this.set({ held: next.held, loaded: true, error: null });
    if (next.refetch) void this.refresh();
  }

  /** The answer to one of this person's requests (a ballot, an action). */
  onAnswer(workshop: WorkshopView | null): void {
    this.set({ held: fromAnswer(workshop), loaded: true, error: null });
  }
}
