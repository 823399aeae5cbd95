import { appServices } from "../../../../../lib/protocol/appServices";
import { respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** A copy of the board owned by the caller (any member): the document, not comments or versions. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const copied = await appServices().duplicateBoard(head.userId, head.boardId);
  if (!copied.ok) return respond(copied);
  return Response.json({ board: copied.value }, { status: 201, headers: { Location: `/boards/${copied.value.id}` } });
}
