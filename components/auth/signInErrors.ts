/** next-auth's error codes, in words that say what to do next. */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password. Check both and try again.",
  OAuthAccountNotLinked: "This email already has a Waymark account. Sign in with its password.",
  OAuthEmailUnverified:
    "The provider has not verified this account's email address (on GitHub: your primary address). Verify it there and try again, or sign up with a password.",
  OAuthSignin: "Could not start signing in with that provider. Try again.",
  OAuthCallback: "The provider did not complete the sign-in. Try again.",
  Callback: "Signing in did not complete. Try again.",
  AccessDenied: "Access was denied.",
  SessionRequired: "Sign in to see that page.",
  Configuration: "Sign-in is not configured correctly on this server. Tell its administrator.",
};

/**
 * A sign-in error in words. next-auth passes an error thrown by `authorize` through as its
 * message (the rate limiter's "Too many sign-in attempts…"), so a sentence is shown as it is.
 */
export function describeSignInError(code: string): string {
  return MESSAGES[code] ?? (code.includes(" ") ? code : `Sign-in failed (${code}). Try again.`);
}
