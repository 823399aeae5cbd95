import { appServices } from "../../../../../../lib/protocol/appServices";
import { respond } from "../../../../../_http/respond";
import { boardRequest } from "../../boardRoute";
import { idParam } from "../../workshop/workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** The record of an ended workshop (every member): `{ record }`; 409 while it runs. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  return respond(await appServices().workshopRecord(head.userId, head.boardId, workshopId));
}
