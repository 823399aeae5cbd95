import type { AccountInfo } from "../../components/auth/UserMenu";
import type { UserSummary } from "../../lib/protocol/appServices";
import { presenceColorFor } from "../../lib/protocol/presenceColor";

/** What the user menu shows: the account's name and email, in the colour others see them in. */
export function accountInfo(user: UserSummary): AccountInfo {
  return { name: user.name || user.email, email: user.email, color: presenceColorFor(user.id) };
}
