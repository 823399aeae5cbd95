import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the SMTP server received it, decoded enough to read. */
export interface CaughtMail {
  /** The envelope's recipients (RCPT TO), which is where the mail really went. */
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpCatcher {
  url: string;
  mails: CaughtMail[];
  /** Waits until a message to `address` arrives (and matches `pattern`), then returns it. */
  waitFor(address: string, pattern?: RegExp, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

const decodeQuotedPrintable = (s: string) =>
  Buffer.from(
    s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes subjects. */
const decodeWords = (s: string) =>
  s.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );

function parse(raw: string, to: string[]): CaughtMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return { to, subject: decodeWords(header("Subject")), text: text.replace(/\r\n/g, "\n").replace(/\n$/, "") };
}

/** A real SMTP server in the test process, on port 0, that keeps every message it receives. */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push(parse(Buffer.concat(chunks).toString("latin1"), session.envelope.rcptTo.map((r) => r.address)));
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const find = (address: string, pattern?: RegExp) => mails.find((m) => m.to.includes(address) && (!pattern || pattern.test(m.text)));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor(address, pattern, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find(address, pattern);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no mail to ${address}${pattern ? ` matching ${pattern}` : ""} within ${timeoutMs} ms; got ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
