import type { DependencyRequestView, RequestAction } from "../../../lib/protocol/dependencyRequests";
import { apiRequest, type ApiResult } from "../../ui/apiRequest";

/** The dependency request routes (lib/protocol/dependencyRequests.ts) as the board page calls them. */
const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/dependency-requests`;

export const fetchRequests = (boardId: string): Promise<ApiResult<{ requests: DependencyRequestView[] }>> => apiRequest("GET", base(boardId));

export const postRequest = (boardId: string, input: { fromItemId: string; toItemId: string; neededBy: string; note?: string }) =>
  apiRequest<{ request: DependencyRequestView }>("POST", base(boardId), input);

export const postAnswer = (boardId: string, requestId: string, action: RequestAction, input: Record<string, string> = {}) =>
  apiRequest<{ request: DependencyRequestView }>("POST", `${base(boardId)}/${encodeURIComponent(requestId)}/${action}`, input);
