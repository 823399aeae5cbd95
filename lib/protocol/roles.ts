import { z } from "zod";

/**
 * Board roles and what each may do (docs/roles.md). The sync server and every route
 * decide with these functions; the UI only mirrors them.
 */
export const ROLES = ["owner", "editor", "commenter", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles an owner can hand out by invitation or role change. */
export const ASSIGNABLE_ROLES = ROLES;

export const canView = (role: Role | null): role is Role => role !== null;
export const canEditRoadmap = (role: Role | null): boolean => role === "owner" || role === "editor";
export const canComment = (role: Role | null): boolean => role === "owner" || role === "editor" || role === "commenter";
export const canManageBoard = (role: Role | null): boolean => role === "owner";

/** Who is behind a connection or request: a signed-in user, or a guest holding a share link. */
export type Principal =
  | {
      kind: "user";
      userId: string;
      name: string;
      email: string;
      /** The sign-in session it acts in (absent for sessions from before sessions had ids); signing it out closes the connection. */
      sessionId?: string;
    }
  | { kind: "guest"; shareLinkId: string; name: string };
