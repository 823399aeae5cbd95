import { appServices } from "../../../../../../../../lib/protocol/appServices";
import { draftPatchSchema } from "../../../../../../../../lib/protocol/workshops";
import { respond } from "../../../../../../../_http/respond";
import { SMALL_BODY_LIMIT, workshopCall, workshopRequest } from "../../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string; draftId: string }> };

/** Changes one of the caller's drafts while drafting is open (anyone else's is a 404). */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const call = await workshopCall(request, params, { schema: draftPatchSchema, maxBytes: SMALL_BODY_LIMIT }, "draftId");
  if (call instanceof Response) return call;
  return respond(await appServices().updateDraft(call.userId, call.boardId, call.workshopId, call.ids.draftId, call.input));
}

/** Deletes one of the caller's drafts while drafting is open: 204. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await workshopRequest(request, params, "draftId");
  if (head instanceof Response) return head;
  return respond(await appServices().deleteDraft(head.userId, head.boardId, head.workshopId, head.ids.draftId));
}
