import type { Role } from "../../lib/protocol/roles";
import type { MailMessage } from "./mailer";
import { formatDayOf } from "../../lib/format/dates";

/**
 * The messages Waymark sends, as plain text. Names and titles come from users: they go into the
 * text as they are (plain text cannot carry markup), and never into a header but the subject,
 * which nodemailer encodes.
 */

const ROLE_WORDS: Record<Role, string> = {
  owner: "an owner",
  editor: "an editor",
  commenter: "a commenter",
  viewer: "a viewer",
};

const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ").slice(0, 120);

export function invitationMail(input: { to: string; inviter: string; boardTitle: string; role: Role; link: string; expiresAt: string }): MailMessage {
  return {
    to: input.to,
    subject: oneLine(`${input.inviter} invited you to “${input.boardTitle}” on Waymark`),
    text: [
      `${input.inviter} invited you to the roadmap “${input.boardTitle}” as ${ROLE_WORDS[input.role]}.`,
      "",
      "Open this link to accept (sign in, or create an account, on the way):",
      input.link,
      "",
      `The link works once and until ${formatDayOf(input.expiresAt, { timeZone: "UTC" })} (UTC). If you did not expect it, ignore this message.`,
    ].join("\n"),
  };
}

export function welcomeMail(input: { to: string; name: string; link: string }): MailMessage {
  return {
    to: input.to,
    subject: "Your Waymark account",
    text: [`Hello ${input.name},`, "", "your Waymark account for this address is ready:", input.link, "", "If you did not create it, tell the server's operator."].join("\n"),
  };
}

/** Someone tried to sign up with an address that already has an account: its owner hears of it, the requester does not. */
export function accountExistsMail(input: { to: string; link: string }): MailMessage {
  return {
    to: input.to,
    subject: "Someone tried to create a Waymark account with your address",
    text: [
      "Someone (perhaps you) tried to create a Waymark account with this address, which already has one.",
      "No new account was created. Sign in with your existing account:",
      input.link,
      "",
      "If this was not you, nothing needs doing.",
    ].join("\n"),
  };
}

export function commentMail(input: {
  to: string;
  kind: "mention" | "reply";
  actor: string;
  boardTitle: string;
  anchorTitle: string;
  text: string;
  link: string;
  settingsLink: string;
}): MailMessage {
  const what = input.kind === "mention" ? "mentioned you" : "replied in a thread you are part of";
  const excerpt = input.text.length > 500 ? `${input.text.slice(0, 500)}…` : input.text;
  return {
    to: input.to,
    subject: oneLine(`${input.actor} ${what} on “${input.boardTitle}”`),
    text: [
      `${input.actor} ${what} on “${input.anchorTitle}” in “${input.boardTitle}”:`,
      "",
      excerpt,
      "",
      `Open the board: ${input.link}`,
      "",
      `You get these because of a mention or a reply. To stop them: ${input.settingsLink}`,
    ].join("\n"),
  };
}
