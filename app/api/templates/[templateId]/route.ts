import { appServices } from "../../../../lib/protocol/appServices";
import { currentUser } from "../../../_auth/session";
import { crossSiteRefusal, respond, unauthorized } from "../../../_http/respond";

type Context = { params: Promise<{ templateId: string }> };

/** Deletes one of the caller's own templates ("user:<id>"); anyone else's is not found. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const user = await currentUser();
  if (!user) return unauthorized();
  let templateId = (await params).templateId;
  try {
    templateId = decodeURIComponent(templateId);
  } catch {
    // A malformed escape cannot name a template; the service answers not-found for it.
  }
  return respond(await appServices().deleteTemplate(user.id, templateId));
}
