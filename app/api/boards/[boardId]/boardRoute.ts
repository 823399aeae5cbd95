import { boardIdSchema, type BoardId, type UserId } from "../../../../lib/model/ids";
import { appServices } from "../../../../lib/protocol/appServices";
import { guestActor, SHARE_SECRET_HEADER } from "../../../../lib/protocol/guestReaders";
import { currentUser } from "../../../_auth/session";
import { crossSiteRefusal, errorResponse, parseParam, unauthorized } from "../../../_http/respond";

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

/**
 * The head of the routes share-link guests may read too (versions, the baseline, compare, past
 * moments): a signed-in user as boardRequest gives, or else a guest whose link's secret arrives
 * in SHARE_SECRET_HEADER and belongs to this board, as a guest actor the version services know
 * (lib/protocol/guestReaders.ts). Anything else is 401, as for boardRequest.
 */
export async function boardReader(request: Request, params: Promise<{ boardId: string }>): Promise<{ userId: UserId; boardId: BoardId } | Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const boardId = parseParam((await params).boardId, boardIdSchema);
  if (boardId instanceof Response) return boardId;
  const user = await currentUser();
  if (user) return { userId: user.id, boardId };
  const secret = request.headers.get(SHARE_SECRET_HEADER);
  if (!secret) return unauthorized();
  const link = await appServices().resolveShareLink(secret);
  if (!link || link.principal.kind !== "guest") return unauthorized();
  // A link opens its own board only: any other board answers exactly like one that does not exist.
  if (link.boardId !== boardId) return errorResponse(404, "board not found");
  return { userId: guestActor(link.principal.shareLinkId), boardId };
}
