import { appServices } from "../../../../../../../lib/protocol/appServices";
import { openVoteSchema } from "../../../../../../../lib/protocol/workshops";
import { respond } from "../../../../../../_http/respond";
import { VOTE_BODY_LIMIT, workshopCall } from "../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** Opens a dot vote over a scope of items (the facilitator): 201 with `{ workshop }`; 409 while another is open. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const call = await workshopCall(request, params, { schema: openVoteSchema, maxBytes: VOTE_BODY_LIMIT });
  if (call instanceof Response) return call;
  return respond(await appServices().openVote(call.userId, call.boardId, call.workshopId, call.input), 201);
}
