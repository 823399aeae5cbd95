import { boardIdSchema, type BoardId, type UserId } from "../../../../lib/model/ids";
import { currentUser } from "../../../_auth/session";
import { crossSiteRefusal, parseParam, unauthorized } from "../../../_http/respond";

/**
 * The common head of every board route: a signed-in user (401) and a well-formed board id
 * (404). Role checks happen in the services, which every call goes through.
 */
export async function boardRequest(
  request: Request,
  params: Promise<{ boardId: string }>,
): Promise<{ userId: UserId; sessionId?: string; boardId: BoardId } | Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const user = await currentUser();
  if (!user) return unauthorized();
  const boardId = parseParam((await params).boardId, boardIdSchema);
  if (boardId instanceof Response) return boardId;
  return user.sessionId === undefined ? { userId: user.id, boardId } : { userId: user.id, sessionId: user.sessionId, boardId };
}
