import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AcceptInvitation } from "../../../components/account/AcceptInvitation";
import { AuthCard, primaryButtonClass } from "../../../components/auth/AuthCard";
import { withCallback } from "../../../components/auth/callbackUrl";
import { appServices } from "../../../lib/protocol/appServices";
import { currentUser } from "../../_auth/session";
import { formatDayOf } from "../../../lib/format/dates";

// The URL holds the invitation's secret: keep it out of search engines and of other sites' logs.
export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false }, referrer: "no-referrer" };

interface InvitationPageProps {
  params: Promise<{ secret: string }>;
}

const ROLE_WORDS = { owner: "an owner", editor: "an editor", commenter: "a commenter", viewer: "a viewer" } as const;

const secondaryButtonClass =
  "w-full rounded-lg border border-slate-300 px-4 py-2 text-center text-sm font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800";

/**
 * Where an invitation mail's link leads. Opening it changes nothing: the person signs in or
 * signs up (coming back here), then accepts with a button (a POST, so link scanners in mail
 * systems that fetch every link cannot accept on their behalf).
 */
export default async function InvitationPage({ params }: InvitationPageProps) {
  await connection();
  const { secret } = await params;
  const here = `/invitations/${encodeURIComponent(secret)}`;
  const preview = await appServices().previewInvitation(secret);
  if (!preview.ok) {
    return (
      <AuthCard title="This invitation cannot be used" subtitle={preview.error.message} footer={<Link href="/" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">Go to Waymark</Link>}>
        <p data-testid="invitation-invalid" className="text-sm text-slate-600 dark:text-slate-400">
          Invitations work once and for 14 days. The board&apos;s owner can send you a new one from the board&apos;s Members dialog.
        </p>
      </AuthCard>
    );
  }
  const { boardTitle, role, email, inviter, expiresAt } = preview.value;
  const user = await currentUser();
  return (
    <AuthCard
      title={`Join “${boardTitle}”`}
      subtitle={`${inviter} invited ${email} to this roadmap as ${ROLE_WORDS[role]}.`}
      footer={<>The link works once, until {formatDayOf(expiresAt, { now: new Date(), timeZone: "UTC" })} (UTC).</>}
    >
      {user ? (
        <div className="flex flex-col gap-4">
          {user.email !== email && (
            <p data-testid="invitation-other-account" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-500/10 dark:text-amber-300">
              You are signed in as {user.email}, not {email}. Accepting adds {user.email} to the board.
            </p>
          )}
          <AcceptInvitation secret={secret} accountName={user.name || user.email} />
        </div>
      ) : (
        <div className="flex flex-col gap-3" data-testid="invitation-sign-in">
          <p className="text-sm text-slate-600 dark:text-slate-400">Sign in or create an account to accept. You come back here afterwards.</p>
          <Link href={withCallback("/signup", here)} className={`${primaryButtonClass} text-center`}>
            Create an account
          </Link>
          <Link href={withCallback("/signin", here)} className={secondaryButtonClass}>
            Sign in
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
