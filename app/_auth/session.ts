import { getServerSession } from "next-auth";
import { userIdSchema, type UserId } from "../../lib/model/ids";
import { appServices, type UserSummary } from "../../lib/protocol/appServices";
import { authOptions } from "./authOptions";

/**
 * The signed-in user, re-read from storage: a session for a deleted account is no session.
 * Server components and route handlers only.
 */
export async function currentUser(): Promise<(UserSummary & { id: UserId }) | null> {
  const session = await getServerSession(authOptions);
  const id = userIdSchema.safeParse((session?.user as { id?: unknown } | undefined)?.id);
  if (!id.success) return null;
  const user = await appServices().getUser(id.data);
  return user ? { ...user, id: id.data } : null;
}
