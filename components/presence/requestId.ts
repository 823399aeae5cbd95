/** A fresh id for a facilitator's request (follow me, bring everyone here): 9 random base-36 characters. */
export function newRequestId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("");
}
