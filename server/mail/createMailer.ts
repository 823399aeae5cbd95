import { join } from "node:path";
import type { ServerConfig } from "../config";
import type { Logger } from "../log";
import type { Mailer } from "./mailer";
import { outboxMailer } from "./outboxMailer";
import { smtpMailer } from "./smtpMailer";

export const DEFAULT_MAIL_FROM = "Waymark <waymark@localhost>";

/** The outbox folder inside a data directory. */
export const outboxDir = (dataDir: string) => join(dataDir, "outbox");

/** SMTP when WAYMARK_SMTP_URL is set, else the outbox in the data directory. */
export function createMailer(config: Pick<ServerConfig, "dataDir" | "smtpUrl" | "mailFrom">, log: Logger): Mailer {
  const from = config.mailFrom ?? DEFAULT_MAIL_FROM;
  return config.smtpUrl ? smtpMailer(config.smtpUrl, from) : outboxMailer(outboxDir(config.dataDir), from, log);
}
