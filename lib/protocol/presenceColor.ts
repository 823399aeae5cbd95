/**
 * The colour a person (or a share link's guests) wears in presence. It is derived from the
 * identity the server knows, so everyone sees the same colour for the same person on every
 * board, and the browser can draw its own avatar in that colour without asking.
 */

/** 24 hues, 15° apart; initials are written in white or near-black, whichever reads (components/ui/inkOn.ts). */
const HUES = 24;

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** A stable colour per identity id (user id, or `guest:<shareLinkId>`). */
export function presenceColorFor(id: string): string {
  // FNV-1a with a final avalanche, so ids differing in one character land on distant hues.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  return hslToHex(((h % HUES) * 360) / HUES, 0.68, 0.44);
}
