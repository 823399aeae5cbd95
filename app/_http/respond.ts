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

/** The body as text, or null once it passes `maxBytes` (read no further: a huge body costs us nothing). */
export async function readLimited(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads and validates a JSON body; a Response (422) when it is not what the schema wants or,
 * given `maxBytes`, longer than that (422 rather than 413: for the caller it is the same kind of
 * mistake as an overlong field, and gets the same answer).
 */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S, maxBytes?: number): Promise<z.infer<S> | Response> {
  let body: unknown;
  try {
    if (maxBytes === undefined) body = await request.json();
    else {
      const text = await readLimited(request, maxBytes);
      if (text === null) return errorResponse(422, `body is too large (at most ${maxBytes} bytes)`);
      body = JSON.parse(text);
    }
  } catch {
    return errorResponse(422, "body must be JSON");
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : errorResponse(422, describeIssues(parsed.error));
}

/**
 * Reads and validates a request's query string (each name once: a repeated name is refused
 * rather than guessed at); a Response (422) naming what is wrong otherwise.
 */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> | Response {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const [name, value] of params) {
    if (Object.hasOwn(query, name)) return errorResponse(422, `${name}: give it once`);
    query[name] = value;
  }
  const parsed = schema.safeParse(query);
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
 * X-Forwarded-Host reaches this code only from a trusted proxy (WAYMARK_TRUST_PROXY=1; the
 * server removes it otherwise), so a client cannot name its own Origin as the host.
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
