import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { MailPreferences } from "../../components/account/MailPreferences";
import { UserMenu } from "../../components/auth/UserMenu";
import { Logo } from "../../components/ui/Logo";
import { appServices } from "../../lib/protocol/appServices";
import { accountInfo } from "../_auth/account";
import { currentUser } from "../_auth/session";

export const metadata: Metadata = { title: "Settings" };

/** The account's settings: for now, whether comment notices are mailed (the link in every such mail). */
export default async function SettingsPage() {
  await connection();
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=%2Fsettings");
  const { commentMail } = await appServices().mailPreferences(user.id);
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between px-6">
          <Logo />
          <UserMenu account={accountInfo(user)} />
        </div>
      </header>
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <section aria-label="Email" className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
          <h2 className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Email</h2>
          <p className="mb-3 mt-1 text-sm text-slate-600 dark:text-slate-400">Mail goes to {user.email}.</p>
          <MailPreferences initial={commentMail} />
        </section>
      </main>
    </div>
  );
}
