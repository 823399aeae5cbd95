import { appServices } from "../../../../../../lib/protocol/appServices";
import { respond } from "../../../../../_http/respond";
import { boardRequest } from "../../boardRoute";

type Context = { params: Promise<{ boardId: string; linkId: string }> };

/** Revokes a share link; guests connected through it are disconnected at once. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().revokeShareLink(head.userId, head.boardId, (await params).linkId));
}
