import type { z } from "zod";

/**
 * A zod error as one user-facing line that names each bad field ("lag: expected int ..."),
 * so a caller can tell which input to fix.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}
