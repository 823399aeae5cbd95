import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The secret that signs sessions and sync tokens: NEXTAUTH_SECRET when set, otherwise one
 * generated on first start and kept (mode 0600) in the data folder, so sessions survive
 * restarts without a set-up step.
 */
export function resolveAuthSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
