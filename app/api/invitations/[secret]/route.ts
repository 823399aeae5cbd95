import { appServices } from "../../../../lib/protocol/appServices";
import { currentUser } from "../../../_auth/session";
import { crossSiteRefusal, respond, unauthorized } from "../../../_http/respond";

type Context = { params: Promise<{ secret: string }> };

/** Accepts the invitation the secret names for the signed-in user; answers the board to open. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const user = await currentUser();
  if (!user) return unauthorized();
  return respond(await appServices().acceptInvitation(user.id, (await params).secret));
}
