import type { TimerView } from "../../lib/protocol/workshops";

/**
 * The workshop countdown on every screen within the same second (issue 17): it is computed from
 * the server's `timer.endsAt` and this browser's offset to the server's clock, never from this
 * browser's clock alone (which may be minutes off).
 *
 * Offsets are learnt two ways. An answer to a request: the server read its clock somewhere
 * between sending and receiving, so offset = serverNow - (sent + received) / 2, wrong by at most
 * half the round trip; the sample with the shortest round trip is the best. A live event: sent
 * before it arrived, so serverNow - received is a lower bound of the offset (short by the one-way
 * delay); it corrects an estimate that is below it, and stands alone until a request answers.
 */
export interface ClockSample {
  offsetMs: number;
  /** Round trip of the request it came from; Infinity for a live event. */
  roundTripMs: number;
}

/** A request's sample, or null when the server's time cannot be read. */
export function requestSample(serverNow: string, sentAt: number, receivedAt: number): ClockSample | null {
  const server = Date.parse(serverNow);
  if (!Number.isFinite(server) || !Number.isFinite(sentAt) || !Number.isFinite(receivedAt) || receivedAt < sentAt) return null;
  return { offsetMs: server - (sentAt + receivedAt) / 2, roundTripMs: receivedAt - sentAt };
}

/** How long a request sample is trusted: clocks drift and sleeping laptops jump. */
const SAMPLE_TTL_MS = 10 * 60_000;

export class ServerClock {
  private best: (ClockSample & { at: number }) | null = null;
  private floor = -Infinity;

  /** Learns from a request's answer (see requestSample). */
  fromRequest(serverNow: string, sentAt: number, receivedAt: number): void {
    const sample = requestSample(serverNow, sentAt, receivedAt);
    if (!sample) return;
    // A better round trip wins; an old sample gives way to any new one.
    if (!this.best || sample.roundTripMs <= this.best.roundTripMs || receivedAt - this.best.at > SAMPLE_TTL_MS) this.best = { ...sample, at: receivedAt };
    // A fresh request outranks the floors learnt from events before it (the clock may have moved back).
    this.floor = -Infinity;
  }

  /** Learns from a live event's `serverNow`, received at `receivedAt` (a lower bound). */
  fromEvent(serverNow: string, receivedAt: number): void {
    const server = Date.parse(serverNow);
    if (!Number.isFinite(server)) return;
    this.floor = Math.max(this.floor, server - receivedAt);
  }

  /** Milliseconds to add to this browser's clock to get the server's. */
  offset(): number {
    const estimate = this.best?.offsetMs;
    if (estimate === undefined) return Number.isFinite(this.floor) ? this.floor : 0;
    return Math.max(estimate, this.floor);
  }
}

/** Milliseconds left on the countdown at local time `localNow`, never below zero. */
export function remainingMs(timer: TimerView, offsetMs: number, localNow: number): number {
  if (timer.state !== "running" || timer.endsAt === null) return Math.max(0, timer.remainingMs);
  const ends = Date.parse(timer.endsAt);
  if (!Number.isFinite(ends)) return Math.max(0, timer.remainingMs);
  return Math.max(0, ends - (localNow + offsetMs));
}

/**
 * The countdown as people read it: "m:ss", or "h:mm:ss" past an hour. Rounded up, so "0:00"
 * shows only once time is really up and every screen turns to the next second together.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** When the next displayed second begins, so a screen repaints on the boundary rather than up to a second late. */
export function msToNextSecond(ms: number): number {
  if (ms <= 0) return 1000;
  const rest = ms % 1000;
  return rest === 0 ? 1000 : rest;
}
