import { z } from "zod";
import { appServices } from "../../../../../lib/protocol/appServices";
import { proposalInputSchema } from "../../../../../lib/protocol/proposals";
import { parseBody, parseQuery, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";
import { PROPOSAL_BODY_LIMIT } from "./proposalRoute";

type Context = { params: Promise<{ boardId: string }> };

const listQuerySchema = z.strictObject({ state: z.enum(["open", "all"]).optional() });

/** The board's proposals, open ones (default) or all (members; docs/teams.md "Proposals"). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const query = parseQuery(request, listQuerySchema);
  if (query instanceof Response) return query;
  return respond(await appServices().listProposals(head.userId, head.boardId, query));
}

/** Proposes a change to an item, its removal or a new item in a lane (commenters and up): 201 with `{ proposal }`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, proposalInputSchema, PROPOSAL_BODY_LIMIT);
  if (input instanceof Response) return input;
  const result = await appServices().createProposal(head.userId, head.boardId, input);
  return result.ok ? Response.json({ proposal: result.value }, { status: 201 }) : respond(result);
}
