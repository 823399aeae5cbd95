import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./app/_http/contentSecurityPolicy";

/**
 * Gives every page and route response a Content-Security-Policy with a nonce of its own. The
 * same policy goes on the request, where Next.js finds the nonce and puts it on the scripts it
 * renders. Pages must render per request for that (app/layout.tsx makes them all dynamic).
 */
export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Build output (hashed scripts, styles, images) needs no policy of its own.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
