import type { StoredTimer, StoredWorkshop } from "../storage/workshopStore";

/**
 * The workshop's countdown and agenda, moved by the facilitator. Pure: `now` is the server's
 * clock, passed in, and nothing a browser says about time is ever used. Browsers draw the
 * countdown from `endsAt` and their offset to the server clock (docs/workshops.md).
 */

const MINUTE_MS = 60_000;

export const idleTimer = (minutes: number): StoredTimer => ({ state: "idle", endsAt: null, remainingMs: minutes * MINUTE_MS });

/** What is left at `now` (never below zero). */
export function remainingMs(timer: StoredTimer, now: Date): number {
  if (timer.state !== "running" || timer.endsAt === null) return timer.remainingMs;
  return Math.max(0, Date.parse(timer.endsAt) - now.getTime());
}

export function startTimer(timer: StoredTimer, now: Date): StoredTimer {
  if (timer.state === "running") return timer;
  return { state: "running", endsAt: new Date(now.getTime() + timer.remainingMs).toISOString(), remainingMs: timer.remainingMs };
}

export function pauseTimer(timer: StoredTimer, now: Date): StoredTimer {
  if (timer.state !== "running") return timer;
  return { state: "paused", endsAt: null, remainingMs: remainingMs(timer, now) };
}

/** Adds (or, negative, takes off) minutes; the countdown never goes below zero. */
export function addMinutes(timer: StoredTimer, minutes: number, now: Date): StoredTimer {
  const left = Math.max(0, remainingMs(timer, now) + minutes * MINUTE_MS);
  if (timer.state === "running") return { state: "running", endsAt: new Date(now.getTime() + left).toISOString(), remainingMs: left };
  return { ...timer, remainingMs: left };
}

/**
 * Makes `step` current: the step left gets its end time, the new one its start time (the first
 * time it becomes current; going back to a step keeps when it first started). The countdown is
 * the new step's length, running if it was running.
 */
export function goToStep(workshop: StoredWorkshop, step: number, now: Date): StoredWorkshop {
  const at = now.toISOString();
  const agenda = workshop.agenda.map((s, i) => {
    if (i === workshop.step && i !== step) return { ...s, endedAt: at };
    if (i === step) return { ...s, startedAt: s.startedAt ?? at, endedAt: null };
    return s;
  });
  const fresh = idleTimer(agenda[step]!.minutes);
  return { ...workshop, agenda, step, timer: workshop.timer.state === "running" ? startTimer(fresh, now) : fresh };
}

/** The agenda as run at the end: the current step ends when the workshop does. */
export function endAgenda(workshop: StoredWorkshop, now: Date): StoredWorkshop {
  const at = now.toISOString();
  return {
    ...workshop,
    endedAt: at,
    timer: pauseTimer(workshop.timer, now),
    agenda: workshop.agenda.map((s, i) => (i === workshop.step ? { ...s, endedAt: at } : s)),
  };
}
