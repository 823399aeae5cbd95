import type { IncomingMessage, ServerResponse } from "node:http";
import { readOutbox, type OutboxEntry } from "./outboxMailer";

export const OUTBOX_PATH = "/dev/outbox";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Text with its http(s) links made clickable; everything else escaped. */
const linkified = (text: string) =>
  text
    .split(/(https?:\/\/\S+)/g)
    .map((part, i) => (i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join("");

function render(entries: OutboxEntry[]): string {
  const items = entries
    .map(
      (e) => `<article data-testid="outbox-mail"><h2>${escapeHtml(e.subject)}</h2><p class="meta">to ${escapeHtml(e.to)} · ${escapeHtml(e.sentAt)}</p><pre>${linkified(e.text)}</pre></article>`,
    )
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>Waymark outbox</title>
<style>body{font:14px system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#0f172a}article{border:1px solid #e2e8f0;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}h2{font-size:1rem;margin:0}.meta{color:#64748b;margin:.25rem 0}pre{white-space:pre-wrap;font:inherit}</style></head>
<body><h1>Outbox</h1><p>Mail this development server would have sent (no SMTP server is configured), newest first. Only this machine can see this page.</p>${items || "<p>No mail yet.</p>"}</body></html>`;
}

/**
 * The outbox as a page for the server's operator, at /dev/outbox. It holds working secrets
 * (invitation links), so it exists only in development with the outbox in use, and answers only
 * requests made on this machine (the socket's peer is loopback and no proxy forwarded it);
 * everyone else gets the same 404 as for any unknown path. Returns false for other paths.
 */
export function createOutboxPage(dir: string, enabled: boolean) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (!enabled || (req.url ?? "").split("?")[0] !== OUTBOX_PATH) return false;
    const local = LOOPBACK.has(req.socket.remoteAddress ?? "") && req.headers["x-forwarded-for"] === undefined;
    if (!local || (req.method !== "GET" && req.method !== "HEAD")) return false;
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      "Referrer-Policy": "no-referrer",
    });
    res.end(render(await readOutbox(dir)));
    return true;
  };
}
