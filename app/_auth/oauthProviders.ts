import type { OAuthProviderInfo } from "../../components/auth/OAuthButtons";
import { authOptions } from "./authOptions";

/** The OAuth providers configured on this server (GitHub/Google when their env vars are set). */
export function configuredOAuthProviders(): OAuthProviderInfo[] {
  return authOptions.providers.filter((p) => p.type === "oauth").map((p) => ({ id: p.id, name: p.name }));
}
