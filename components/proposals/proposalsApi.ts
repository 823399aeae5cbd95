import type { ProposalChange, ProposalView } from "../../lib/protocol/proposals";
import { apiRequest, type ApiResult } from "../ui/apiRequest";

/** The proposal routes (lib/protocol/proposals.ts), each failure one sentence (apiRequest). */
const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/proposals`;
const one = (boardId: string, id: string, action: string) => `${base(boardId)}/${encodeURIComponent(id)}/${action}`;

export type ProposalAnswer =
  | { kind: "accept"; acknowledgeStale?: boolean; note?: string }
  | { kind: "decline"; note: string }
  | { kind: "counter"; change: ProposalChange; reason: string }
  | { kind: "withdraw" };

export const proposalsApi = {
  list: (boardId: string) => apiRequest<{ proposals: ProposalView[] }>("GET", `${base(boardId)}?state=open`),
  create: (boardId: string, change: ProposalChange, reason: string) => apiRequest<{ proposal: ProposalView }>("POST", base(boardId), { change, reason }),
  answer(boardId: string, id: string, answer: ProposalAnswer): Promise<ApiResult<{ proposal: ProposalView }>> {
    const { kind, ...body } = answer;
    return apiRequest("POST", one(boardId, id, kind), body);
  },
};
