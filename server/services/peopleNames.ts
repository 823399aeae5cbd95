import type { UserId } from "../../lib/model/ids";
import type { PersonRef } from "../../lib/protocol/comments";
import type { Storage } from "../storage/storage";

const FORMER_MEMBER = "Former member";

/** Names for the people in a listing, looked up once each; people whose account is gone get a placeholder. */
export async function peopleNames(storage: Pick<Storage, "getUser">, ids: Iterable<UserId>): Promise<Map<UserId, PersonRef>> {
  const unique = [...new Set(ids)];
  const users = await Promise.all(unique.map((id) => storage.getUser(id)));
  return new Map(unique.map((id, i) => [id, { id, name: users[i]?.name ?? FORMER_MEMBER }]));
}
