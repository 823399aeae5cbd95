import { getServerSession } from "next-auth";
import { userIdSchema, type UserId } from "../../lib/model/ids";
import { appServices, type UserSummary } from "../../lib/protocol/appServices";
import { authOptions } from "./authOptions";

/**
 * The signed-in user, re-read from storage: a session for a deleted account is no session, and
 * neither is a signed-out one (the jwt callback refuses it). `sessionId` names the sign-in
 * session (absent for sessions from before they had ids). Server components and route handlers only.
 */
export async function currentUser(): Promise<(UserSummary & { id: UserId; sessionId?: string }) | null> {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: unknown; sessionId?: unknown } | undefined;
  const id = userIdSchema.safeParse(claims?.id);
  if (!id.success) return null;
  const user = await appServices().getUser(id.data);
  if (!user) return null;
  return typeof claims?.sessionId === "string" ? { ...user, id: id.data, sessionId: claims.sessionId } : { ...user, id: id.data };
}
