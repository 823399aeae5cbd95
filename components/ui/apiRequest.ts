import { guestShareHeaders } from "../live/guestShare";

/**
 * Calls one of Waymark's JSON routes and turns every way it can fail into one sentence a
 * person can act on: the route's own `error` message when it sent one, else what went wrong.
 */
export type ApiResult<T> = { ok: true; status: number; value: T } | { ok: false; status: number; error: string };

export async function apiRequest<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...guestShareHeaders(), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, error: "Could not reach the server. Check your connection and try again." };
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status below.
  }
  if (response.ok) return { ok: true, status: response.status, value: parsed as T };
  const message = (parsed as { error?: unknown } | undefined)?.error;
  return { ok: false, status: response.status, error: typeof message === "string" && message ? capitalize(message) : fallback(response.status) };
}

/** A sentence: capital first letter (unless it starts with an email address) and a full stop. */
function capitalize(message: string): string {
  const first = /^\S*@/.test(message) ? message : message.charAt(0).toUpperCase() + message.slice(1);
  return first + (/[.!?]$/.test(message) ? "" : ".");
}

function fallback(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again.";
  if (status === 403) return "Only an owner of this board can do that.";
  if (status === 404) return "Not found: it may have been deleted or you no longer have access.";
  return `The server could not do that (HTTP ${status}). Try again.`;
}
