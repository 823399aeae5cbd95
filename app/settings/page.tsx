import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { MailPreferences } from "../../components/account/MailPreferences";
import { AccountPageFrame } from "../../components/auth/AccountPageFrame";
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
    <AccountPageFrame account={accountInfo(user)} width="narrow">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <section aria-label="Email" className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
        <h2 className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Email</h2>
        <p className="mb-3 mt-1 text-sm text-slate-600 dark:text-slate-400">Mail goes to {user.email}.</p>
        <MailPreferences initial={commentMail} />
      </section>
    </AccountPageFrame>
  );
}
