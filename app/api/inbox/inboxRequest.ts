import type { UserId } from "../../../lib/model/ids";
import { currentUser } from "../../_auth/session";
import { crossSiteRefusal, unauthorized } from "../../_http/respond";

/** The head of the inbox routes: a same-site request (for writes) from a signed-in user (401). */
export async function inboxRequest(request: Request): Promise<{ userId: UserId } | Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const user = await currentUser();
  if (!user) return unauthorized();
  return { userId: user.id };
}
