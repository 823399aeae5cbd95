"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { apiRequest } from "../ui/apiRequest";
import { authInputClass, authLabelClass, primaryButtonClass } from "./AuthCard";
import { withCallback } from "./callbackUrl";
import { OAuthButtons, type OAuthProviderInfo } from "./OAuthButtons";
import { passwordSignIn } from "./passwordSignIn";

interface SignUpFormProps {
  callbackUrl: string;
  oauthProviders: OAuthProviderInfo[];
}

/**
 * Creates the account (the server validates: one rule, one place), then signs straight in. The
 * server answers the same for an address that already has an account (its owner is mailed), so
 * only the sign-in tells: it fails then, and the message covers both cases without saying which.
 */
export function SignUpForm({ callbackUrl, oauthProviders }: SignUpFormProps) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<{ message: string; signInLink: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const created = await apiRequest("POST", "/api/signup", { email, name, password });
    if (!created.ok) {
      setError({ message: created.error, signInLink: false });
      setPending(false);
      return;
    }
    const failed = await passwordSignIn(email, password, callbackUrl);
    if (failed) {
      setError({
        message: "We could not sign you in. If this address already had a Waymark account, we sent it an email: sign in with that account instead.",
        signInLink: true,
      });
      setPending(false);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <>
      <form onSubmit={submit} className="flex flex-col gap-4" aria-label="Create an account">
        <label className={authLabelClass}>
          Name
          <input
            name="name"
            autoComplete="name"
            required
            autoFocus
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="As your teammates know you"
            className={authInputClass}
          />
        </label>
        <label className={authLabelClass}>
          Email
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={authInputClass}
          />
        </label>
        <label className={authLabelClass}>
          Password
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            aria-describedby="password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={authInputClass}
          />
          <span id="password-hint" className="text-xs font-normal text-slate-500 dark:text-slate-400">
            At least 8 characters and hard to guess: a few unrelated words work well.
          </span>
        </label>
        {error && (
          <p role="alert" data-testid="auth-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error.message}
            {error.signInLink && (
              <>
                {" "}
                <Link href={withCallback("/signin", callbackUrl)} className="font-medium underline">
                  Go to sign in
                </Link>
              </>
            )}
          </p>
        )}
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Creating your account…" : "Create account"}
        </button>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Invited to a board? Open the link in the invitation email: it brings you back to accept once your account exists.
        </p>
      </form>
      <OAuthButtons providers={oauthProviders} callbackUrl={callbackUrl} />
    </>
  );
}
