import type { BoardId, UserId } from "../../lib/model/ids";
import { canComment, canEditRoadmap, type Principal, type Role } from "../../lib/protocol/roles";
import type { Storage } from "../storage/storage";
import type { PeerAccess } from "../sync/peer";
import { colorFor } from "../sync/presence";

/**
 * The role a principal holds on a board, looked up fresh (never trusted from a token):
 * members by their membership, share-link guests as viewers while the link is live.
 * Null means no access, which callers answer exactly like an unknown board.
 */
export async function roleOn(storage: Storage, principal: Principal, boardId: BoardId): Promise<Role | null> {
  if (principal.kind === "user") return storage.roleOf(boardId, principal.userId as UserId);
  const link = (await storage.listShareLinks(boardId)).find((l) => l.id === principal.shareLinkId);
  return link && link.revokedAt === null ? "viewer" : null;
}

/** Everything a connection's peer needs: the role and the identity others will see. */
export async function resolveAccess(storage: Storage, principal: Principal, boardId: BoardId): Promise<PeerAccess | null> {
  const role = await roleOn(storage, principal, boardId);
  if (role === null) return null;
  if (principal.kind === "user") {
    const user = await storage.getUser(principal.userId as UserId);
    if (!user) return null;
    return {
      principal,
      role,
      identity: { id: user.id, name: user.name || user.email, color: colorFor(user.id), readOnly: !canEditRoadmap(role), canComment: canComment(role) },
    };
  }
  const id = `guest:${principal.shareLinkId}`;
  return { principal, role, identity: { id, name: principal.name || "Guest", color: colorFor(id), readOnly: true, canComment: false } };
}
