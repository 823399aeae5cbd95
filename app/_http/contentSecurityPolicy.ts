/**
 * The Content-Security-Policy of every response, with a fresh nonce per request (proxy.ts).
 *
 * Scripts: only those carrying this response's nonce run ('strict-dynamic' lets them load the
 * chunks they import). Next.js reads the nonce from the request's CSP header and puts it on its
 * own bootstrap scripts, so no inline script runs without it: an injected `<script>` or event
 * handler attribute is refused. 'self' is for browsers older than 'strict-dynamic' (newer ones
 * ignore it then). React's development build evaluates code for its debugging tools:
 * 'unsafe-eval' only there.
 *
 * Styles keep 'unsafe-inline' (and so take no nonce: a nonce would switch 'unsafe-inline' off).
 * The timeline is drawn with server-rendered style attributes (positions, widths, lane colours),
 * which a nonce cannot cover; injected CSS cannot run code, so this is the accepted trade.
 *
 * The sync socket lives on this origin too, but `connect-src 'self'` does not cover ws: in every
 * browser, so ws:/wss: are listed.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    "connect-src 'self' ws: wss:",
    "img-src 'self' data: https:",
    "style-src 'self' 'unsafe-inline'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "font-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
