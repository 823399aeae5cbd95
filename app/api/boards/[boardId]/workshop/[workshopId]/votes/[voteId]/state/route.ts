import { appServices } from "../../../../../../../../../lib/protocol/appServices";
import { voteStateChangeSchema } from "../../../../../../../../../lib/protocol/workshops";
import { parseBody, respond } from "../../../../../../../../_http/respond";
import { boardRequest } from "../../../../../boardRoute";
import { idParam, SMALL_BODY_LIMIT } from "../../../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string; voteId: string }> };

/** Closes or reveals a vote (the facilitator). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  const voteId = await idParam(params, "voteId");
  if (voteId instanceof Response) return voteId;
  const input = await parseBody(request, voteStateChangeSchema, SMALL_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().setVoteState(head.userId, head.boardId, workshopId, voteId, input));
}
