import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { UserMenu } from "../../components/auth/UserMenu";
import { InboxList } from "../../components/inbox/InboxList";
import { Logo } from "../../components/ui/Logo";
import { accountInfo } from "../_auth/account";
import { currentUser } from "../_auth/session";

export const metadata: Metadata = { title: "Inbox" };

/** Mentions, replies and new threads on your items, across every board you are on. */
export default async function InboxPage() {
  await connection();
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=%2Finbox");
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between px-6">
          <Logo />
          <UserMenu account={accountInfo(user)} />
        </div>
      </header>
      <main className="mx-auto flex max-w-3xl flex-col gap-4 px-6 py-8">
        <InboxList />
      </main>
    </div>
  );
}
