import type { PastBoard, VersionView } from "../../../lib/protocol/versions";
import { apiRequest, type ApiResult } from "../../ui/apiRequest";
import type { BoardChange } from "./historySteps";

/**
 * The versions routes (README, "Versions") this panel writes through and the replay reads; the
 * list and the baseline go through history/versionsApi. The answers are the server's own types
 * (lib/protocol/versions.ts); every failure is one sentence (apiRequest).
 */
const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
const one = (boardId: string, versionId: string) => `${base(boardId)}/versions/${encodeURIComponent(versionId)}`;

export const versionsClient = {
  save: (boardId: string, input: { name: string; note?: string }) => apiRequest<{ version: VersionView }>("POST", `${base(boardId)}/versions`, input),
  rename: (boardId: string, versionId: string, input: { name?: string; note?: string | null }) =>
    apiRequest<{ version: VersionView }>("PATCH", one(boardId, versionId), input),
  remove: (boardId: string, versionId: string) => apiRequest<void>("DELETE", one(boardId, versionId)),
  /** Saves the board as it is (the server's automatic version) and hands the version's Yjs state back, base64. */
  restoreState: (boardId: string, versionId: string, itemId?: string) =>
    apiRequest<{ backup: VersionView | null; state: string | null }>("POST", `${one(boardId, versionId)}/restore`, { apply: false, ...(itemId ? { itemId } : {}) }),
  boardAt: (boardId: string, at: string) => apiRequest<PastBoard>("GET", `${base(boardId)}/snapshot?at=${encodeURIComponent(at)}`),
};

/** Pages of the board-wide history read at most for one replay (BOARD_HISTORY_MAX entries each). */
const MAX_HISTORY_PAGES = 4;
const HISTORY_PAGE = 500;

export interface BoardChanges {
  changes: BoardChange[];
  /** False when the server has no board-wide history to give: the replay steps through versions alone. */
  available: boolean;
  /** Changes past what was read (a busy week): the newest ones are left out. */
  truncated: boolean;
}

/**
 * The board's recorded changes since `from`, oldest first, read page by page from the history
 * route: each page starts at the last one's latest moment (the steps drop the repeats).
 */
export async function fetchBoardChanges(boardId: string, from: string): Promise<BoardChanges> {
  const changes: BoardChange[] = [];
  let since = from;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const result: ApiResult<{ entries?: unknown; more?: unknown }> = await apiRequest("GET", `${base(boardId)}/history?from=${encodeURIComponent(since)}&limit=${HISTORY_PAGE}`);
    if (!result.ok || !Array.isArray(result.value?.entries)) return { changes, available: page > 0, truncated: false };
    const entries = result.value.entries.filter(isBoardChange);
    changes.push(...entries);
    const last = entries[entries.length - 1];
    if (result.value.more !== true || !last || last.at === since) return { changes, available: true, truncated: false };
    since = last.at;
  }
  return { changes, available: true, truncated: true };
}

/** An entry the replay can show; anything else in the answer is skipped, not trusted. */
function isBoardChange(value: unknown): value is BoardChange {
  const v = value as { [K in keyof BoardChange]?: unknown } & { user?: { id?: unknown; name?: unknown } } | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.id === "string" &&
    typeof v.at === "string" &&
    typeof v.user?.name === "string" &&
    typeof v.user.id === "string" &&
    typeof v.objectId === "string" &&
    typeof v.objectKind === "string" &&
    typeof v.objectTitle === "string" &&
    typeof v.kind === "string" &&
    Array.isArray(v.fields)
  );
}
