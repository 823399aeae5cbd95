/**
 * Where to go after signing in: only a path on this site. A `callbackUrl` of
 * `https://evil.example` or `//evil.example` would turn the sign-in page into an open redirect
 * that phishing mails could use with our domain in the link.
 */
export function safeCallbackUrl(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  // Control characters and backslashes have no business in our paths; browsers treat "\" like "/".
  if (/[\u0000-\u001f\\]/.test(raw)) return fallback;
  return raw;
}

/** The page to put in a link to the other auth page, keeping where the person was going. */
export function withCallback(path: "/signin" | "/signup", callbackUrl: string): string {
  return callbackUrl === "/" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
