import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../log";
import type { Mailer, MailMessage } from "./mailer";

/** The outbox keeps this many messages; older ones are deleted as new ones arrive. */
export const OUTBOX_LIMIT = 100;

export interface OutboxEntry extends MailMessage {
  from: string;
  sentAt: string;
}

/**
 * No SMTP server configured: each message is written as JSON to `<data dir>/outbox/` and its
 * links are logged, so a fresh `npm start` can invite people and accept invitations without any
 * set-up. The files hold working secrets (invitation links): the folder is the operator's, like
 * the database next to it.
 */
export function outboxMailer(dir: string, from: string, log: Logger, limit = OUTBOX_LIMIT): Mailer {
  let written = 0;
  return {
    kind: "outbox",
    async deliver(message) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const sentAt = new Date().toISOString();
      // Sortable by name: time first, then a counter for messages in the same millisecond.
      const name = `${sentAt.replace(/[:.]/g, "-")}-${String(written++ % 1e6).padStart(6, "0")}-${randomBytes(3).toString("hex")}.json`;
      const entry: OutboxEntry = { from, sentAt, ...message };
      // Written aside, then renamed into place: a reader (the dev page, a test) never sees half a message.
      await writeFile(join(dir, `${name}.tmp`), JSON.stringify(entry, null, 2), { mode: 0o600 });
      await rename(join(dir, `${name}.tmp`), join(dir, name));
      log.info({ to: message.to, subject: message.subject, links: message.text.match(/https?:\/\/\S+/g) ?? [], file: name }, "mail written to the outbox (no SMTP server configured)");
      await prune(dir, limit);
    },
    async close() {},
  };
}

async function prune(dir: string, limit: number): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  await Promise.all(names.slice(0, Math.max(0, names.length - limit)).map((n) => unlink(join(dir, n)).catch(() => undefined)));
}

/** The outbox's messages, newest first. */
export async function readOutbox(dir: string): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort().reverse();
  } catch {
    return [];
  }
  // A file pruned between the listing and the read is simply left out.
  const entries = await Promise.all(
    names.map((n) => readFile(join(dir, n), "utf8").then((text) => JSON.parse(text) as OutboxEntry, () => null)),
  );
  return entries.filter((e): e is OutboxEntry => e !== null);
}
