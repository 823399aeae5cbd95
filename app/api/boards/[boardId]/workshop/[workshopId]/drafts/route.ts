import { appServices } from "../../../../../../../lib/protocol/appServices";
import { draftInputSchema } from "../../../../../../../lib/protocol/workshops";
import { respond } from "../../../../../../_http/respond";
import { SMALL_BODY_LIMIT, workshopCall, workshopRequest } from "../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** The caller's own drafts, and everyone's once revealed. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await workshopRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().listDrafts(head.userId, head.boardId, head.workshopId));
}

/** Writes a private draft while drafting is open (owners, editors, commenters): 201 with `{ draft }`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const call = await workshopCall(request, params, { schema: draftInputSchema, maxBytes: SMALL_BODY_LIMIT });
  if (call instanceof Response) return call;
  return respond(await appServices().createDraft(call.userId, call.boardId, call.workshopId, call.input), 201);
}
