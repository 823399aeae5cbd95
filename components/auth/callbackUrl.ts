/**
 * Where to go after signing in: only a path on this site. A `callbackUrl` of
 * `https://evil.example` or `//evil.example` would turn the sign-in page into an open redirect
 * that phishing mails could use with our domain in the link.
 */
export function safeCallbackUrl(raw: unknown, host: string | null, fallback = "/"): string {
  if (typeof raw !== "string") return fallback;
  // next-auth itself sends absolute URLs of this site (e.g. after an OAuth error): keep the path.
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      return host !== null && url.host === host ? safeCallbackUrl(`${url.pathname}${url.search}${url.hash}`, null, fallback) : fallback;
    } catch {
      return fallback;
    }
  }
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  // Control characters and backslashes have no business in our paths; browsers treat "\" like "/".
  if (/[\u0000-\u001f\\]/.test(raw)) return fallback;
  return raw;
}

/** The page to put in a link to the other auth page, keeping where the person was going. */
export function withCallback(path: "/signin" | "/signup", callbackUrl: string): string {
  return callbackUrl === "/" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
