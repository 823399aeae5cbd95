import { SHARE_SECRET_HEADER } from "../../lib/protocol/guestReaders";

/**
 * The share link a guest's tab was opened with, so the reads guests may make (versions, the
 * baseline, compare, past moments: lib/protocol/guestReaders.ts) and the board's live notices
 * can prove it: a guest has no session cookie. Set by the board screen of a share page for as
 * long as it shows; one board per tab.
 */
let secret: string | null = null;

export function setGuestShare(value: string | null): void {
  secret = value;
}

export function guestShare(): string | null {
  return secret;
}

/** The header apiRequest adds while a guest's board is open. */
export function guestShareHeaders(): Record<string, string> {
  return secret ? { [SHARE_SECRET_HEADER]: secret } : {};
}
