import { ownerKey } from "../../lib/derive/conflicts/people";
import type { UserId } from "../../lib/model/ids";
import type { NotificationKind } from "../../lib/protocol/comments";
import type { ThreadWithComments } from "../storage/commentStore";

/** A board member as the notification rules see them. */
export interface NotifiableMember {
  userId: UserId;
  name: string;
  email: string;
}

export interface NotifyInput {
  /** Who wrote the comment: never notified of their own words. */
  actor: UserId;
  /** The board's current members: nobody else is notified. */
  members: readonly NotifiableMember[];
  /** Ids the comment mentions (already checked to be members). */
  mentioned: readonly string[];
  /** For a reply: who took part in the thread before it (see threadParticipants). */
  participants?: readonly UserId[];
  /** For a new thread on an item: the owners the item names (free text). */
  itemOwners?: readonly string[];
}

export interface Recipient {
  userId: UserId;
  kind: NotificationKind;
}

/**
 * Whether a member is one of an item's owners. Owners are free text ("Ana", "ana@x.dev"), so a
 * member matches by name, by email, or by the email's local part, compared as ownerKey does
 * (case and spacing do not matter).
 */
export function isOwnerOf(member: NotifiableMember, ownerKeys: ReadonlySet<string>): boolean {
  const email = ownerKey(member.email);
  const local = email.split("@")[0] ?? "";
  return [ownerKey(member.name), email, local].some((key) => key !== "" && ownerKeys.has(key));
}

/** The thread's starter and the authors of its comments that still stand, in order of first appearance. */
export function threadParticipants(thread: ThreadWithComments): UserId[] {
  const ids: UserId[] = [thread.createdBy];
  for (const c of thread.comments) if (!c.deletedAt && !ids.includes(c.authorId)) ids.push(c.authorId);
  return ids;
}

/**
 * Who hears of a comment, and why: each current member at most once, never the actor. A
 * mention is the most direct reason, so it wins over "reply", which wins over "new-thread".
 */
export function notificationRecipients(input: NotifyInput): Recipient[] {
  const members = new Map(input.members.map((m) => [m.userId, m]));
  const out: Recipient[] = [];
  const add = (userId: UserId, kind: NotificationKind) => {
    if (userId === input.actor || !members.has(userId) || out.some((r) => r.userId === userId)) return;
    out.push({ userId, kind });
  };
  for (const id of input.mentioned) add(id as UserId, "mention");
  for (const id of input.participants ?? []) add(id, "reply");
  const ownerKeys = new Set((input.itemOwners ?? []).map(ownerKey).filter((key) => key !== ""));
  if (ownerKeys.size > 0) for (const member of input.members) if (isOwnerOf(member, ownerKeys)) add(member.userId, "new-thread");
  return out;
}
