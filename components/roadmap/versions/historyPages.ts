import type { BoardChange } from "./historySteps";

/** One page of the board-wide history: the oldest `limit` changes in [from, to), and whether more are left. */
export type HistoryPageReader = (from: string, to: string) => Promise<{ entries: BoardChange[]; more: boolean } | null>;

export interface CollectedChanges {
  changes: BoardChange[];
  /** False when the server has no board-wide history to give: the replay steps through versions alone. */
  available: boolean;
  /** Older changes were left out to stay within the bounds. */
  truncated: boolean;
}

/** Pages read at most for one replay, and changes kept at most. */
export const MAX_HISTORY_PAGES = 24;
export const MAX_HISTORY_CHANGES = 2_000;
/** A window this short that still holds more than a page is taken as one page (its newest left out). */
const SHORTEST_WINDOW_MS = 1_000;

/**
 * The board's changes in [from, to), newest kept first. The history route answers oldest first,
 * a page at a time; reading forward would spend a busy week's bounds on its oldest changes, while
 * a replay is mostly asked about the latest ones. So a window that holds more than a page is split
 * in two and the newer half read first: within the bounds, every change from some moment up to
 * `to` is there, and what is left out is older than all of them. Oldest first in the result.
 */
export async function collectNewestFirst(read: HistoryPageReader, from: string, to: string): Promise<CollectedChanges> {
  const windows: [number, number][] = [[Date.parse(from), Date.parse(to)]];
  const found: BoardChange[] = [];
  let pages = 0;
  let truncated = false;
  while (windows.length) {
    if (pages >= MAX_HISTORY_PAGES || found.length >= MAX_HISTORY_CHANGES) {
      truncated = true;
      break;
    }
    const [start, end] = windows.pop()!;
    const page = await read(new Date(start).toISOString(), new Date(end).toISOString());
    pages++;
    // No history route (an older server), or a failure part way: what was read is what there is.
    if (!page) return { changes: sortOldestFirst(found), available: pages > 1, truncated: pages > 1 };
    if (page.more && end - start > SHORTEST_WINDOW_MS) {
      const middle = start + Math.floor((end - start) / 2);
      // Popped last in, first out: the newer half is read next.
      windows.push([start, middle], [middle, end]);
      continue;
    }
    found.push(...page.entries);
    if (page.more) truncated = true;
  }
  return { changes: sortOldestFirst(found), available: true, truncated };
}

function sortOldestFirst(changes: BoardChange[]): BoardChange[] {
  return changes.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
