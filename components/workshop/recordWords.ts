import type { WorkshopRecord } from "../../lib/protocol/workshops";

/** Minutes as people say them: "45 min", "1 h 20 min". */
export function durationWords(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

/** How long a step ran (from its start to its end), or null when it never ran. */
export function stepMinutes(step: WorkshopRecord["agenda"][number]): number | null {
  if (!step.startedAt || !step.endedAt) return null;
  const ms = Date.parse(step.endedAt) - Date.parse(step.startedAt);
  return Number.isFinite(ms) && ms >= 0 ? ms / 60_000 : null;
}

/** "/boards/<id>?item=<itemId>": the board with the item selected. */
export const itemLink = (boardId: string, itemId: string) => `/boards/${encodeURIComponent(boardId)}?item=${encodeURIComponent(itemId)}`;
/** "/boards/<id>?thread=<threadId>": the board with the thread open. */
export const threadLink = (boardId: string, threadId: string) => `/boards/${encodeURIComponent(boardId)}?thread=${encodeURIComponent(threadId)}`;
