import { z } from "zod";
import { userIdSchema } from "../../../../../../lib/model/ids";
import { appServices } from "../../../../../../lib/protocol/appServices";
import { roleSchema } from "../../../../../../lib/protocol/roles";
import { parseBody, parseParam, respond } from "../../../../../_http/respond";
import { boardRequest } from "../../boardRoute";

type Context = { params: Promise<{ boardId: string; userId: string }> };

const changeSchema = z.object({ role: roleSchema }).strict();

/** Changes a member's role (owners only); open connections feel it at once. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const userId = parseParam((await params).userId, userIdSchema);
  if (userId instanceof Response) return userId;
  const input = await parseBody(request, changeSchema);
  if (input instanceof Response) return input;
  return respond(await appServices().changeRole(head.userId, head.boardId, userId, input.role));
}

/** Removes a member (owners), or leaves the board (anyone, for themselves). */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const userId = parseParam((await params).userId, userIdSchema);
  if (userId instanceof Response) return userId;
  return respond(await appServices().removeMember(head.userId, head.boardId, userId));
}
