import type { PastBoard, VersionView } from "../../../lib/protocol/versions";
import { apiRequest, type ApiResult } from "../../ui/apiRequest";
import { collectNewestFirst, type CollectedChanges, type HistoryPageReader } from "./historyPages";
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

const HISTORY_PAGE = 500;

/** The board's recorded changes since `from` (up to now), the newest kept first within the bounds (historyPages.ts). */
export function fetchBoardChanges(boardId: string, from: string): Promise<CollectedChanges> {
  const read: HistoryPageReader = async (since, until) => {
    const query = `from=${encodeURIComponent(since)}&to=${encodeURIComponent(until)}&limit=${HISTORY_PAGE}`;
    const result: ApiResult<{ entries?: unknown; more?: unknown }> = await apiRequest("GET", `${base(boardId)}/history?${query}`);
    if (!result.ok || !Array.isArray(result.value?.entries)) return null;
    return { entries: result.value.entries.filter(isBoardChange), more: result.value.more === true };
  };
  // `to` is exclusive: a moment past now takes in the change made this very millisecond.
  return collectNewestFirst(read, from, new Date(Date.now() + 1_000).toISOString());
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
