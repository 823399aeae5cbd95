import { signIn } from "next-auth/react";
import { describeSignInError } from "./signInErrors";

/**
 * Signs in with email and password without leaving the page, so a mistake is shown next to the
 * form. Returns null on success (the session cookie is set) or the reason it failed.
 */
export async function passwordSignIn(email: string, password: string, callbackUrl: string): Promise<string | null> {
  try {
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
    if (!result) return "Could not reach the server. Check your connection and try again.";
    if (result.error) return describeSignInError(result.error);
    return result.ok ? null : `Sign-in failed (HTTP ${result.status}). Try again.`;
  } catch {
    return "Could not reach the server. Check your connection and try again.";
  }
}
