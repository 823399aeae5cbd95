"use client";

import { useState, type FormEvent } from "react";
import { authInputClass, authLabelClass, primaryButtonClass } from "./AuthCard";
import { OAuthButtons, type OAuthProviderInfo } from "./OAuthButtons";
import { passwordSignIn } from "./passwordSignIn";

interface SignInFormProps {
  callbackUrl: string;
  oauthProviders: OAuthProviderInfo[];
  /** An error next-auth sent back in the URL (e.g. after an OAuth round trip). */
  initialError: string | null;
}

export function SignInForm({ callbackUrl, oauthProviders, initialError }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const failed = await passwordSignIn(email, password, callbackUrl);
    if (failed) {
      setError(failed);
      setPending(false);
      return;
    }
    // A full navigation: every server component re-renders with the new session cookie.
    window.location.assign(callbackUrl);
  }

  return (
    <>
      <form onSubmit={submit} className="flex flex-col gap-4" aria-label="Sign in">
        <label className={authLabelClass}>
          Email
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            autoFocus
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
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={authInputClass}
          />
        </label>
        {error && (
          <p role="alert" data-testid="auth-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <OAuthButtons providers={oauthProviders} callbackUrl={callbackUrl} />
    </>
  );
}
