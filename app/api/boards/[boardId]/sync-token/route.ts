import { appServices } from "../../../../../lib/protocol/appServices";
import { respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/**
 * A short-lived token for `/sync/<boardId>?token=…`, for clients that cannot send the session
 * cookie (scripts, other origins). POST so that it is never cached or prefetched.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  // Bound to this sign-in session: signing it out refuses the token (and closes its sockets).
  const principal = { kind: "user" as const, userId: head.userId, name: "", email: "", ...(head.sessionId ? { sessionId: head.sessionId } : {}) };
  return respond(await appServices().mintSyncToken(principal, head.boardId));
}
