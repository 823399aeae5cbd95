/**
 * GitHub's list of the user's addresses with their primary and verified flags (needs the
 * `user:email` scope, which next-auth's GitHub provider asks for). Undefined when GitHub does
 * not answer: the sign-in is then refused, never allowed on an unverified address.
 */
export async function fetchGitHubEmails(accessToken: string): Promise<unknown> {
  try {
    const response = await fetch("https://api.github.com/user/emails", {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json", "User-Agent": "Waymark" },
      signal: AbortSignal.timeout(10_000),
    });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}
