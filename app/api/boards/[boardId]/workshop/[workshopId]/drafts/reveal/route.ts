import { appServices } from "../../../../../../../../lib/protocol/appServices";
import { revealDraftsSchema } from "../../../../../../../../lib/protocol/workshops";
import { respond } from "../../../../../../../_http/respond";
import { SMALL_BODY_LIMIT, workshopCall } from "../../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** Reveals every draft as an item on the board, all at once (the facilitator): `{ workshop, itemIds }`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const call = await workshopCall(request, params, { schema: revealDraftsSchema, maxBytes: SMALL_BODY_LIMIT });
  if (call instanceof Response) return call;
  return respond(await appServices().revealDrafts(call.userId, call.boardId, call.workshopId, call.input));
}
