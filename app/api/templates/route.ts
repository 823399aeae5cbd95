import { connection } from "next/server";
import { appServices } from "../../../lib/protocol/appServices";
import { currentUser } from "../../_auth/session";
import { respond, unauthorized } from "../../_http/respond";

/** The gallery for creating a board: the built-in templates and the caller's own. */
export async function GET(): Promise<Response> {
  await connection();
  const user = await currentUser();
  if (!user) return unauthorized();
  return respond(await appServices().templateGallery(user.id));
}
