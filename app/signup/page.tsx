import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "../../components/auth/AuthCard";
import { safeCallbackUrl, withCallback } from "../../components/auth/callbackUrl";
import { SignUpForm } from "../../components/auth/SignUpForm";
import { configuredOAuthProviders } from "../_auth/oauthProviders";
import { currentUser } from "../_auth/session";

export const metadata: Metadata = { title: "Create an account" };

interface SignUpPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  await connection();
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, (await headers()).get("host"));
  if (await currentUser()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Create your account"
      subtitle="Plan a service roadmap with every team, live."
      footer={
        <>
          Already have an account?{" "}
          <Link href={withCallback("/signin", callbackUrl)} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} oauthProviders={configuredOAuthProviders()} />
    </AuthCard>
  );
}
