import { appServices } from "../../../../../lib/protocol/appServices";
import { baselineSchema } from "../../../../../lib/protocol/versions";
import { parseBody, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** Sets the board's baseline to a version, or clears it with `{ "versionId": null }` (owners). */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, baselineSchema, 1024);
  if (input instanceof Response) return input;
  return respond(await appServices().setBaseline(head.userId, head.boardId, input));
}
