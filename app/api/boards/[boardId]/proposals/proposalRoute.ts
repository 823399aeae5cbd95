import { z } from "zod";
import { appServices } from "../../../../../lib/protocol/appServices";
import { proposalIdSchema } from "../../../../../lib/protocol/proposals";
import { parseBody, parseParam, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

/** A proposal is a change and a reason (each bounded by its schema): anything longer is not one. */
export const PROPOSAL_BODY_LIMIT = 64 * 1024;

export type ProposalContext = { params: Promise<{ boardId: string; proposalId: string }> };

type Answer = "acceptProposal" | "declineProposal" | "counterProposal" | "withdrawProposal";

/**
 * The head of the routes that answer a proposal (docs/teams.md "Proposals"): a signed-in
 * member, a well-formed proposal id (404 otherwise), a JSON body the schema accepts; the
 * services check the role, the lane and the state.
 */
export function answerRoute(answer: Answer, schema: z.ZodType, status = 200) {
  return async function POST(request: Request, { params }: ProposalContext): Promise<Response> {
    const head = await boardRequest(request, params);
    if (head instanceof Response) return head;
    const proposalId = parseParam((await params).proposalId, proposalIdSchema);
    if (proposalId instanceof Response) return proposalId;
    const empty = request.headers.get("content-length") === "0" || !request.body;
    const input = empty ? {} : await parseBody(request, schema, PROPOSAL_BODY_LIMIT);
    if (input instanceof Response) return input;
    const services = appServices();
    const result =
      answer === "withdrawProposal" ? await services.withdrawProposal(head.userId, head.boardId, proposalId) : await services[answer](head.userId, head.boardId, proposalId, input);
    return respond(result, status);
  };
}
