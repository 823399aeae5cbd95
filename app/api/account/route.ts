import { z } from "zod";
import { appServices } from "../../../lib/protocol/appServices";
import { currentUser } from "../../_auth/session";
import { crossSiteRefusal, parseBody, respond, unauthorized } from "../../_http/respond";

const preferencesSchema = z.object({ commentMail: z.boolean() }).strict();

/** The signed-in user's mail preferences. */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) return unauthorized();
  return Response.json(await appServices().mailPreferences(user.id));
}

/** Changes them: `{ commentMail: false }` stops mentions and replies being mailed. */
export async function PATCH(request: Request): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const user = await currentUser();
  if (!user) return unauthorized();
  const input = await parseBody(request, preferencesSchema);
  if (input instanceof Response) return input;
  return respond(await appServices().setMailPreferences(user.id, input));
}
