import { appServices } from "../../../../../../lib/protocol/appServices";
import { respond } from "../../../../../_http/respond";
import { workshopRequest } from "../../workshop/workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** The record of an ended workshop (every member): `{ record }`; 409 while it runs. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await workshopRequest(request, params);
  if (head instanceof Response) return head;
  const { workshopId } = head;
  return respond(await appServices().workshopRecord(head.userId, head.boardId, workshopId));
}
