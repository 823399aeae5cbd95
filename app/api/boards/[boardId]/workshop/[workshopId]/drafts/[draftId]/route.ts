import { appServices } from "../../../../../../../../lib/protocol/appServices";
import { draftPatchSchema } from "../../../../../../../../lib/protocol/workshops";
import { parseBody, respond } from "../../../../../../../_http/respond";
import { boardRequest } from "../../../../boardRoute";
import { idParam, SMALL_BODY_LIMIT } from "../../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string; draftId: string }> };

/** Changes one of the caller's drafts while drafting is open (anyone else's is a 404). */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  const draftId = await idParam(params, "draftId");
  if (draftId instanceof Response) return draftId;
  const input = await parseBody(request, draftPatchSchema, SMALL_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().updateDraft(head.userId, head.boardId, workshopId, draftId, input));
}

/** Deletes one of the caller's drafts while drafting is open: 204. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  const draftId = await idParam(params, "draftId");
  if (draftId instanceof Response) return draftId;
  return respond(await appServices().deleteDraft(head.userId, head.boardId, workshopId, draftId));
}
