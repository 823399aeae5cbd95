import type { MailQueue } from "../mail/mailer";

/** What services need to send mail: the queue, and absolute links back to this server. */
export interface MailDeps {
  mail: MailQueue;
  /** An absolute URL for a path on this server, e.g. url("/invitations/abc"). */
  url(path: string): string;
}
