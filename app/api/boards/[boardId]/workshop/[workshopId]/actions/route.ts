import { appServices } from "../../../../../../../lib/protocol/appServices";
import { workshopActionSchema } from "../../../../../../../lib/protocol/workshops";
import { parseBody, respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";
import { idParam, SMALL_BODY_LIMIT } from "../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** The facilitator's controls (timer, steps, hand-over, end); owners of the board may use them too. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  const input = await parseBody(request, workshopActionSchema, SMALL_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().workshopAction(head.userId, head.boardId, workshopId, input));
}
