import type { Role } from "../../lib/protocol/roles";

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  editor: "Editor",
  commenter: "Commenter",
  viewer: "Viewer",
};

/** What a role may do, in the words of the roles table in docs/roles.md. */
export const ROLE_HINTS: Record<Role, string> = {
  owner: "Owners edit the roadmap and manage members, share links and the board itself.",
  editor: "Editors change the roadmap: items, dates, lanes and dependencies.",
  commenter: "Commenters follow the board live and comment; they cannot change the roadmap.",
  viewer: "Viewers follow the board live; they cannot change anything.",
};
