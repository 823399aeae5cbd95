import { appServices } from "../../../../../../../lib/protocol/appServices";
import { draftInputSchema } from "../../../../../../../lib/protocol/workshops";
import { parseBody, respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";
import { idParam, SMALL_BODY_LIMIT } from "../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** The caller's own drafts, and everyone's once revealed. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  return respond(await appServices().listDrafts(head.userId, head.boardId, workshopId));
}

/** Writes a private draft while drafting is open (owners, editors, commenters): 201 with `{ draft }`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  const input = await parseBody(request, draftInputSchema, SMALL_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().createDraft(head.userId, head.boardId, workshopId, input), 201);
}
