/**
 * The colour a person (or a share link's guests) wears in presence. It is derived from the
 * identity the server knows, so everyone sees the same colour for the same person on every
 * board, and the browser can draw its own avatar in that colour without asking.
 */
const PALETTE = ["#e11d48", "#d97706", "#059669", "#0284c7", "#7c3aed", "#db2777", "#0d9488", "#4f46e5", "#65a30d", "#ea580c"] as const;

/** A stable colour per identity id (user id, or `guest:<shareLinkId>`). */
export function presenceColorFor(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
