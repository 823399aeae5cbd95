import type {
  CastBallot,
  DraftInput,
  DraftView,
  OpenVote,
  StartWorkshop,
  WorkshopAction,
  WorkshopRecord,
  WorkshopSummary,
  WorkshopView,
} from "../../lib/protocol/workshops";
import { apiRequest, type ApiResult } from "../ui/apiRequest";

/**
 * The workshop routes (lib/protocol/workshops.ts), each failure one sentence (apiRequest). GET
 * workshop also times its own round trip, so the countdown can learn the server's clock from it.
 */
const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
const session = (boardId: string, wid: string) => `${board(boardId)}/workshop/${encodeURIComponent(wid)}`;

export interface TimedWorkshop {
  workshop: WorkshopView | null;
  serverNow: string;
  sentAt: number;
  receivedAt: number;
}

type Answer = ApiResult<{ workshop: WorkshopView }>;

export const workshopClient = {
  async current(boardId: string): Promise<ApiResult<TimedWorkshop>> {
    const sentAt = Date.now();
    const result = await apiRequest<{ workshop: WorkshopView | null; serverNow: string }>("GET", `${board(boardId)}/workshop`);
    const receivedAt = Date.now();
    if (!result.ok) return result;
    return { ...result, value: { workshop: result.value?.workshop ?? null, serverNow: String(result.value?.serverNow ?? ""), sentAt, receivedAt } };
  },
  start: (boardId: string, input: StartWorkshop): Promise<Answer> => apiRequest("POST", `${board(boardId)}/workshop`, input),
  act: (boardId: string, wid: string, action: WorkshopAction): Promise<Answer> => apiRequest("POST", `${session(boardId, wid)}/actions`, action),
  openVote: (boardId: string, wid: string, input: OpenVote): Promise<Answer> => apiRequest("POST", `${session(boardId, wid)}/votes`, input),
  cast: (boardId: string, wid: string, voteId: string, ballot: CastBallot): Promise<Answer> =>
    apiRequest("POST", `${session(boardId, wid)}/votes/${encodeURIComponent(voteId)}/ballots`, ballot),
  voteState: (boardId: string, wid: string, voteId: string, state: "closed" | "revealed"): Promise<Answer> =>
    apiRequest("POST", `${session(boardId, wid)}/votes/${encodeURIComponent(voteId)}/state`, { state }),
  drafts: (boardId: string, wid: string) => apiRequest<{ drafts: DraftView[] }>("GET", `${session(boardId, wid)}/drafts`),
  addDraft: (boardId: string, wid: string, input: DraftInput) => apiRequest<{ draft: DraftView }>("POST", `${session(boardId, wid)}/drafts`, input),
  editDraft: (boardId: string, wid: string, draftId: string, patch: Partial<DraftInput>) =>
    apiRequest<{ draft: DraftView }>("PATCH", `${session(boardId, wid)}/drafts/${encodeURIComponent(draftId)}`, patch),
  removeDraft: (boardId: string, wid: string, draftId: string) => apiRequest<void>("DELETE", `${session(boardId, wid)}/drafts/${encodeURIComponent(draftId)}`),
  revealDrafts: (boardId: string, wid: string, target: { kind: "tray" } | { kind: "lane"; laneId: string }) =>
    apiRequest<{ workshop: WorkshopView; itemIds: string[] }>("POST", `${session(boardId, wid)}/drafts/reveal`, { target }),
  list: (boardId: string) => apiRequest<{ workshops: WorkshopSummary[] }>("GET", `${board(boardId)}/workshops`),
  record: (boardId: string, wid: string) => apiRequest<{ record: WorkshopRecord }>("GET", `${board(boardId)}/workshops/${encodeURIComponent(wid)}`),
};

export const recordPagePath = (boardId: string, wid: string) => `/boards/${encodeURIComponent(boardId)}/workshops/${encodeURIComponent(wid)}`;
export const recordMarkdownPath = (boardId: string, wid: string) => `${board(boardId)}/workshops/${encodeURIComponent(wid)}/record.md`;
