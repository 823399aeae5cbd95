import type { Logger } from "../log";

/** One plain-text message. Links in it are absolute (see MailDeps.publicUrl). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes: an SMTP server, or the local outbox when none is configured. */
export interface Mailer {
  readonly kind: "smtp" | "outbox";
  deliver(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** Messages waiting for delivery at once; past this, new ones are dropped (and logged). */
export const MAX_PENDING_MAIL = 200;

/**
 * Sends without making the caller wait, and never fails the caller. Requests that trigger mail
 * (sign-up, invitations, comments) answer the same whether or not a message goes out and however
 * long the SMTP server takes: a slow or failing mail server must not reveal, by the time a
 * response takes or by an error, that "this address already has an account". Failures are logged.
 */
export interface MailQueue {
  send(message: MailMessage): void;
  /** Resolves when every message handed over so far was delivered or failed (tests, shutdown). */
  idle(): Promise<void>;
}

export function mailQueue(mailer: Mailer, log: Logger): MailQueue {
  const pending = new Set<Promise<void>>();
  return {
    send(message) {
      if (pending.size >= MAX_PENDING_MAIL) {
        log.warn({ subject: message.subject }, "mail dropped: too many messages waiting for the mail server");
        return;
      }
      const sending = mailer
        .deliver(message)
        .catch((error: unknown) => log.warn({ err: String(error), subject: message.subject }, "mail could not be sent"))
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
