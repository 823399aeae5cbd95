import { appServices } from "../../../../../../../../../lib/protocol/appServices";
import { voteStateChangeSchema } from "../../../../../../../../../lib/protocol/workshops";
import { respond } from "../../../../../../../../_http/respond";
import { SMALL_BODY_LIMIT, workshopCall } from "../../../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string; voteId: string }> };

/** Closes or reveals a vote (the facilitator). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const call = await workshopCall(request, params, { schema: voteStateChangeSchema, maxBytes: SMALL_BODY_LIMIT }, "voteId");
  if (call instanceof Response) return call;
  return respond(await appServices().setVoteState(call.userId, call.boardId, call.workshopId, call.ids.voteId, call.input));
}
