import { appServices } from "../../../../../lib/protocol/appServices";
import { crossSiteRefusal, errorResponse, respond } from "../../../../_http/respond";

type Context = { params: Promise<{ secret: string }> };

/**
 * A fresh sync token for a share-link guest, so a board open for hours can still reconnect
 * after its first token expired. The link's secret is the credential: no session needed, and
 * a revoked or unknown link gets the same 404 as a board that does not exist. POST so that it
 * is never cached or prefetched.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const link = await appServices().resolveShareLink((await params).secret);
  if (!link) return errorResponse(404, "this share link does not exist or was revoked");
  return respond(await appServices().mintSyncToken(link.principal, link.boardId));
}
