import type { z } from "zod";
import { describeIssues } from "../../lib/model/issues";
import { HTTP_STATUS, type ServiceResult } from "../../lib/protocol/appServices";

/** A JSON error body with the status that matches it. */
export function errorResponse(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

/** Maps a service result onto HTTP: the value as JSON, or the error's own status and message. */
export function respond<T>(result: ServiceResult<T>, status = 200): Response {
  if (!result.ok) return errorResponse(HTTP_STATUS[result.error.kind], result.error.message);
  return result.value === undefined ? new Response(null, { status: 204 }) : Response.json(result.value, { status });
}

export const unauthorized = () => errorResponse(401, "sign in first");

/** Reads and validates a JSON body; a Response (422) when it is not what the schema wants. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return errorResponse(422, "body must be JSON");
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : errorResponse(422, describeIssues(parsed.error));
}

/** Parses a route parameter; a 404 for junk ids, which cannot name anything that exists. */
export function parseParam<S extends z.ZodType>(value: string, schema: S): z.infer<S> | Response {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : errorResponse(404, "not found");
}

/**
 * CSRF guard for state-changing requests on top of next-auth's SameSite cookies: a browser
 * sends Origin on every cross-site POST/PATCH/DELETE, so one naming another host is refused.
 */
export function crossSiteRefusal(request: Request): Response | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    if (new URL(origin).host === host) return null;
  } catch {
    // An unparsable Origin is refused below.
  }
  return errorResponse(403, "cross-site request refused");
}
