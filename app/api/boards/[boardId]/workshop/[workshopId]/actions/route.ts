import { appServices } from "../../../../../../../lib/protocol/appServices";
import { workshopActionSchema } from "../../../../../../../lib/protocol/workshops";
import { respond } from "../../../../../../_http/respond";
import { SMALL_BODY_LIMIT, workshopCall } from "../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** The facilitator's controls (timer, steps, hand-over, end); owners of the board may use them too. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const call = await workshopCall(request, params, { schema: workshopActionSchema, maxBytes: SMALL_BODY_LIMIT });
  if (call instanceof Response) return call;
  return respond(await appServices().workshopAction(call.userId, call.boardId, call.workshopId, call.input));
}
