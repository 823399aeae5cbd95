import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AccountPageFrame } from "../../components/auth/AccountPageFrame";
import { InboxList } from "../../components/inbox/InboxList";
import { accountInfo } from "../_auth/account";
import { currentUser } from "../_auth/session";

export const metadata: Metadata = { title: "Inbox" };

/** Mentions, replies and new threads on your items, across every board you are on. */
export default async function InboxPage() {
  await connection();
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=%2Finbox");
  return (
    <AccountPageFrame account={accountInfo(user)} width="narrow" spacing="gap-4 py-8">
      <InboxList />
    </AccountPageFrame>
  );
}
