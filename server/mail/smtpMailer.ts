import nodemailer from "nodemailer";
import type { Mailer } from "./mailer";

/**
 * Mail through an SMTP server, e.g. `smtp://user:pass@mail.example.com:587` (STARTTLS when the
 * server offers it) or `smtps://…:465`. Connections are pooled; a stuck server gives up after
 * the timeouts rather than holding messages forever.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    kind: "smtp",
    async deliver(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    async close() {
      transport.close();
    },
  };
}
