import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "../../components/auth/AuthCard";
import { safeCallbackUrl, withCallback } from "../../components/auth/callbackUrl";
import { describeSignInError } from "../../components/auth/signInErrors";
import { SignInForm } from "../../components/auth/SignInForm";
import { configuredOAuthProviders } from "../_auth/oauthProviders";
import { currentUser } from "../_auth/session";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  await connection();
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, (await headers()).get("host"));
  // Already signed in: nothing to do here.
  if (await currentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? describeSignInError(params.error) : null;
  return (
    <AuthCard
      title="Sign in to Waymark"
      subtitle="Plan a service roadmap with every team, live."
      footer={
        <>
          New to Waymark?{" "}
          <Link href={withCallback("/signup", callbackUrl)} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} oauthProviders={configuredOAuthProviders()} initialError={error} />
    </AuthCard>
  );
}
