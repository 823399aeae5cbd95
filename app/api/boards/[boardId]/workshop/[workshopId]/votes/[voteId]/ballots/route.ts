import { appServices } from "../../../../../../../../../lib/protocol/appServices";
import { castBallotSchema } from "../../../../../../../../../lib/protocol/workshops";
import { respond } from "../../../../../../../../_http/respond";
import { SMALL_BODY_LIMIT, workshopCall } from "../../../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string; voteId: string }> };

/** Puts one of the caller's votes on an item, or takes one back (owners, editors, commenters). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const call = await workshopCall(request, params, { schema: castBallotSchema, maxBytes: SMALL_BODY_LIMIT }, "voteId");
  if (call instanceof Response) return call;
  return respond(await appServices().castBallot(call.userId, call.boardId, call.workshopId, call.ids.voteId, call.input));
}
